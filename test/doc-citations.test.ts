/**
 * Every specification a comment cites exists, down to the step or section it names: code cites
 * `docs/spec/eum.md step 7`, `docs/spec/smp.md, turn step 2`, `docs/spec/eum.md, "Dyad octants"`
 * and the like, and those places must be in the repository (the specification lives in docs/spec/,
 * in the project's own words). Relative links between the docs resolve too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const tracked = (...paths: string[]) =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...paths], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f && existsSync(join(ROOT, f)));

const code = tracked('src', 'bench', 'test', 'web/src', 'bin', 'scripts').filter((f) =>
  /\.(ts|tsx|js|mjs)$/.test(f),
);
const docs = [...tracked('docs', 'scenarios'), 'README.md'].filter((f) => f.endsWith('.md'));

/** Comment text with line breaks and comment markers folded into spaces. */
const folded = (text: string) => text.replace(/\n\s*(\*|\/\/)\s?/g, ' ');
const normal = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

interface Citation {
  readonly file: string;
  readonly doc: string;
  readonly step?: string;
  readonly section?: string;
}

function citations(): Citation[] {
  const out: Citation[] = [];
  for (const file of code) {
    if (file === 'test/doc-citations.test.ts') continue;
    const text = folded(readFileSync(join(ROOT, file), 'utf8'));
    for (const m of text.matchAll(
      /(docs\/[\w./-]+\.md)(?:,? (?:turn )?steps? (\d+)(?:(?:–| and )(\d+))?|,\s*"([^"]{2,60})")?/g,
    )) {
      const doc = m[1]!;
      if (m[2]) {
        out.push({ file, doc, step: m[2] });
        if (m[3]) out.push({ file, doc, step: m[3] });
      } else if (m[4]) out.push({ file, doc, section: m[4] });
      else out.push({ file, doc });
    }
  }
  return out;
}

describe('specification citations', () => {
  const all = citations();

  it('finds the citations it checks (the scan is not vacuous)', () => {
    expect(all.filter((c) => c.doc.startsWith('docs/spec/')).length).toBeGreaterThan(50);
    expect(all.filter((c) => c.step).length).toBeGreaterThan(15);
    expect(all.filter((c) => c.section).length).toBeGreaterThan(3);
  });

  it('cites only documents that exist in the repository', () => {
    const missing = all.filter((c) => !existsSync(join(ROOT, c.doc)));
    expect(missing.map((c) => `${c.file}: ${c.doc}`)).toEqual([]);
  });

  it('cites only steps the document numbers, and sections it has', () => {
    const bad: string[] = [];
    for (const c of all) {
      if (!existsSync(join(ROOT, c.doc))) continue;
      const text = readFileSync(join(ROOT, c.doc), 'utf8');
      if (c.step && !new RegExp(`^${c.step}\\. [*_]`, 'm').test(text))
        bad.push(`${c.file}: ${c.doc} step ${c.step}`);
      if (c.section && !normal(text).includes(normal(c.section)))
        bad.push(`${c.file}: ${c.doc}, "${c.section}"`);
    }
    expect(bad).toEqual([]);
  });

  it('leaves no citation of a specification outside the repository', () => {
    const outside = code.filter((f) =>
      /MODELS\.md/.test(readFileSync(join(ROOT, f), 'utf8').replace(/doc-citations/g, '')),
    );
    expect(outside.filter((f) => f !== 'test/doc-citations.test.ts')).toEqual([]);
  });

  it('has every relative link between the docs resolve', () => {
    const broken: string[] = [];
    for (const file of docs) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\]\(([^)#\s]+\.md)(#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(ROOT, dirname(file), target))) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
