/**
 * End-to-end: `entente backtest` on a small made-up DEU-format file (good run, JSON, CSV, HTML,
 * the saved ensemble without refitting, a fit with few folds) and on broken files (precise
 * messages, exit 1, no stack).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, entente, expectNoStack } from './support/cli.ts';

const SMALL = join('test', 'fixtures', 'deu', 'small.csv');
const SHIPPED = join(ROOT, 'src', 'analysis', 'backtest', 'ensemble.json');

afterEach(() => {
  process.exitCode = undefined;
});

interface Json {
  kind: string;
  counts: Record<string, number>;
  forecasters: { id: string; role: string; capability: string; note?: string }[];
  overall: Record<string, { n: number; mae: number; crps: number; coverage?: unknown[] }>;
  byPeriod: Record<string, unknown>;
  byProcedure: Record<string, unknown>;
  byVoting: Record<string, unknown>;
  excluded: { issueId: string; reason: string }[];
  issues: { id: string; forecasts: Record<string, number> }[];
  cv?: { oofMae: number; savedTo: string; outerFolds: number };
}

describe('entente backtest', () => {
  it('scores the models beside the baselines and says what it left out', async () => {
    const r = await entente('backtest', SMALL, '--model', 'mean,nash');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Read 50 rows: 8 issues of 6 proposals. Scored 6 issues.');
    expect(r.out).toContain('2 actor rows without salience');
    expect(r.out).toMatch(/1 issue without outcome, 1 with fewer than 3 actors/);
    expect(r.out).toMatch(/^ {2}mean \*\s+\d+\.\d\d/m);
    expect(r.out).toMatch(/^ {2}median \*\s+\d+\.\d\d/m); // baselines always beside
    expect(r.out).toMatch(/^ {2}unweighted-mean \*/m);
    expect(r.out).toMatch(/^ {2}midpoint \*\s+20\.00/m);
    expect(r.out).toContain('By Council period (MAE):');
    expect(r.out).toContain('By procedure (MAE):');
    expect(r.out).toContain('By Council voting rule (MAE):');
  });

  it('writes --json, a CSV of every forecast and a self-contained HTML report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-bt-'));
    const csv = join(dir, 'f.csv');
    const html = join(dir, 'r.html');
    const r = await entente(
      'backtest',
      SMALL,
      '--json',
      '--csv',
      csv,
      '--report',
      html,
      '--capability',
      'council-votes',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Json;
    expect(json.kind).toBe('backtest');
    expect(json.counts).toMatchObject({
      issues: 8,
      scoreable: 6,
      scored: 6,
      missingOutcome: 1,
      tooFewActors: 1,
    });
    expect(json.excluded.map((e) => e.issueId).sort()).toEqual(['p1i2', 'p3i2']);
    const ids = json.forecasters.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['mean', 'median', 'nash', 'ensemble', 'unweighted-mean', 'midpoint']),
    );
    expect(json.forecasters.find((f) => f.id === 'mean')!.capability).toBe('council-votes');
    expect(json.overall.ensemble!.coverage).toHaveLength(3);
    expect(Object.keys(json.byProcedure)).toEqual(['CNS', 'COD']);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'issue_id,proposal_id,procedure,council_voting,period,outcome,reference_point,actors,forecaster,forecast,abs_error',
    );
    expect(lines).toHaveLength(1 + 6 * ids.length);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg');
    expect(page).toContain('Calibration');
    expect(page).toContain('Error distribution');
    expect(page).not.toMatch(/<(script|link|img)\b/);
    expect(page).not.toMatch(/(src|href)="http/);
  });

  it('evaluates the saved ensemble on a new file without refitting it', async () => {
    const before = readFileSync(SHIPPED, 'utf8');
    const r = await entente('backtest', '--model', 'ensemble', SMALL, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Json;
    const ens = json.forecasters.find((f) => f.id === 'ensemble')!;
    expect(ens.note).toBe('fitted on deu3_train.csv; not refitted');
    expect(ens.capability).toBe('council-votes');
    expect(readFileSync(SHIPPED, 'utf8')).toBe(before);
  });

  it('fits by nested CV with --fit, saves the spec to --out and reports the out-of-fold MAE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-fit-'));
    const out = join(dir, 'ens.json');
    const r = await entente(
      'backtest',
      SMALL,
      '--fit',
      '--out',
      out,
      '--folds',
      '3',
      '--inner-folds',
      '2',
      '--repeats',
      '0',
      '--model',
      'ensemble',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Json;
    expect(json.cv).toMatchObject({ outerFolds: 3, savedTo: out });
    expect(json.overall['ensemble-cv']!.mae).toBeCloseTo(json.cv!.oofMae, 9);
    const spec = JSON.parse(readFileSync(out, 'utf8')) as {
      format: string;
      version: number;
      fit: { data: string };
    };
    expect(spec).toMatchObject({
      format: 'entente-ensemble',
      version: 1,
      fit: { data: 'small.csv' },
    });
    // The saved file is then evaluated as it is; on the file it was fitted on it says so.
    const again = JSON.parse(
      (await entente('backtest', SMALL, '--model', 'ensemble', '--ensemble', out, '--json')).out,
    ) as Json;
    expect(again.forecasters.find((f) => f.id === 'ensemble')!.note).toMatch(
      /^in-sample: fitted on this file/,
    );
  });

  it('runs the models on 2 worker threads with --workers 2, printing the same bytes', async () => {
    const args = [
      'backtest',
      SMALL,
      '--json',
      '--capability',
      'council-votes',
      '--model',
      'mean,nash,ensemble',
    ];
    const inline = await entente(...args);
    const pooled = await entente(...args, '--workers', '2');
    expect(inline.code).toBe(0);
    expect(pooled.code).toBe(0);
    expect(pooled.out).toBe(inline.out);
    const bad = await entente(...args, '--executor', 'gpu');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^--executor: "gpu" is not an executor: use inline, pool, or redis:/);
    expectNoStack(bad.err);
  });

  it('reports a bad number at its line and column, with exit 1 and no stack', async () => {
    const r = await entente('backtest', 'test/fixtures/deu/bad-number.csv');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      'test/fixtures/deu/bad-number.csv:3:86 position: "abc" is not a number',
    );
    expectNoStack(r.err);
  });

  it('names a missing column, a missing file, a bad capability rule and a bad ensemble file', async () => {
    const header = await entente('backtest', 'test/fixtures/deu/bad-header.csv');
    expect(header.code).toBe(1);
    expect(header.err.trim()).toBe(
      'test/fixtures/deu/bad-header.csv:1:1 outcome: missing column "outcome"; a DEU file needs issue_id, actor, position, salience, outcome',
    );
    const missing = await entente('backtest', 'no/such.csv');
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe('no/such.csv: no such file');
    const rule = await entente('backtest', SMALL, '--capability', 'gdp');
    expect(rule.code).toBe(1);
    expect(rule.err).toMatch(
      /--capability <rule>' argument 'gdp' is invalid\. expected one of equal, council-votes, none/,
    );
    const ens = await entente(
      'backtest',
      SMALL,
      '--model',
      'ensemble',
      '--ensemble',
      'test/fixtures/deu/small.csv',
    );
    expect(ens.code).toBe(1);
    expect(ens.err).toMatch(/^test\/fixtures\/deu\/small\.csv: not JSON/);
    for (const x of [header, missing, rule, ens]) expectNoStack(x.err);
  });
});
