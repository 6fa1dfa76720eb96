/** `entente inbox`: the evidence inbox of a draft from the command line (issue 19, item 4). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entente, expectNoStack, fixture } from './support/cli.ts';

describe('entente inbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-inbox-'));
  const draft = join(dir, 'draft.yaml');
  it('lists, then records accept / flip / reject with who and when; bad references exit 1', async () => {
    expect(
      (
        await entente(
          'ingest',
          fixture('evidence/us-asia-coalition-rco-news-2025.txt'),
          '--out',
          draft,
        )
      ).code,
    ).toBe(0);
    const list = await entente('inbox', draft);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^ {2}south-korea:1 {2}“[^”]+” → against/m);

    const before = Date.now();
    const r = await entente(
      'inbox',
      draft,
      '--accept',
      'south-korea:1',
      '--flip',
      'usa:2',
      '--reject',
      'usa:6',
      '--by',
      'A. Analyst',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/accepted south-korea:1/);
    expect(r.out).toMatch(/flipped usa:2 .* → against/);
    expect(r.out).toMatch(/rejected usa:6/);
    const text = readFileSync(draft, 'utf8');
    const stamp = text.match(
      /inbox (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ): A\. Analyst accepted south-korea:1/,
    );
    expect(stamp).not.toBeNull();
    expect(Math.abs(Date.parse(stamp![1]!) - before)).toBeLessThan(120_000);
    expect((await entente('inbox', draft)).out).toMatch(/usa:6 .*\[rejected by A\. Analyst at /);

    const bad = await entente(
      'inbox',
      draft,
      '--accept',
      'narnia:1',
      '--flip',
      'usa:99',
      '--by',
      'X',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no actor "narnia"/);
    expect(bad.err).toMatch(/usa:99: usa has \d+ candidate sentences/);
    expectNoStack(bad.err);
    const noBy = await entente('inbox', draft, '--accept', 'usa:1');
    expect(noBy.code).toBe(1);
    expect(noBy.err).toMatch(/--by NAME is required/);
    expect(readFileSync(draft, 'utf8')).toBe(text);
  });
});
