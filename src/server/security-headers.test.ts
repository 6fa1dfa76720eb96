import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCS_HTML } from './docs-page.ts';
import { LOOPBACK_HOSTS, hostAllowed, ownPageCsp } from './security-headers.ts';

describe('hostAllowed', () => {
  it('matches names with any port, name:port exactly, .domain and its subdomains, *', () => {
    expect(hostAllowed('localhost:8377', LOOPBACK_HOSTS)).toBe(true);
    expect(hostAllowed('[::1]:8377', LOOPBACK_HOSTS)).toBe(true);
    expect(hostAllowed('127.0.0.1', LOOPBACK_HOSTS)).toBe(true);
    expect(hostAllowed('localhost.', LOOPBACK_HOSTS)).toBe(true);
    expect(hostAllowed('evil.example', LOOPBACK_HOSTS)).toBe(false);
    expect(hostAllowed('localhost.evil.example', LOOPBACK_HOSTS)).toBe(false);
    expect(hostAllowed('127.0.0.1.nip.io', LOOPBACK_HOSTS)).toBe(false);
    expect(hostAllowed('', LOOPBACK_HOSTS)).toBe(false);
    expect(hostAllowed('a.test:80', ['a.test:8080'])).toBe(false);
    expect(hostAllowed('a.test:8080', ['a.test:8080'])).toBe(true);
    expect(hostAllowed('x.corp.test', ['.corp.test'])).toBe(true);
    expect(hostAllowed('corp.test', ['.corp.test'])).toBe(true);
    expect(hostAllowed('evilcorp.test', ['.corp.test'])).toBe(false);
    expect(hostAllowed('anything', ['*'])).toBe(true);
  });
});

describe('ownPageCsp', () => {
  it("allows the /docs page's inline script and style by their hashes, nothing inline else", () => {
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(DOCS_HTML)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    const csp = ownPageCsp(DOCS_HTML);
    expect(csp).toContain(`script-src 'sha256-${hash}';`);
    expect(csp).toMatch(/style-src 'sha256-[^']+';/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
  });
  it("gives a page without inline code script-src 'none'", () => {
    expect(ownPageCsp('<p>hi</p><script src="/x.js"></script>')).toContain("script-src 'none'");
  });
});
