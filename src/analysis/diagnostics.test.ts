import { describe, expect, it } from 'vitest';
import { type ForecastLike, forecastDiagnostics, THRESHOLD_TOLERANCE } from './diagnostics.ts';

const actor = (id: string, capability: number, position: number, salience: number, final = {}) => ({
  id,
  name: id.toUpperCase(),
  capability,
  position,
  salience,
  final,
});

function forecast(
  over: Partial<ForecastLike['issues'][number]> = {},
  models?: ForecastLike['models'],
): ForecastLike {
  return {
    models: models ?? [{ id: 'smp', name: 'SMP', rounds: 5, converged: true, warnings: [] }],
    issues: [
      {
        id: 'q',
        name: 'Q',
        scale: { min: 0, max: 100 },
        threshold: { value: 50, label: 'half' },
        forecasts: { smp: 40 },
        actors: [actor('a', 1, 10, 50), actor('b', 1, 90, 50), actor('c', 1, 60, 50)],
        ...over,
      },
    ],
  };
}

describe('forecast diagnostics', () => {
  it('says what a dictator means for the EUM: the same position, or that the dictator itself moved', () => {
    const eum = { id: 'eum', name: 'EUM', rounds: 10, converged: true, warnings: [] };
    const stays = forecastDiagnostics(
      forecast(
        {
          forecasts: { eum: 10 },
          actors: [actor('a', 3, 10, 50, { eum: 10 }), actor('b', 1, 90, 50)],
        },
        [eum],
      ),
    );
    expect(stays[0]!.text).toContain('and so does the EUM');
    const moved = forecastDiagnostics(
      forecast(
        {
          forecasts: { eum: 90 },
          actors: [actor('a', 3, 10, 50, { eum: 90 }), actor('b', 1, 90, 50)],
        },
        [eum],
      ),
    );
    expect(moved.find((x) => x.kind === 'dictator')!.text).toContain(
      'the EUM ends elsewhere (90.0) because A itself moved to 90.0 in its rounds',
    );
    expect(moved.find((x) => x.kind === 'dictator')!.text).not.toContain('and so does the EUM');
  });

  it('names a dictator: an actor with more than half of capability × salience', () => {
    const d = forecastDiagnostics(
      forecast({ actors: [actor('a', 3, 10, 50), actor('b', 1, 90, 50)] }),
    );
    expect(d.map((x) => [x.kind, x.actor])).toEqual([['dictator', 'a']]);
    expect(d[0]!.text).toMatch(/A holds 75% of capability × salience/);
    // At exactly half nobody dictates.
    expect(
      forecastDiagnostics(forecast({ actors: [actor('a', 1, 10, 50), actor('b', 1, 90, 50)] })),
    ).toEqual([]);
  });

  it('flags an actor that ends at an opponent’s position across the scale, and not a short move', () => {
    const jump = forecastDiagnostics(
      forecast({
        actors: [
          actor('a', 1, 10, 40),
          actor('b', 1, 90, 40, { smp: 10.5 }),
          actor('c', 1, 60, 40),
        ],
      }),
    );
    expect(jump.map((x) => [x.kind, x.actor, x.model])).toEqual([['jump-to-opponent', 'b', 'smp']]);
    expect(jump[0]!.text).toMatch(/B moves from 90\.0 to 10\.5, A’s position \(10\.0\)/);
    const near = forecastDiagnostics(
      forecast({
        actors: [actor('a', 1, 10, 40), actor('b', 1, 90, 40, { smp: 55 }), actor('c', 1, 60, 40)],
      }),
    );
    expect(near).toEqual([]);
  });

  it('says when a model fell back to another rule and when it did not converge', () => {
    const d = forecastDiagnostics(
      forecast({}, [
        {
          id: 'nash',
          name: 'Nash',
          rounds: 0,
          converged: true,
          warnings: [
            'on issue "q" no outcome gives every actor a gain over the disagreement point; fell back to the weighted mean',
          ],
        },
        { id: 'eum', name: 'EUM', rounds: 10, converged: false, warnings: [] },
      ]),
    );
    expect(d.map((x) => [x.kind, x.model, x.issue ?? null])).toEqual([
      ['fallback', 'nash', 'q'],
      ['non-convergence', 'eum', null],
    ]);
  });

  it('states a forecast within the tolerance of the threshold, which then reads as reaching it', () => {
    const f = 50 - 0.5 * THRESHOLD_TOLERANCE * 100;
    const d = forecastDiagnostics(forecast({ forecasts: { smp: f } }));
    expect(d.map((x) => x.kind)).toEqual(['at-threshold']);
    expect(forecastDiagnostics(forecast({ forecasts: { smp: 49.9 } }))).toEqual([]);
  });
});

describe('Monte Carlo diagnostics', () => {
  it('flags a point forecast outside its own band and names inputs sitting at an end of their range', async () => {
    const { parseScenarioText } = await import('../formats/scenario-file.ts');
    const { getModel } = await import('../models/registry.ts');
    const { prepareMonteCarlo } = await import('./monte-carlo/job.ts');
    const { runMonteCarlo } = await import('./monte-carlo/run.ts');
    const { summarizeMonteCarlo } = await import('./monte-carlo/summarize.ts');
    const { InlineExecutor } = await import('../executors/inline.ts');
    // Two actors; A's position 10 is the low end of its range 10..60: draws pull the mean up.
    const scenario = parseScenarioText(`
id: band
title: Band
question: Where?
asOf: '2025-01-01'
issues:
  - { id: q, name: Q, scale: { min: 0, max: 100 }, threshold: { value: 30, label: thirty } }
actors:
  - { id: a, name: A, kind: state, capability: 1, stances: { q: { position: { value: 10, low: 10, high: 60 }, salience: 50 } } }
  - { id: b, name: B, kind: state, capability: 1, stances: { q: { position: 30, salience: 50 } } }
`);
    const mean = getModel('mean');
    const prepared = prepareMonteCarlo(scenario, [{ model: mean, options: { ...mean.defaults } }], {
      runs: 2000,
      seed: 1,
    });
    const mc = summarizeMonteCarlo(
      scenario,
      prepared,
      await runMonteCarlo(new InlineExecutor(), prepared),
    );
    const kinds = mc.diagnostics.map((d) => d.kind);
    expect(kinds).toContain('outside-band');
    expect(mc.diagnostics.find((d) => d.kind === 'outside-band')!.text).toMatch(/a\.q\.position/);
    // The point forecast (20) says "no" at 30, but most draws reach it: a knife-edge verdict.
    const knife = mc.diagnostics.find((d) => d.kind === 'knife-edge');
    expect(knife?.text).toMatch(/falls short of 30, but \d+% of the draws/);
  });
});
