/**
 * The CHANGELOG is kept with changesets: the package's version has its section, and every pending
 * changeset names this package with a bump type changesets accepts (a malformed one makes
 * `npx changeset version` fail at release time, far from the change that wrote it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

describe('CHANGELOG and changesets', () => {
  it('the current version has a section in CHANGELOG.md', () => {
    const log = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(log.split('\n')).toContain(`## ${pkg.version}`);
  });

  it('every pending changeset bumps this package by patch, minor or major and says what changed', () => {
    const dir = join(ROOT, '.changeset');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      expect(m, `${f}: front matter between --- lines`).not.toBeNull();
      const bumps = m![1]!.split('\n').filter((l) => l.trim() !== '');
      for (const line of bumps)
        expect(line, `.changeset/${f}`).toMatch(
          new RegExp(`^['"]?${pkg.name}['"]?: (patch|minor|major)$`),
        );
      expect(bumps.length, `.changeset/${f}`).toBeGreaterThan(0);
      expect(m![2]!.trim().length, `.changeset/${f}: a summary`).toBeGreaterThan(20);
    }
  });
});
