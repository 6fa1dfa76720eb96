import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type NumericInput, makeNumericInput } from '../../core/numeric-input.ts';
import { InputError } from '../../core/errors.ts';
import { createRng } from '../../core/rng.ts';
import { parseKtabCsv } from '../../formats/ktab/index.ts';
import { describeOptions, optionsFromText } from '../options.ts';
import type { SmpDetail } from './detail.ts';
import { SMP_DEFAULTS, SMP_OPTIONS, type SmpOptions } from './options.ts';
import { runSmp, smp } from './smp.ts';

/** `KEY=VALUE` texts as the CLI hands them over. */
const fromText = (pairs: string[]) =>
  optionsFromText(
    smp,
    pairs.map((p) => p.split('=') as [string, string]),
  );

/** KTAB's dummyData_3Dim.csv (fixtures/, KAPSARC KTAB, MIT licence) as numeric input. */
function dummy(capScale = 1): NumericInput {
  const data = parseKtabCsv(
    readFileSync(join(import.meta.dirname, 'fixtures/dummyData_3Dim.csv'), 'utf8'),
  );
  return makeNumericInput({
    d: 3,
    capability: data.actors.map((a) => a.power * capScale),
    position: data.actors.flatMap((a) => [...a.positions]),
    salience: data.actors.flatMap((a) => a.saliences.map((s) => s / 100)),
  });
}

const run = (input: NumericInput, options: Partial<SmpOptions> = {}, seed = 1, trace = true) =>
  runSmp(input, options, { rng: createRng(seed), trace });
const detailOf = (r: ReturnType<typeof run>) => r.detail as SmpDetail;

describe('smp model', () => {
  it('forecasts the capability × salience weighted mean of final positions per issue', () => {
    const input = dummy();
    const r = run(input);
    for (let k = 0; k < 3; k++) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < input.n; i++) {
        const w = input.capability[i]! * input.salience[i * 3 + k]!;
        num += w * r.finalPositions[i * 3 + k]!;
        den += w;
      }
      expect(r.forecast[k]).toBeCloseTo(num / den, 12);
    }
  });

  it('records per turn: positions, risk attitudes, targets with probabilities, bargains, queues with election probabilities', () => {
    const d = detailOf(run(dummy()));
    expect(d.turns).toHaveLength(10);
    const t1 = d.turns[0]!;
    expect(t1.turn).toBe(1);
    expect(t1.risk).toHaveLength(7);
    expect(Math.min(...t1.risk)).toBeCloseTo(-0.5, 12);
    expect(Math.max(...t1.risk)).toBeCloseTo(1, 12);
    expect(t1.riskElection.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    for (const c of t1.challenges) {
      if (c.target === null) continue;
      expect(c.gain).toBeGreaterThan(1e-5);
      expect(c.probability).toBeGreaterThan(0);
      expect(c.probability).toBeLessThan(1);
    }
    expect(t1.bargains.length).toBe(t1.challenges.filter((c) => c.target !== null).length);
    t1.queues.forEach((q, k) => {
      expect(q.options).toContain(null);
      expect(q.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
      // The status quo sits just before the actor's own proposal, after proposals from lower initiators.
      const sq = q.options.indexOf(null);
      q.options.forEach((b, m) => {
        if (b === null) return;
        const init = t1.bargains[b]!.initiator;
        expect(init === k ? m > sq : init < k ? m < sq : m > sq).toBe(true);
      });
      const chosen = q.options[q.chosen]!;
      const want =
        chosen === null
          ? d.positions[0]![k]
          : t1.bargains[chosen]!.initiator === k
            ? t1.bargains[chosen]!.initiatorPosition
            : t1.bargains[chosen]!.receiverPosition;
      d.positions[1]![k]!.forEach((x, dim) => expect(x).toBeCloseTo(want![dim]!, 12));
    });
  });

  it('detail is plain JSON', () => {
    const d = detailOf(run(dummy()));
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('records nothing without trace', () => {
    expect(run(dummy(), {}, 1, false).detail).toBeUndefined();
  });

  it('Stochastic transitions are reproducible by seed (unlike KTAB) and differ across seeds', () => {
    const input = dummy();
    const a = run(input, { transition: 'Stochastic' }, 11);
    const b = run(input, { transition: 'Stochastic' }, 11);
    expect(detailOf(b).positions).toEqual(detailOf(a).positions);
    const others = [12, 13, 14].map((s) =>
      Array.from(run(input, { transition: 'Stochastic' }, s).finalPositions),
    );
    expect(others.some((o) => o.some((x, i) => x !== a.finalPositions[i]))).toBe(true);
  });

  it('Deterministic transitions ignore the seed', () => {
    const input = dummy();
    expect(Array.from(run(input, {}, 1).finalPositions)).toEqual(
      Array.from(run(input, {}, 99).finalPositions),
    );
  });

  it('stops at maxTurns and says so', () => {
    const r = run(dummy(), { maxTurns: 3 });
    expect(r.rounds).toBe(3);
    expect(r.converged).toBe(false);
    expect(detailOf(r).stop.reason).toBe('turn-limit');
    expect(r.warnings).toContain('smp: stopped at the turn limit (3) without converging');
  });

  it('detects a limit cycle: three actors on one issue alternate with period 2 until turn 100', () => {
    const input = makeNumericInput({
      capability: [200, 46.37, 194.36],
      position: [99.61, 69.81, 42.48],
      salience: [0.8721, 0.8947, 0.9152],
    });
    const r = run(input);
    expect(detailOf(r).stop).toEqual({ reason: 'limit-cycle', turns: 100, period: 2 });
    expect(r.converged).toBe(false);
    expect(r.warnings).toContain('smp: reached the turn limit (100) in a limit cycle of period 2');
  });

  it('all positions equal: every R_i = 0 with a warning (KTAB throws), nobody moves, no NaN', () => {
    const input = makeNumericInput({
      capability: [1, 2, 3],
      position: [40, 40, 40],
      salience: [0.5, 0.6, 0.7],
    });
    const r = run(input);
    expect(Array.from(r.finalPositions)).toEqual([40, 40, 40]);
    expect(Array.from(r.forecast)).toEqual([40]);
    expect(r.converged).toBe(true);
    expect(detailOf(r).turns[0]!.risk).toEqual([0, 0, 0]);
    expect(r.warnings.join('\n')).toMatch(/every risk attitude was set to 0/);
  });

  it('two actors at one position is degenerate too, and handled the same way', () => {
    const r = run(
      makeNumericInput({
        capability: [1, 5],
        position: [10, 10, 70, 70],
        salience: [0.5, 0.4, 0.5, 0.4],
        d: 2,
      }),
    );
    expect(r.warnings.join('\n')).toMatch(/risk attitude was set to 0/);
    expect(r.forecast.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('zero capability everywhere yields a defined result with warnings, not NaN', () => {
    const r = run(
      makeNumericInput({
        capability: [0, 0, 0],
        position: [10, 50, 90],
        salience: [0.5, 0.5, 0.5],
      }),
    );
    expect(r.forecast.every((v) => Number.isFinite(v))).toBe(true);
    expect(r.finalPositions.every((v) => Number.isFinite(v))).toBe(true);
    expect(r.warnings.join('\n')).toMatch(/zero capability × salience/);
  });

  it('an actor with all-zero saliences is indifferent, with a warning, not NaN', () => {
    const r = run(
      makeNumericInput({ capability: [1, 2, 3], position: [10, 50, 90], salience: [0, 0.5, 0.5] }),
    );
    expect(r.finalPositions.every((v) => Number.isFinite(v))).toBe(true);
    expect(r.warnings).toContain(
      'smp: a1 has zero salience on every issue: indifferent to every outcome',
    );
  });

  it('saliences summing over 100 across issues are scaled to sum to 100, with a warning; the result is that of the scaled input', () => {
    const base = dummy();
    const doubled = makeNumericInput({ ...base, salience: base.salience.map((s) => s * 2) });
    const capped = makeNumericInput({
      ...base,
      salience: base.salience.map((s, at) => {
        const i = Math.floor(at / 3);
        const sum =
          2 * (base.salience[i * 3]! + base.salience[i * 3 + 1]! + base.salience[i * 3 + 2]!);
        return sum > 1 ? (2 * s) / sum : 2 * s;
      }),
    });
    const r = run(doubled, {}, 1, false);
    expect(Array.from(r.finalPositions)).toEqual(
      Array.from(run(capped, {}, 1, false).finalPositions),
    );
    expect(r.warnings.join('\n')).toMatch(/sum to more than 100 across issues/);
  });

  it('maps each issue’s scale to [0, 1] and back: a 0–10 scale gives the 0–100 trajectory divided by 10', () => {
    const base = dummy();
    const tenth = makeNumericInput({
      ...base,
      position: base.position.map((x) => x / 10),
      scaleMin: [0, 0, 0],
      scaleMax: [10, 10, 10],
    });
    const a = run(base, {}, 1, false);
    const b = run(tenth, {}, 1, false);
    expect(b.rounds).toBe(a.rounds);
    b.finalPositions.forEach((x, i) => expect(x).toBeCloseTo(a.finalPositions[i]! / 10, 10));
  });

  it('an actor absent from an issue has salience 0 there', () => {
    const base = dummy();
    const absent = makeNumericInput({
      ...base,
      present: base.present.map((_, at) => (at === 2 ? 0 : 1)),
    });
    const zero = makeNumericInput({
      ...base,
      salience: base.salience.map((s, at) => (at === 2 ? 0 : s)),
    });
    expect(Array.from(run(absent).finalPositions)).toEqual(Array.from(run(zero).finalPositions));
  });

  it('is not invariant to capability scale: the floors 1e-8/1e-10 matter when capabilities are tiny (docs/spec/smp.md)', () => {
    const a = run(dummy(), {}, 1, false);
    const tiny = run(dummy(1e-10), {}, 1, false);
    expect(Array.from(tiny.finalPositions)).not.toEqual(Array.from(a.finalPositions));
    expect(smp.notInvariantTo?.capabilityScale).toMatch(/floors/);
  });

  it('an actor with zero salience or zero capability still moves the others (its position is an option and a target)', () => {
    const base = dummy();
    const withActor = (c: number, s: number) =>
      makeNumericInput({
        d: 3,
        capability: [...base.capability, c],
        position: [...base.position, 50, 50, 50],
        salience: [...base.salience, s, s, s],
      });
    const a = run(base, {}, 1, false).forecast;
    expect(Array.from(run(withActor(100, 0), {}, 1, false).forecast)).not.toEqual(Array.from(a));
    expect(Array.from(run(withActor(0, 0.3), {}, 1, false).forecast)).not.toEqual(Array.from(a));
    expect(smp.notInvariantTo?.inertActor).toBeDefined();
  });

  it('one actor, or none, is handled without error', () => {
    const one = run(makeNumericInput({ capability: [3], position: [25], salience: [0.5] }));
    expect(Array.from(one.forecast)).toEqual([25]);
    expect(one.warnings.join('\n')).toMatch(/nobody to bargain with/);
    const none = run(makeNumericInput({ capability: [], position: [], salience: [] }));
    expect(Number.isNaN(none.forecast[0])).toBe(true);
  });

  it('rejects unusable numbers with a ModelError naming the actor', () => {
    const bad = makeNumericInput({ capability: [1, -2], position: [10, 20], salience: [0.5, 0.5] });
    expect(() => run(bad)).toThrow(/actor "a2" has capability -2/);
    const nan = makeNumericInput({ capability: [1, 2], position: [10, NaN], salience: [0.5, 0.5] });
    expect(() => run(nan)).toThrow(/actor "a2" on issue "issue1"/);
  });

  const variants: [string, string | boolean][] = Object.entries(
    describeOptions(SMP_OPTIONS),
  ).flatMap(([key, spec]) =>
    spec.type === 'enum'
      ? spec.values.map((v): [string, string | boolean] => [key, v])
      : spec.type === 'boolean'
        ? [[key, true] as [string, boolean]]
        : [],
  );
  it.each(variants)('runs with %s = %s: positions finite and within the scale', (key, value) => {
    const options: SmpOptions = { ...SMP_DEFAULTS, [key]: value };
    const r = run(dummy(), options, 3, false);
    for (const x of r.finalPositions) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(100);
    }
    for (const f of r.forecast) expect(Number.isFinite(f)).toBe(true);
  });

  it.each(
    ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'].flatMap((bargainModel) =>
      ['S1P1', 'S2P2', 'S2PMax'].flatMap((interVecBrgn) =>
        [true, false].map((ktabCompat) => ({ bargainModel, interVecBrgn, ktabCompat })),
      ),
    ),
  )(
    'keeps positions on the scale with $bargainModel, $interVecBrgn, ktabCompat $ktabCompat',
    (o) => {
      const r = run(dummy(), o as Partial<SmpOptions>, 1, false);
      for (const x of r.finalPositions) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(100);
      }
    },
  );

  it('ktabCompat changes the receiver-side bargains of InitRcvrInterp and PWCompInterp only', () => {
    const input = dummy();
    const fp = (o: Partial<SmpOptions>) => Array.from(run(input, o, 1, false).finalPositions);
    expect(fp({ ktabCompat: true })).toEqual(fp({}));
    expect(fp({ bargainModel: 'InitRcvrInterp', ktabCompat: true })).not.toEqual(
      fp({ bargainModel: 'InitRcvrInterp' }),
    );
    expect(fp({ bargainModel: 'PWCompInterp', ktabCompat: true })).not.toEqual(
      fp({ bargainModel: 'PWCompInterp' }),
    );
  });

  it('reads --option KEY=VALUE with KTAB-like names', () => {
    const o = fromText([
      'victoryProb=Octic',
      'pce=MarkovIncentive',
      'votingRule=PropCbc',
      'maxTurns=40',
      'ktabCompat=true',
    ]);
    expect(o).toMatchObject({
      victoryProb: 'Octic',
      pce: 'MarkovIncentive',
      votingRule: 'PropCbc',
      maxTurns: 40,
      ktabCompat: true,
    });
    expect(() => fromText(['pce=Markov'])).toThrow(
      /one of Conditional, MarkovUniform, MarkovIncentive/,
    );
  });

  it('rejects invalid options passed in code with an InputError at options.KEY, as the EUM does', () => {
    expect(() => run(dummy(), { maxTurns: 0 })).toThrow(InputError);
    expect(() => run(dummy(), { maxTurns: 0 })).toThrow(
      'options.maxTurns: smp: 0 is not valid: expected a value in 1..10000',
    );
    expect(() => run(dummy(), { pce: 'Nope' as SmpOptions['pce'] })).toThrow(
      /options\.pce: smp: "Nope" is not valid: expected one of Conditional/,
    );
  });

  it('does not modify its input', () => {
    const input = dummy();
    const before = [input.capability.slice(), input.position.slice(), input.salience.slice()];
    run(input);
    expect([input.capability, input.position, input.salience]).toEqual(before);
  });
});
