/**
 * Variants end to end (docs/scenario-format.md, "Variants"): `entente compare` on the built-in,
 * `--variant`, `--set` and `--overlay` on the commands, and every bad input as
 * `file:line:col path: message` with exit 1 and no stack.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, entente, expectNoStack, fixture } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'entente-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUILTIN_VARIANTS = [
  'us-credibility-shock',
  'china-trade-coercion',
  'japan-china-crisis',
  'north-korean-provocation',
  'usfk-drawdown',
];

interface CommitmentJson {
  candidates: { id: string; level: string; margin: number }[];
  levels: { id: string }[];
  credibility: number;
  overlay?: { variant: { id: string } | null; changes: string[]; warnings: string[] };
}

async function json<T>(...args: string[]): Promise<T> {
  const r = await entente(...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
}

/** A commitment fixture with `block` appended, written to the temp folder. */
function scenarioWith(name: string, block: string): { file: string; firstLine: number } {
  const base = readFileSync(join(ROOT, fixture('commitment.yaml')), 'utf8').trimEnd();
  const file = join(dir, name);
  writeFileSync(file, `${base}\n${block}`);
  return { file, firstLine: base.split('\n').length + 1 };
}

function expectInputError(r: { code: number | null; out: string; err: string }, line: RegExp) {
  expect(r.code, r.out + r.err).toBe(1);
  expectNoStack(r.err);
  expect(r.err).toMatch(line);
}

describe('entente compare', () => {
  it('prints the base and every built-in variant, with differences from the base', async () => {
    const r = await entente('compare', '--model', 'mean,smp');
    expect(r.code, r.err).toBe(0);
    for (const v of BUILTIN_VARIANTS) expect(r.out).toContain(`  ${v}: `);
    expect(r.out).toMatch(/Issue usfk-flexibility: .*threshold 75/);
    expect(r.out).toMatch(/Who commits \(commitment model\)/);
    // Every variant differs from the base somewhere (a forecast, a margin, credibility).
    for (const v of BUILTIN_VARIANTS) {
      const rows = r.out.split('\n').filter((l) => l.startsWith(`  ${v} `));
      expect(rows.length, v).toBeGreaterThan(2);
      expect(
        rows.some((l) => /\([+−]\d/.test(l)),
        v,
      ).toBe(true);
    }
    expect(r.out).toMatch(/Outside the evidence/);
  });

  it('--json: kind compare, a column per variant, differences from the base', async () => {
    const r = await json<{
      kind: string;
      columns: {
        id: string;
        hash: string;
        commitment: { credibility: number; candidates: Record<string, { margin: number }> };
        diff: { commitment: { credibility: number; margin: Record<string, number> } } | null;
      }[];
    }>('compare', '--variants', 'us-credibility-shock,usfk-drawdown', '--model', 'mean');
    expect(r.kind).toBe('compare');
    expect(r.columns.map((c) => c.id)).toEqual(['base', 'us-credibility-shock', 'usfk-drawdown']);
    expect(r.columns[0]!.diff).toBeNull();
    const shock = r.columns[1]!;
    expect(shock.hash).not.toBe(r.columns[0]!.hash);
    // Credibility × 22/34; lower credibility widens every neutral choice's margin (spec §2).
    expect(shock.commitment.credibility).toBeCloseTo(0.53 * 0.647, 6);
    expect(shock.diff!.commitment.credibility).toBeLessThan(0);
    for (const m of Object.values(shock.diff!.commitment.margin)) expect(m).toBeGreaterThan(0);
  });

  it('with --draws: P(≥ threshold) per model', async () => {
    const r = await json<{
      columns: { issues: Record<string, { pAtOrAbove: Record<string, number> }> }[];
    }>(
      'compare',
      '--variants',
      'usfk-drawdown',
      '--model',
      'mean',
      '--draws',
      '200',
      '--commitment-draws',
      '0',
    );
    const p = r.columns[1]!.issues['usfk-flexibility']!.pAtOrAbove.mean!;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });

  it('an unknown variant in --variants is an input error', async () => {
    const r = await entente('compare', '--variants', 'atlantis-crisis');
    expectInputError(
      r,
      /--variants: unknown variant "atlantis-crisis"; variants: us-credibility-shock/,
    );
  });

  it('entente report names the same flag for an unknown variant, before any work', async () => {
    const r = await entente('report', '--variants', 'atlantis-crisis', '--format', 'md');
    expectInputError(
      r,
      /--variants: unknown variant "atlantis-crisis"; variants: us-credibility-shock/,
    );
  });
});

describe('--set, --variant and --overlay on the commands', () => {
  it('--set on commitment moves each choice in the documented direction (credibility up)', async () => {
    const base = await json<CommitmentJson>('commitment', '--draws', '0');
    const high = await json<CommitmentJson>(
      'commitment',
      '--draws',
      '0',
      '--set',
      'coalition.commitment.credibility=0.95',
    );
    expect(high.credibility).toBe(0.95);
    expect(high.overlay!.changes).toEqual(['--set coalition.commitment.credibility=0.95']);
    expect(high.overlay!.warnings[0]).toMatch(/0\.95 lies outside its evidence range 0\.22–0\.82/);
    const rank = (r: CommitmentJson, id: string) =>
      r.levels.findIndex((l) => l.id === r.candidates.find((c) => c.id === id)!.level);
    for (const c of base.candidates) {
      // The lowest best level never falls when κ rises (docs/spec/commitment.md §2).
      expect(rank(high, c.id)).toBeGreaterThanOrEqual(rank(base, c.id));
      if (rank(high, c.id) === 0) {
        expect(high.candidates.find((x) => x.id === c.id)!.margin).toBeLessThan(c.margin);
      }
    }
  });

  it('--set on forecast changes the forecast in the documented direction, and the hash', async () => {
    type F = {
      scenario: { hash: string };
      issues: { id: string; forecasts: Record<string, number> }[];
      coalition: { credibility: number };
      overlay?: unknown;
    };
    const base = await json<F>('forecast', '--model', 'mean');
    // Seoul sits below the weighted mean on USFK flexibility: more salience for it lowers the mean.
    const low = await json<F>(
      'forecast',
      '--model',
      'mean',
      '--set',
      'actors.korea-gov.stances.usfk-flexibility.salience=65',
      '--set',
      'coalition.commitment.credibility=0.95',
    );
    const mean = (f: F) => f.issues.find((i) => i.id === 'usfk-flexibility')!.forecasts.mean!;
    expect(mean(low)).toBeLessThan(mean(base));
    expect(low.coalition.credibility).toBe(0.95);
    expect(low.scenario.hash).not.toBe(base.scenario.hash);
    expect(base.overlay).toBeUndefined();
    expect(low.overlay).toBeDefined();
  });

  it('--variant names a variant in the text header and reaches every command', async () => {
    const r = await entente('commitment', '--draws', '0', '--variant', 'us-credibility-shock');
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'Variant us-credibility-shock (US credibility shock) · 1 change in all',
    );
    expect(r.out).toMatch(/Credibility of usa: 0\.34/);
    for (const cmd of [
      ['power'],
      ['sides'],
      ['coalitions'],
      ['validate', 'scenarios/east-asia-coalition-2025.yaml'],
    ]) {
      const x = await entente(...cmd, '--variant', 'usfk-drawdown');
      expect(x.code, `${cmd.join(' ')}: ${x.err}`).toBe(0);
      expect(x.err).not.toMatch(/ignored/);
    }
    // The US salience on usfk-flexibility × 10,000 / 28,500 in the exported KTAB table.
    const exported = await entente('export', 'ktab', '--variant', 'usfk-drawdown');
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/^US administration,.*,85,10\.53$/m);
  });

  it('--overlay applies a file of changes; a list of variants adds variants', async () => {
    const changes = join(dir, 'changes.yaml');
    writeFileSync(
      changes,
      'changes:\n  - { set: coalition.commitment.conflictRisk, value: 0.2 }\n',
    );
    const r = await json<{ inputs: { id: string; value: number }[] }>(
      'commitment',
      '--draws',
      '0',
      '--overlay',
      changes,
    );
    expect(r.inputs.find((i) => i.id === 'conflictRisk')!.value).toBe(0.2);
    const variants = join(dir, 'variants.yaml');
    writeFileSync(
      variants,
      '- id: calm\n  name: Calm\n  changes:\n    - { scale: coalition.commitment.conflictRisk, by: 0.5 }\n',
    );
    const c = await entente(
      'compare',
      '--overlay',
      variants,
      '--variants',
      'calm',
      '--model',
      'mean',
    );
    expect(c.code, c.err).toBe(0);
    expect(c.out).toContain('  calm: Calm (1 change)');
  });

  it('a command that reads no scenario says the flags were ignored', async () => {
    const r = await entente('models', '--set', 'a.b=1');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/ignored: this command reads no scenario/);
  });
});

describe('bad variants and overrides: file:line:col path: message, exit 1', () => {
  const BUILTIN = 'scenarios/east-asia-coalition-2025.yaml';

  it('--set of the wrong type points at the field in the scenario file', async () => {
    const r = await entente('forecast', '--set', 'coalition.commitment.credibility=high');
    expectInputError(
      r,
      new RegExp(
        `^${BUILTIN}:\\d+:\\d+ coalition\\.commitment\\.credibility: --set coalition\\.commitment\\.credibility=high: expected a number`,
      ),
    );
  });

  it('--set naming an unknown actor or path', async () => {
    expectInputError(
      await entente('commitment', '--set', 'actors.atlantis.capability=2'),
      new RegExp(
        `^${BUILTIN}:\\d+:\\d+ actors\\.atlantis\\.capability: .*unknown id "atlantis" in actors; known: usa, china`,
      ),
    );
    expectInputError(
      await entente('power', '--set', 'coalition.commitment.candidates.korea-gov.coersion=0.9'),
      /unknown field "coersion" in coalition\.commitment\.candidates\.korea-gov; fields: current, capability, security/,
    );
  });

  it('an unknown variant name', async () => {
    expectInputError(
      await entente('forecast', '--variant', 'nope'),
      /^--variant: unknown variant "nope"; variants: us-credibility-shock, china-trade-coercion/,
    );
  });

  it('an overlay naming an unknown actor points at the change in the overlay file', async () => {
    const file = join(dir, 'bad-overlay.yaml');
    writeFileSync(file, 'changes:\n  - set: actors.atlantis.capability\n    value: 1\n');
    expectInputError(
      await entente('forecast', '--overlay', file),
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:10 changes\\[0\\]: set actors\\.atlantis\\.capability: unknown id "atlantis"`,
      ),
    );
  });

  it('a variant cycle in a scenario file', async () => {
    const { file, firstLine } = scenarioWith(
      'cycle.yaml',
      'variants:\n  - { id: a, name: A, extends: b, changes: [] }\n  - { id: b, name: B, extends: a, changes: [] }\n',
    );
    const r = await entente('validate', file);
    expect(r.code).toBe(1);
    expectNoStack(r.err);
    expect(r.err).toContain(
      `${file}:${firstLine + 2}:32 variants[1].extends: variant cycle: a → b → a`,
    );
  });

  it('a variant naming an unknown actor, and one with a value of the wrong type', async () => {
    const { file, firstLine } = scenarioWith(
      'bad-variant.yaml',
      [
        'variants:',
        '  - id: v',
        '    name: V',
        '    changes:',
        '      - { remove: actors.atlantis }',
        '      - { set: coalition.commitment.credibility, value: [0.5] }',
        '',
      ].join('\n'),
    );
    const r = await entente('forecast', file);
    expectInputError(
      r,
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${firstLine + 4}:\\d+ variants\\[0\\]\\.changes\\[0\\]: variant "v": remove actors\\.atlantis: unknown id "atlantis" in actors`,
      ),
    );
  });
});
