/**
 * End-to-end: `entente simulate`, `entente sensitivity` and `entente levers` on small scenarios
 * written to a temporary folder, through the CLI in process (Ctrl-C through the real binary).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTornado } from '../src/analysis/sensitivity/tornado.ts';
import { resolveModelRuns } from '../src/cli/commands/forecast.ts';
import { loadScenario } from '../src/cli/load.ts';
import { DEFAULT_SEED } from '../src/core/rng.ts';
import { BIN, ROOT, entente, expectNoStack } from './support/cli.ts';

let dir = '';
let ranged = '';
let byHand = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-uncertainty-'));
  ranged = join(dir, 'ranged.json');
  writeFileSync(
    ranged,
    JSON.stringify({
      id: 'ranged',
      title: 'Three actors with ranges',
      question: 'Will the budget be generous?',
      asOf: '2025-01-01',
      issues: [
        {
          id: 'budget',
          name: 'Budget',
          scale: { min: 0, max: 100 },
          threshold: { value: 60, label: 'generous' },
        },
      ],
      actors: [
        {
          id: 'north',
          name: 'North',
          kind: 'state',
          capability: { value: 3, low: 2, high: 4 },
          stances: {
            budget: {
              position: { value: 80, low: 70, high: 90 },
              salience: { value: 70, low: 50, high: 80 },
            },
          },
        },
        {
          id: 'south',
          name: 'South',
          kind: 'state',
          capability: 2,
          stances: { budget: { position: { value: 30, low: 20, high: 45 }, salience: 90 } },
        },
        {
          id: 'east',
          name: 'East',
          kind: 'public',
          capability: { value: 1, low: 0.5, high: 1.5 },
          stances: { budget: { position: 55, salience: { value: 50, low: 30, high: 70 } } },
        },
      ],
    }),
  );
  // Two equal actors at 0 and 100: the weighted mean is 50; by hand, x ≥ 75 needs A's
  // capability ≤ 1/3, or A's position ≥ 50, or A's salience ≤ 33.3.
  byHand = join(dir, 'by-hand.json');
  writeFileSync(
    byHand,
    JSON.stringify({
      id: 'by-hand',
      title: 'Two actors',
      question: 'Where?',
      asOf: '2025-01-01',
      issues: [
        {
          id: 'x',
          name: 'X',
          scale: { min: 0, max: 100 },
          threshold: { value: 75, label: 'high' },
        },
      ],
      actors: [
        {
          id: 'a',
          name: 'A',
          kind: 'state',
          capability: 1,
          stances: { x: { position: 0, salience: 100 } },
        },
        {
          id: 'b',
          name: 'B',
          kind: 'state',
          capability: 1,
          stances: { x: { position: 100, salience: 100 } },
        },
      ],
    }),
  );
});

interface McJson {
  entente: string;
  kind: string;
  seed: number;
  runs: number;
  runsRequested: number;
  partial: boolean;
  chunkSize: number;
  scenario: { id: string; hash: string };
  sampling: { distribution: string; correlation: number; inputs: { id: string }[] };
  models: { id: string; options: Record<string, unknown> }[];
  issues: {
    id: string;
    outcomes: Record<
      string,
      {
        mean: number;
        q10: number;
        median: number;
        q90: number;
        pAtOrAbove: { p: number; se: number } | null;
        histogram: { counts: number[] };
      }
    >;
    actors: { id: string; final: Record<string, { mean: number }> }[];
  }[];
}

describe('entente simulate', () => {
  it('prints the outcome distribution with a text histogram and P(≥ threshold)', async () => {
    const r = await entente(
      'simulate',
      ranged,
      '--model',
      'mean,median',
      '--runs',
      '2000',
      '--workers',
      '1',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Monte Carlo · Three actors with ranges');
    expect(r.out).toContain('2,000 runs · triangular draws of 6 ranged inputs');
    expect(r.out).toMatch(/P\(≥ 60\)\s+± s\.e\./);
    expect(r.out).toMatch(/mean\s+\d+\.\d\s+\d+\.\d/);
    expect(r.out).toContain('Histogram, mean (2,000 runs):');
    expect(r.out).toMatch(/\d+–\d+\s+█+\s+\d+\.\d%/);
    expect(r.out).toContain('▲ threshold 60');
  });

  it('gives byte-identical --json on 1 and 2 workers, carrying seed, hash, options, version and runs', async () => {
    const args = [
      'simulate',
      ranged,
      '--model',
      'mean,nash',
      '--option',
      'nash.exponent=1.5',
      '--runs',
      '4000',
      '--seed',
      '7',
      '--json',
    ];
    const one = await entente(...args, '--workers', '1');
    const two = await entente(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
    const json = JSON.parse(one.out) as McJson;
    expect(json).toMatchObject({
      kind: 'monte-carlo',
      seed: 7,
      runs: 4000,
      runsRequested: 4000,
      partial: false,
      chunkSize: 1000,
    });
    expect(json.entente).toMatch(/^\d+\.\d+\.\d+/);
    expect(json.scenario).toMatchObject({ id: 'ranged' });
    expect(json.scenario.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(json.models.map((m) => m.id)).toEqual(['mean', 'nash']);
    expect(json.models[1]!.options).toMatchObject({ exponent: 1.5 });
    expect(json.sampling).toMatchObject({ distribution: 'triangular', correlation: 0 });
    expect(json.sampling.inputs.map((i) => i.id)).toEqual([
      'north.capability',
      'north.budget.position',
      'north.budget.salience',
      'south.budget.position',
      'east.capability',
      'east.budget.salience',
    ]);
    const o = json.issues[0]!.outcomes.mean!;
    expect(o.q10).toBeLessThan(o.median);
    expect(o.median).toBeLessThan(o.q90);
    expect(o.pAtOrAbove!.p).toBeGreaterThanOrEqual(0);
    expect(o.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4000);
    expect(json.issues[0]!.actors.map((a) => a.id)).toEqual(['north', 'south', 'east']);
  });

  it('rejects a bad correlation with a precise message and exit 1', async () => {
    const rho = await entente('simulate', ranged, '--correlation', '1.5');
    expect(rho.code).toBe(1);
    expect(rho.err).toContain('expected a correlation ρ between 0 and 1');
    expectNoStack(rho.err);
  });

  it('stops cleanly on Ctrl-C and prints the runs done, marked partial (exit 130)', async () => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'simulate',
        ranged,
        '--model',
        'mean,median,nash',
        '--runs',
        '20000000',
        '--workers',
        '1',
        '--json',
      ],
      {
        cwd: ROOT,
        // 20 million runs: more than the default limit of a job (docs/hardening.md), so raised.
        env: { ...process.env, ENTENTE_PROGRESS: 'always', ENTENTE_MAX_RUNS: '20000000' },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        const first = err === '';
        err += b.toString();
        // The progress bar appears after a second of work: then interrupt.
        if (first) child.kill('SIGINT');
      });
      child.on('close', (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(err).toContain('interrupted: finishing the chunks in progress');
    expect(err).toMatch(/simulate .*\d+% \| [\d,]+\/20,000,000 runs \| [\d,.]+ runs\/s \| .* left/);
    const json = JSON.parse(out) as McJson;
    expect(json.partial).toBe(true);
    expect(json.runsRequested).toBe(20_000_000);
    expect(json.runs).toBeGreaterThan(0);
    expect(json.runs).toBeLessThan(20_000_000);
    expect(json.runs % json.chunkSize).toBe(0);
    expect(json.issues[0]!.outcomes.mean!.histogram.counts.reduce((a, b) => a + b, 0)).toBe(
      json.runs,
    );
  });
});

describe('entente sensitivity', () => {
  it('draws the tornado as bars, longest first', async () => {
    const r = await entente('sensitivity', ranged, '--model', 'mean');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tornado (one input at a time)');
    expect(r.out).toContain('6 ranged inputs');
    const rows = r.out
      .split('\n')
      .filter((l) => /^\s{4}\S+\.(capability|position|salience)\s/.test(l));
    expect(rows[0]).toMatch(/│/);
    expect(rows[0]).toMatch(/[░█]/);
    expect(rows.length).toBe(6);
  });

  it('runs the tornado on 2 worker threads and prints the in-process --json byte for byte', async () => {
    const r = await entente(
      'sensitivity',
      ranged,
      '--model',
      'mean,nash',
      '--json',
      '--workers',
      '2',
    );
    expect(r.code, r.err).toBe(0);
    const runs = resolveModelRuns({ model: ['mean,nash'], option: [] });
    const local = runTornado(loadScenario(ranged).scenario, runs, { seed: DEFAULT_SEED });
    expect(local.inputs).toHaveLength(6);
    expect(r.out).toBe(`${JSON.stringify(local, null, 2)}\n`);
  });

  it('computes Sobol indices with --method sobol --json', async () => {
    const r = await entente(
      'sensitivity',
      ranged,
      '--model',
      'mean',
      '--method',
      'sobol',
      '--samples',
      '300',
      '--json',
      '--workers',
      '1',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      kind: string;
      method: string;
      seed: number;
      samples: number;
      runs: number;
      scenario: { hash: string };
      models: { id: string; options: unknown }[];
      issues: {
        models: Record<
          string,
          {
            outcome: { indices: { input: string; first: number; total: number }[] };
            atOrAbove: unknown;
          }
        >;
      }[];
    };
    expect(json).toMatchObject({
      kind: 'sensitivity',
      method: 'sobol',
      samples: 300,
      runs: 300 * 8,
    });
    expect(json.scenario.hash).toMatch(/^sha256:/);
    const idx = json.issues[0]!.models.mean!.outcome.indices;
    expect(idx).toHaveLength(6);
    expect(idx[0]!.total).toBeGreaterThanOrEqual(idx[5]!.total);
    expect(json.issues[0]!.models.mean!.atOrAbove).not.toBeNull();
  });
});

describe('entente levers', () => {
  it('finds the levers known by hand, smallest first, and pairs', async () => {
    const r = await entente(
      'levers',
      byHand,
      '--target',
      'x>=75',
      '--model',
      'mean',
      '--workers',
      '1',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('At the point values it is 50.0: not met.');
    const singles = r.out.slice(0, r.out.indexOf('Pairs'));
    expect(r.out).toContain('Pairs that do it with less than either input alone');
    const rows = singles.split('\n').filter((l) => /^\s+\d\s+a\./.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/)[1])).toEqual([
      'a.capability',
      'a.x.position',
      'a.x.salience',
    ]);
    expect(rows[0]).toMatch(/1\.000\s+0\.333\s+−0\.667\s+33%/);
  });

  it('gives a --json result carrying target, model options, seed, hash and version', async () => {
    const r = await entente(
      'levers',
      byHand,
      '--target',
      'actor:a:x>=30',
      '--model',
      'mean',
      '--json',
      '--workers',
      '1',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      kind: string;
      entente: string;
      seed: number;
      scenario: { hash: string };
      model: { id: string; options: unknown };
      target: { issue: string; actor: string; op: string; value: number };
      goal: string;
      singles: { input: string; to: number; reached: number }[];
      noSingleLever: boolean;
    };
    expect(json).toMatchObject({
      kind: 'levers',
      goal: 'reach',
      noSingleLever: false,
      model: { id: 'mean', options: {} },
    });
    expect(json.target).toMatchObject({ issue: 'x', actor: 'a', op: '>=', value: 30 });
    expect(json.scenario.hash).toMatch(/^sha256:/);
    expect(json.singles[0]).toMatchObject({ input: 'a.x.position' });
    expect(json.singles[0]!.reached).toBeGreaterThanOrEqual(30);
  });

  it('says plainly when no single lever within the ranges suffices', async () => {
    const r = await entente(
      'levers',
      ranged,
      '--target',
      'budget>=90',
      '--model',
      'mean',
      '--within',
      'range',
      '--workers',
      '1',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'No single input, moved anywhere within its stated range, reaches budget>=90 under mean.',
    );
    expect(r.out).toMatch(/Closest: \S+ at [\d.]+ gives [\d.]+/);
  });

  it('rejects bad target syntax with the expected form and exit 1', async () => {
    const r = await entente('levers', byHand, '--target', 'x=>75', '--model', 'mean');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      '--target: "x=>75" is not a target (write >= or <=, not => or =): expected ISSUE>=VALUE or actor:ACTOR:ISSUE>=VALUE (operators >=, >, <=, <), e.g. coalition>=75 or actor:korea-gov:coalition>=50',
    );
    expectNoStack(r.err);
    const missing = await entente('levers', byHand);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^--target: missing: expected ISSUE>=VALUE/);
  });
});

describe('help', () => {
  it('has --help with examples for simulate, sensitivity and levers', async () => {
    // In process: the help text needs no run, and each spawn of the binary costs seconds.
    const { buildProgram } = await import('../src/cli/main.ts');
    const program = buildProgram();
    for (const name of ['simulate', 'sensitivity', 'levers']) {
      const cmd = program.commands.find((c) => c.name() === name)!;
      let help = '';
      cmd.configureOutput({ writeOut: (s) => (help += s) });
      cmd.outputHelp();
      expect(help).toContain('Examples:');
    }
  });
});
