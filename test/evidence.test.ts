/**
 * End-to-end: `entente ingest` and `entente evidence` through the CLI (in process) — the reference article,
 * merging into a scenario, and every kind of bad input with its precise message and exit code 1.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { entente, expectNoStack, fixture, ROOT } from './support/cli.ts';

const ARTICLE = fixture(join('evidence', 'us-asia-coalition-rco-news-2025.txt'));
const tmp = mkdtempSync(join(tmpdir(), 'entente-evidence-'));

function file(name: string, content: string | Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe('entente ingest ARTICLE', () => {
  it('drafts a scenario from the reference article: actors, the Quincy Institute as source, South Korea the most reluctant', async () => {
    const out = join(tmp, 'draft.yaml');
    const r = await entente('ingest', ARTICLE, '--out', out, '--as-of', '2025-12-15');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Provenance: claim by Quincy Institute for Responsible Statecraft, reported by Iranian Students' News Agency, published by RCO NEWS.",
    );
    const draft = parse(readFileSync(out, 'utf8')) as {
      actors: {
        id: string;
        stances: Record<
          string,
          { position: { value: number; status: string; confidence: number; evidence: string[] } }
        >;
      }[];
      evidence: { id: string; quote: string; locator: string; status: string }[];
      sources: { id: string; publisher: string; note: string }[];
    };
    expect(draft.actors.map((a) => a.id).sort()).toEqual([
      'australia',
      'australia-public',
      'china',
      'japan',
      'japan-public',
      'north-korea',
      'philippines',
      'south-korea',
      'south-korea-public',
      'taiwan',
      'usa',
    ]);
    expect(draft.sources[0]).toMatchObject({ id: 'rco-news', publisher: 'RCO NEWS' });
    expect(draft.sources[0]!.note).toContain(
      'Claim by Quincy Institute for Responsible Statecraft, reported by',
    );
    const pos = (id: string) => draft.actors.find((a) => a.id === id)!.stances.coalition!.position;
    for (const ally of ['japan', 'philippines', 'australia'])
      expect(pos('south-korea').value).toBeLessThan(pos(ally).value);
    expect(pos('south-korea')).toMatchObject({
      status: 'proposed',
      confidence: expect.any(Number) as unknown,
    });
    const ev = draft.evidence.find((e) => e.id === pos('south-korea').evidence[1])!;
    expect(ev).toMatchObject({
      status: 'proposed',
      locator: expect.stringMatching(/^paragraph \d+, sentence \d+ \(line \d+\)$/) as unknown,
    });
    expect((await entente('validate', out)).code).toBe(0);
  });

  it('prints the YAML on stdout and the summary on stderr without --out', async () => {
    const r = await entente('ingest', ARTICLE, '--as-of', '2025-12-15');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# yaml-language-server/);
    expect(r.err).toContain('south-korea');
    expect(r.err).toMatch(/“more reluctant than any” \(p6 s1\)/);
  });

  it('gives the analysis as JSON with each statement’s cue, locator and provenance', async () => {
    const r = await entente('ingest', ARTICLE, '--json', '--as-of', '2025-12-15');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      actors: { id: string; statements: { cue: string; locator: string; provenance: string }[] }[];
    };
    const korea = j.actors.find((a) => a.id === 'south-korea')!;
    expect(korea.statements.find((s) => s.cue === 'more reluctant than any')).toMatchObject({
      locator: 'paragraph 6, sentence 1 (line 8)',
      provenance: expect.stringContaining('claim by Quincy Institute') as unknown,
    });
  });

  it('merges --into a scenario without touching accepted numbers', async () => {
    const scenario = join(tmp, 'ea.yaml');
    copyFileSync(join(ROOT, 'scenarios', 'east-asia-coalition-2025.yaml'), scenario);
    const before = readFileSync(scenario, 'utf8');
    const r = await entente('ingest', ARTICLE, '--into', scenario, '--as-of', '2025-12-15');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /kept {6}korea-gov\.coalition\.position = 30 \(accepted; the article suggests/,
    );
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });

  it('reads an HTML page: tags stripped and entities decoded, saying so', async () => {
    const html = file(
      'page.html',
      `<!DOCTYPE html><html><head><title>Seoul hedges</title><script>var a=1;</script></head><body><p>South Korea is very reluctant to join a coalition against China&#8217;s rise.</p><p>Japan strongly supports the plan, and Washington wants it.</p></body></html>`,
    );
    const r = await entente(
      'ingest',
      html,
      '--out',
      join(tmp, 'page.yaml'),
      '--as-of',
      '2025-12-15',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /page\.html: read as HTML: \d+ tags stripped and character references decoded/,
    );
    expect(readFileSync(join(tmp, 'page.yaml'), 'utf8')).toContain('South Korea is very reluctant');
  });
});

describe('entente ingest: bad input (a precise message naming the file, exit 1, no stack)', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => join(tmp, 'nope.txt'), /nope\.txt: no such file$/m],
    [
      'an empty file',
      () => file('empty.txt', ''),
      /empty\.txt: is empty: expected the text of an article$/m,
    ],
    [
      'a file of blank lines',
      () => file('blank.txt', '\n \n\t\n'),
      /blank\.txt: is empty \(only white space\)/,
    ],
    [
      'a binary file',
      () =>
        file(
          'bin.dat',
          new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
        ),
      /bin\.dat: looks like a binary file \(a NUL byte at offset 8\)/,
    ],
    [
      'text that is not UTF-8',
      () =>
        file('latin1.txt', new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, 0x20, 0x61])),
      /latin1\.txt: is not valid UTF-8 text \(byte 0xe9 at offset 3\)/,
    ],
    [
      'a huge file',
      () => file('huge.txt', 'Seoul hedges. '.repeat(160_000)),
      /huge\.txt: is 2\.1 MB: articles over 2 MB are refused/,
    ],
    [
      'a French article',
      () =>
        file(
          'fr.txt',
          "La Corée du Sud est réticente à rejoindre une coalition contre la Chine. Le gouvernement de Séoul veut maintenir un équilibre entre Washington et Pékin, et l'opinion publique ne souhaite pas une guerre pour Taïwan selon le centre de réflexion.",
        ),
      /fr\.txt: looks like French \(\d+% English function words, \d+% Latin letters\): only English text is supported/,
    ],
    [
      'a Korean article',
      () =>
        file(
          'ko.txt',
          '한국 정부는 중국에 맞서는 연합에 참여하는 것을 주저하고 있다. 서울은 워싱턴과 베이징 사이에서 균형을 유지하려 한다.',
        ),
      /ko\.txt: looks like Hangul \(Korean\) script/,
    ],
    [
      'HTML with no text',
      () =>
        file(
          'empty.html',
          '<html><head><script>x()</script></head><body><div><span></span></div></body></html>',
        ),
      /empty\.html: is HTML with no text once its tags are stripped/,
    ],
    [
      'an article naming no actor',
      () =>
        file(
          'none.txt',
          'The weather was fine and the markets were calm. Nobody said anything about anything in particular today.',
        ),
      /none\.txt: names no actor: a scenario needs at least 2/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`refuses ${what}`, async () => {
      const r = await entente('ingest', make());
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expectNoStack(r.err);
    });
  }
  it('refuses a bad --as-of date', async () => {
    const r = await entente('ingest', ARTICLE, '--as-of', 'yesterday');
    expect(r.code).toBe(1);
    expect(r.err).toContain('--as-of: "yesterday" is not a date: expected YYYY-MM-DD');
  });
});

describe('entente evidence FILE', () => {
  it('lists each number with its evidence (quote, source, locator) for the built-in scenario', async () => {
    const r = await entente('evidence', 'scenarios/east-asia-coalition-2025.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^scenarios\/east-asia-coalition-2025\.yaml: (\d+) input numbers · \1 with evidence · 0 without · 0 proposed/,
    );
    // The count agrees with `entente validate`'s, and the sources' grades are summarised.
    const validated = /ok \((\d+) of (\d+) numbers cite evidence/.exec(
      (await entente('validate', 'scenarios/east-asia-coalition-2025.yaml')).out,
    );
    expect(r.out).toContain(`: ${validated![2]} input numbers · ${validated![1]} with evidence`);
    expect(r.out).toMatch(/^Sources: \d+ primary · \d+ secondary · \d+ mirror · 1 memory$/m);
    expect(r.out).toContain('korea-gov.coalition.position = 30 (20–40)');
    expect(r.out).toMatch(
      /art-p6-korea-reluctant \[rco-news-2025 · secondary, para 6 \(line 8 of the stored text\)\] “According to Quincy, South Korea is more reluctant/,
    );
    // A VERIFIED row read through a forum shows its source's grade.
    expect(r.out).toMatch(/asahi-2023-use-force \[asahi-2023 · mirror, indicators\.csv row 270\]/);
  });
  it('lists the evidence items cited for context apart, in text and in --json', async () => {
    const r = await entente('evidence', 'scenarios/east-asia-coalition-2025.yaml');
    const context = r.out.slice(r.out.indexOf('Context only ('));
    expect(context).toMatch(/^Context only \(\d+ evidence items feeding no number\):/);
    expect(context).toMatch(/pew-kor-trump \[pew-2025 · mirror, indicators\.csv row 288\]/);
    expect(context).not.toContain('MARKED CONTEXT BUT CITED');
    const j = JSON.parse(
      (await entente('evidence', 'scenarios/east-asia-coalition-2025.yaml', '--json')).out,
    ) as {
      numbers: { label: string; evidence: { id: string; grade?: string }[] }[];
      context: { id: string; marked: boolean; citedBy: string[] }[];
      sources: { id: string; grade: string | null }[];
    };
    expect(j.context.map((e) => e.id)).toContain('pew-kor-trump');
    expect(j.context.every((e) => e.marked && e.citedBy.length === 0)).toBe(true);
    const cited = new Set(j.numbers.flatMap((n) => n.evidence.map((e) => e.id)));
    for (const e of j.context) expect(cited.has(e.id)).toBe(false);
    const korea = j.numbers.find((n) => n.label === 'korea-gov.coalition.position')!;
    expect(korea.evidence.find((e) => e.id === 'art-p6-korea-reluctant')!.grade).toBe('secondary');
    expect(j.sources.every((x) => x.grade !== null)).toBe(true);
  });
  it('flags numbers without evidence and proposed numbers in a draft', async () => {
    const out = join(tmp, 'draft2.yaml');
    expect((await entente('ingest', ARTICLE, '--out', out, '--as-of', '2025-12-15')).code).toBe(0);
    const r = await entente('evidence', out, '--missing');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/usa\.capability = 1 {2}\[NO EVIDENCE, PROPOSED \(confidence 0\)\]/);
    expect(r.out).toMatch(
      /south-korea\.coalition\.position = [\d.]+ \([\d.]+–[\d.]+\) {2}\[PROPOSED \(confidence [\d.]+\)\]/,
    );
    const j = JSON.parse((await entente('evidence', out, '--json')).out) as {
      numbers: { label: string; status: string }[];
    };
    expect(j.numbers.every((n) => n.status === 'proposed')).toBe(true);
  });
});
