/**
 * End-to-end: `entente backtest joins` on the shipped training file (the documented JSON shape
 * with all three forecasters, the in-sample note), `--fit` on a few wars with a saved parameter
 * file scored back by `--params`, and malformed files (exit 1, file:line:col, no stack).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, entente, expectNoStack } from './support/cli.ts';

const TRAIN = join('src', 'analysis', 'joins', 'data', 'warjoin_candidates_train.csv');
const IDS = ['base-rate', 'logistic', 'commitment'];

afterEach(() => {
  process.exitCode = undefined;
});

interface Json {
  entente: string;
  kind: string;
  data: { file: string; sha256: string; wars: number; candidates: number };
  mode: string;
  seed: number;
  inSample: boolean;
  overall: Record<
    string,
    { n: number; joins: number; brier: number; logLoss: number; auc: number }
  >;
  comparisons: { a: string; b: string; metric: string; diff: number; lo: number; hi: number }[];
  calibration: Record<
    string,
    { lo: number; hi: number; n: number; meanForecast: number; observed: number }[]
  >;
  wars: ({ warnum: number; warname: string; n: number; joins: number } & Record<string, unknown>)[];
  parameters: {
    kind: string;
    training: { sha256: string; n: number };
    commitment: { terms: string[] };
  };
  cv?: { folds: number; savedTo: string };
}

describe('entente backtest joins', () => {
  it('--json on the training file has the documented shape with all three forecasters', async () => {
    const r = await entente('backtest', 'joins', TRAIN, '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j).toMatchObject({
      kind: 'join-backtest',
      mode: 'shipped',
      inSample: true,
      data: { file: 'warjoin_candidates_train.csv', wars: 66, candidates: 1277 },
    });
    expect(j.data.sha256).toBe(j.parameters.training.sha256);
    expect(Object.keys(j.overall)).toEqual(IDS);
    for (const id of IDS) {
      expect(j.overall[id]).toMatchObject({ n: 2554, joins: 52 });
      for (const k of ['brier', 'logLoss', 'auc'] as const) {
        expect(Number.isFinite(j.overall[id]![k])).toBe(true);
      }
      expect(j.calibration[id]!.reduce((s, b) => s + b.n, 0)).toBe(2554);
    }
    expect(j.comparisons).toHaveLength(6);
    for (const c of j.comparisons) expect(c.lo).toBeLessThanOrEqual(c.hi);
    expect(j.wars).toHaveLength(66);
    expect(j.wars.reduce((s, w) => s + w.joins, 0)).toBe(52);
    expect(j.wars[0]).toHaveProperty('commitment.logLoss');
    expect(j.parameters.kind).toBe('join-parameters');
  });

  it('prints the table, the in-sample note and one sentence naming the winner', async () => {
    const r = await entente('backtest', 'joins', TRAIN);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/IN-SAMPLE; `--fit` gives cross-validated ones/);
    for (const id of IDS)
      expect(r.out).toMatch(new RegExp(`^ {2}${id} +0\\.0\\d+ +0\\.\\d+ +0\\.\\d+`, 'm'));
    expect(r.out).toMatch(/^In sample, \S+ has the lowest log loss: /m);
  });

  it('--fit cross-validates by war, saves parameters that --params then scores, deterministically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-joins-'));
    // The first 30 wars of the training file: a quick fit.
    const lines = readFileSync(join(ROOT, TRAIN), 'utf8').trimEnd().split('\n');
    const small = join(dir, 'small.csv');
    writeFileSync(
      small,
      `${[lines[0], ...lines.slice(1).filter((l) => Number(l.split(',')[0]) <= 120)].join('\n')}\n`,
    );
    const out = join(dir, 'p.json');
    const run = () =>
      entente(
        'backtest',
        'joins',
        small,
        '--fit',
        '--folds',
        '3',
        '--seed',
        '7',
        '--out',
        out,
        '--json',
      );
    const a = await run();
    expect(a.code, a.err).toBe(0);
    const j = JSON.parse(a.out) as Json;
    expect(j.mode).toBe('cross-validated');
    expect(j.cv).toMatchObject({ folds: 3, savedTo: out });
    expect(j.seed).toBe(7);
    const b = await run();
    expect(b.out).toBe(a.out);
    const scored = await entente('backtest', 'joins', small, '--params', out, '--json');
    expect(scored.code, scored.err).toBe(0);
    const s = JSON.parse(scored.out) as Json;
    expect(s).toMatchObject({ mode: 'shipped', inSample: true });
    expect(s.parameters).toEqual(j.parameters);
  });

  it('a malformed CSV exits 1 with file:line:col and the column name, never a stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-joins-'));
    const lines = readFileSync(join(ROOT, TRAIN), 'utf8').split('\n');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [lines[0], lines[1]!.replace('stayed_out', 'neutral'), lines[2]].join('\n'));
    const r = await entente('backtest', 'joins', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+ label: unknown label "neutral"`,
      ),
    );
    expectNoStack(r.err);
  });

  it('rejects a parameter file that is not one, and a backtest-only flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-joins-'));
    const p = join(dir, 'p.json');
    writeFileSync(p, JSON.stringify({ kind: 'join-parameters', version: 1 }));
    const r = await entente('backtest', 'joins', TRAIN, '--params', p);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/p\.json: base-rate\.p: expected a number/);
    const csv = await entente('backtest', 'joins', TRAIN, '--csv', join(dir, 'x.csv'));
    expect(csv.code).toBe(1);
    expect(csv.err).toMatch(/--csv is an option of `backtest`/);
  });
});
