import { describe, expect, it } from 'vitest';
import { runForecast } from '../analysis/forecast.ts';
import type { AnyResult } from '../analysis/results.ts';
import { scenarioPowerResult } from '../coalitions/power/power-result.ts';
import { contractScenario } from '../executors/contract.ts';
import { getModel } from '../models/registry.ts';
import { VERSION } from '../version.ts';
import { contentHash } from './hash.ts';
import { resultHeader, resultScenario, resultStamp } from './result.ts';

describe('core/result', () => {
  const s = contractScenario();

  it('writes the header in one order: entente, kind, [method], scenario, seed', () => {
    const h = resultHeader({ kind: 'sensitivity', method: 'tornado' }, s, 7);
    expect(Object.keys(h)).toEqual(['entente', 'kind', 'method', 'scenario', 'seed']);
    expect(h).toEqual({
      entente: VERSION,
      kind: 'sensitivity',
      method: 'tornado',
      scenario: {
        id: s.id,
        title: s.title,
        question: s.question,
        asOf: s.asOf,
        hash: contentHash(s),
      },
      seed: 7,
    });
    expect(Object.keys(resultHeader('forecast', s, 1))).toEqual([
      'entente',
      'kind',
      'scenario',
      'seed',
    ]);
    expect(resultStamp('backtest')).toEqual({ entente: VERSION, kind: 'backtest' });
  });

  it('is the header of the builders: same scenario shape with or without a seed', () => {
    const mean = getModel('mean');
    const results: AnyResult[] = [
      runForecast(s, [{ model: mean, options: {} }], { seed: 3 }),
      scenarioPowerResult(s, s.issues[0]!.id),
    ];
    for (const r of results) {
      expect(Object.keys(r).slice(0, 3)).toEqual(['entente', 'kind', 'scenario']);
      expect(r.entente).toBe(VERSION);
      expect('scenario' in r && r.scenario).toEqual(resultScenario(s));
    }
    expect(results[0]).toMatchObject({ kind: 'forecast', seed: 3 });
  });
});
