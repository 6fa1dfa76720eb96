import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deuCases } from '../../formats/deu-cases.ts';
import { parseDeu } from '../../formats/deu.ts';
import { compromise } from '../../models/compromise.ts';
import { median } from '../../models/median.ts';
import { defineModel } from '../../models/model.ts';
import { runBacktest } from './backtest.ts';

const TRAIN = join(import.meta.dirname, '../../../test/fixtures/deu/deu3_train.csv');

describe('runBacktest on the DEU III training file (data README baselines)', () => {
  const data = parseDeu(readFileSync(TRAIN, 'utf8'), 'deu3_train.csv');
  const cases = deuCases(data, { capability: 'equal' });
  const r = runBacktest({
    runs: [
      { model: compromise, options: {}, cases },
      { model: median, options: {}, cases },
    ],
    seed: 1,
  });

  it('scores the 250 scoreable issues (outcome and ≥ 3 actors with position and salience)', () => {
    expect(r.counts).toMatchObject({ issues: 260, proposals: 99, scoreable: 250, scored: 250 });
    expect(r.counts).toMatchObject({ missingOutcome: 8, tooFewActors: 2, missingSalience: 29 });
    expect(r.excluded).toHaveLength(10);
  });

  it('reproduces the README: weighted mean 23.47, unweighted 23.65, weighted median 27.70, constant 50 28.41', () => {
    expect(r.overall.mean!.mae.toFixed(2)).toBe('23.47');
    expect(r.overall['unweighted-mean']!.mae.toFixed(2)).toBe('23.65');
    expect(r.overall.median!.mae.toFixed(2)).toBe('27.70');
    expect(r.overall.midpoint!.mae.toFixed(2)).toBe('28.41');
  });

  it('breaks the scores down by period, procedure and voting rule, summing to the whole', () => {
    for (const b of [r.byPeriod, r.byProcedure, r.byVoting]) {
      const groups = Object.values(b);
      expect(groups.reduce((s, g) => s + g.mean!.n, 0)).toBe(250);
      const total = groups.reduce((s, g) => s + g.mean!.n * g.mean!.mae, 0);
      expect(total / 250).toBeCloseTo(r.overall.mean!.mae, 9);
    }
    expect(Object.keys(r.byProcedure)).toEqual(['CNS', 'COD']);
    expect(Object.keys(r.byVoting)).toEqual(['QMV', 'Unan']);
  });
});

describe('runBacktest with a failing model', () => {
  it('records the failure, leaves the issue out for every forecaster and says why', () => {
    const text = [
      'issue_id,actor,position,salience,outcome',
      'a,x,0,50,10',
      'a,y,20,50,10',
      'a,z,40,50,10',
      'b,x,100,50,90',
      'b,y,80,50,90',
      'b,z,60,50,90',
    ].join('\n');
    const cases = deuCases(parseDeu(text, 't.csv'), { capability: 'equal' });
    const picky = defineModel({
      ...compromise,
      id: 'picky',
      run(input) {
        if (input.position[0] === 100) throw new Error('no');
        return compromise.run(input, {}, { rng: undefined as never, trace: false });
      },
    });
    const r = runBacktest({ runs: [{ model: picky, options: {}, cases }], seed: 1 });
    expect(r.forecasters[0]!.failures).toEqual([{ issueId: 'b', message: 'no' }]);
    expect(r.excluded).toEqual([{ issueId: 'b', reason: 'no forecast from picky' }]);
    expect(r.overall.picky!.n).toBe(1);
    expect(r.overall.picky!.mae).toBe(10);
  });
});
