import { describe, expect, it } from 'vitest';
import { InputError, ModelError } from '../../core/errors.ts';
import { type NumericInput, makeNumericInput } from '../../core/numeric-input.ts';
import { createRng } from '../../core/rng.ts';
import { optionsFromText } from '../options.ts';
import type { ModelResult } from '../model.ts';
import type { EumDetail, EumIssueDetail } from './detail.ts';
import { eum } from './eum.ts';
import { loadBdmCsv } from './fixtures/load-bdm-csv.ts';
import { EUM_DEFAULTS, type EumOptions, resolveEumOptions } from './options.ts';

/** `KEY=VALUE` texts as the CLI hands them over. */
const fromText = (model: Parameters<typeof optionsFromText>[0], pairs: string[]) =>
  optionsFromText(
    model,
    pairs.map((p) => p.split('=') as [string, string]),
  );

const ec = loadBdmCsv('bdm1994_ec_car_emissions.csv');

function run(input: NumericInput, options: Partial<EumOptions> = {}, trace = true): ModelResult {
  return eum.run(input, { ...EUM_DEFAULTS, ...options }, { rng: createRng(1), trace });
}
const issue = (r: ModelResult, k = 0): EumIssueDetail => (r.detail as EumDetail).issues[k]!;

function randomInput(seed: number, n: number): NumericInput {
  const rng = createRng(seed);
  return makeNumericInput({
    capability: Array.from({ length: n }, () => 0.05 + rng.next()),
    position: Array.from({ length: n }, () => Math.round(rng.next() * 10_000) / 100),
    salience: Array.from({ length: n }, () => 0.1 + 0.9 * rng.next()),
  });
}

/** Every number in a JSON-ish value, for NaN/∞ checks. */
function numbersIn(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(numbersIn);
  if (v && typeof v === 'object') return Object.values(v).flatMap(numbersIn);
  return [];
}

describe('eum options', () => {
  it('defaults: scholz2011, Q = 1, 10 rounds, no tolerance, capitulation auto, tail 3', () => {
    expect(eum.defaults).toEqual({
      variant: 'scholz2011',
      Q: 1,
      rounds: 10,
      tolerance: null,
      capitulation: 'auto',
      tail: 3,
    });
  });

  it("capitulation 'auto' follows the variant: off in scholz2011, on in printed", () => {
    expect(resolveEumOptions({}).capitulation).toBe(false);
    expect(resolveEumOptions({ variant: 'printed' }).capitulation).toBe(true);
    expect(resolveEumOptions({ variant: 'printed', capitulation: 'off' }).capitulation).toBe(false);
    expect(resolveEumOptions({ capitulation: 'on' }).capitulation).toBe(true);
  });

  it('parses every option from key=value text', () => {
    const o = fromText(eum, [
      'variant=printed',
      'Q=0.5',
      'rounds=5',
      'tolerance=0.01',
      'capitulation=off',
      'tail=2',
    ]);
    expect(o).toEqual({
      variant: 'printed',
      Q: 0.5,
      rounds: 5,
      tolerance: 0.01,
      capitulation: 'off',
      tail: 2,
    });
    expect(fromText(eum, ['tolerance=off']).tolerance).toBeNull();
    expect(() => fromText(eum, ['Q=2'])).toThrow(InputError);
    expect(() => fromText(eum, ['variant=bdm'])).toThrow(/scholz2011, printed/);
    expect(() => fromText(eum, ['rounds=2.5'])).toThrow(/integer/);
  });

  it('rejects bad options given in code with an InputError naming the option', () => {
    expect(() => run(ec, { Q: -0.1 })).toThrow(/options\.Q/);
    expect(() => run(ec, { rounds: 0 })).toThrow(InputError);
    expect(() => run(ec, { tolerance: -1 })).toThrow(/tolerance/);
  });
});

describe('eum result', () => {
  it('forecasts the final median; finalPositions are the actors’ last positions; rounds and converged are reported', () => {
    const r = run(ec);
    const d = issue(r);
    expect(r.forecast[0]).toBe(d.finalMedian);
    expect(d.finalMedian).toBe(d.medians[9]);
    expect(Array.from(r.finalPositions)).toEqual(d.trajectory[10]);
    expect(r.rounds).toBe(10);
    expect(r.converged).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it('the tail mean is the mean of the last `tail` medians', () => {
    const d = issue(run(ec, { tail: 3 }));
    expect(d.tailMean).toBeCloseTo((d.medians[7]! + d.medians[8]! + d.medians[9]!) / 3, 12);
    expect(issue(run(ec, { tail: 50 })).tailMean).toBeCloseTo(
      d.medians.reduce((a, b) => a + b) / 10,
      12,
    );
  });

  it('traces per round the median, the mean, S_i, r_i in [0.5, 2], every ordered dyad and the moves', () => {
    const d = issue(run(ec));
    expect(d.rounds).toHaveLength(10);
    expect(d.trajectory).toHaveLength(11);
    for (const round of d.rounds) {
      expect(round.dyads).toHaveLength(90);
      expect(round.security).toHaveLength(10);
      for (const r of round.riskExponent) {
        expect(r).toBeGreaterThanOrEqual(0.5 - 1e-12);
        expect(r).toBeLessThanOrEqual(2 + 1e-12);
      }
      // The extremes of security get the extreme exponents.
      expect(Math.min(...(round.riskExponent as number[]))).toBeCloseTo(0.5, 12);
      expect(Math.max(...(round.riskExponent as number[]))).toBeCloseTo(2, 12);
      const taken = round.dyads.filter((x) => x.taken);
      expect(taken).toHaveLength(round.moves.length);
      for (const m of round.moves) {
        const dyad = taken.find((x) => x.i === m.actor)!;
        expect(dyad.j).toBe(m.from);
        expect(dyad.offer).toEqual({ type: m.type, position: m.toPosition });
      }
    }
  });

  it('offers follow the octants: confrontation ⇐ conflict-j-prevails, compromise ⇐ compromise-i-concedes', () => {
    for (const variant of ['scholz2011', 'printed'] as const) {
      for (const round of issue(run(ec, { variant })).rounds) {
        for (const dyad of round.dyads) {
          const expected =
            dyad.octant === 'conflict-j-prevails'
              ? 'confrontation'
              : dyad.octant === 'compromise-i-concedes'
                ? 'compromise'
                : dyad.octant === 'j-compels-i' && variant === 'printed'
                  ? 'capitulation'
                  : undefined;
          expect(dyad.offer?.type).toBe(expected);
        }
      }
    }
  });

  it('detail is plain JSON: no typed arrays, no NaN or infinities, survives a JSON round trip', () => {
    for (const variant of ['scholz2011', 'printed'] as const) {
      const detail = run(ec, { variant, Q: 0.5 }).detail;
      expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
      expect(numbersIn(detail).every(Number.isFinite)).toBe(true);
    }
  });

  it('records no detail without trace, and the same forecast', () => {
    const quiet = run(ec, {}, false);
    expect(quiet.detail).toBeUndefined();
    expect(Array.from(quiet.forecast)).toEqual(Array.from(run(ec).forecast));
    expect(Array.from(quiet.finalPositions)).toEqual(Array.from(run(ec).finalPositions));
  });

  it('gives bit-identical results whatever ran before (workspaces are reused across runs)', () => {
    const first = run(ec, {}, false);
    run(randomInput(9, 10), {}, false);
    run(ec, { variant: 'printed', Q: 0.5 }, false);
    const again = run(ec, {}, false);
    expect(Array.from(again.finalPositions)).toEqual(Array.from(first.finalPositions));
  });
});

describe('eum stopping rule (docs/spec/eum.md step 8)', () => {
  it('without a tolerance runs every round, and reports convergence only at a fixed point', () => {
    for (const variant of ['printed', 'scholz2011'] as const) {
      const r = run(ec, { variant });
      expect(r.rounds).toBe(10);
      // Converged exactly when nobody moved in the last round (every later round repeats it).
      const t = issue(r).trajectory;
      const last = t[t.length - 1]!;
      const before = t[t.length - 2]!;
      const fixed = last.every((x, i) => x === before[i]);
      expect(r.converged).toBe(fixed);
    }
  });

  it('with a tolerance stops once the median moved ≤ tolerance for 3 rounds in a row, and only then converges', () => {
    // printed: the median is 7 from round 1 on (initial median 7), so rounds 1–3 are all "no change".
    const r = run(ec, { variant: 'printed', tolerance: 0 });
    expect(r.rounds).toBe(3);
    expect(r.converged).toBe(true);
    expect(issue(r).medians).toEqual([7, 7, 7]);
    expect(r.warnings).toEqual([]);
  });

  it('reports the same rounds and convergence traced or not (untraced runs skip the rest of a fixed point)', () => {
    for (const options of [
      { variant: 'printed' as const },
      { variant: 'printed' as const, tolerance: 0 },
      { variant: 'printed' as const, tolerance: 0, rounds: 4 },
      { variant: 'printed' as const, tolerance: 0, rounds: 2 },
      { tolerance: 0.5 },
    ]) {
      const traced = run(ec, options, true);
      const quiet = run(ec, options, false);
      expect([quiet.rounds, quiet.converged, quiet.warnings]).toEqual([
        traced.rounds,
        traced.converged,
        traced.warnings,
      ]);
      expect(Array.from(quiet.finalPositions)).toEqual(Array.from(traced.finalPositions));
    }
  });

  it('reports (and warns) when the tolerance is not met within the rounds', () => {
    const r = run(ec, { tolerance: 0.01, rounds: 10 });
    expect(r.converged).toBe(false);
    expect(r.rounds).toBe(10);
    expect(r.warnings.join()).toMatch(/did not stay within 0\.01/);
  });
});

describe('eum edge cases', () => {
  it('all actors at one position (zero range): forecasts that position, nobody moves, with a warning', () => {
    const input = makeNumericInput({
      capability: [1, 2, 3],
      position: [40, 40, 40],
      salience: [0.5, 0.5, 1],
    });
    const r = run(input);
    expect(Array.from(r.forecast)).toEqual([40]);
    expect(Array.from(r.finalPositions)).toEqual([40, 40, 40]);
    expect(r.rounds).toBe(0);
    expect(r.warnings.join()).toMatch(/starts at 40, so nobody moves/);
    const d = issue(r);
    expect([d.finalMedian, d.tailMean, d.range]).toEqual([40, 40, 0]);
    expect(numbersIn(d).every(Number.isFinite)).toBe(true);
  });

  it('the range is taken over the actors that bargain: an inert actor elsewhere does not open it', () => {
    const input = makeNumericInput({
      capability: [1, 1, 0],
      position: [30, 30, 90],
      salience: [1, 0.5, 1],
    });
    const r = run(input);
    expect(Array.from(r.forecast)).toEqual([30]);
    expect(Array.from(r.finalPositions)).toEqual([30, 30, 90]);
  });

  it('equal security levels give every actor r = 1 (R_i = 0), not a division by zero', () => {
    // Two mirror-image actors: S_1 = S_2.
    const input = makeNumericInput({
      capability: [1, 1],
      position: [20, 80],
      salience: [0.6, 0.6],
    });
    const d = issue(run(input));
    expect(d.rounds[0]!.security[0]).toBeCloseTo(d.rounds[0]!.security[1]!, 12);
    expect(d.rounds[0]!.riskExponent).toEqual([1, 1]);
    expect(numbersIn(d).every(Number.isFinite)).toBe(true);
    // Mirror images stay mirror images: nobody gains by challenging, so nobody moves.
    expect(d.medians.every((m) => m === 20)).toBe(true);
  });

  it('two actors: a defined result on the scale, whatever the weights', () => {
    for (const [c1, c2, s1, s2] of [
      [1, 2, 0.5, 0.9],
      [5, 0.1, 1, 0.1],
      [1, 1, 1, 1],
    ] as const) {
      const input = makeNumericInput({
        capability: [c1, c2],
        position: [10, 70],
        salience: [s1, s2],
      });
      const r = run(input);
      expect(numbersIn(r.detail).every(Number.isFinite)).toBe(true);
      expect([10, 70]).toContain(r.forecast[0]);
      for (const x of r.finalPositions) expect(x >= 10 && x <= 70).toBe(true);
    }
  });

  it('an actor with zero salience or zero capability takes no part, keeps its position and changes nothing, with a warning', () => {
    const base = randomInput(3, 8);
    const r0 = run(base);
    for (const [c, s] of [
      [5, 0],
      [0, 0.9],
    ] as const) {
      const input = makeNumericInput({
        capability: [...base.capability, c],
        position: [...base.position, 99],
        salience: [...base.salience, s],
      });
      const r = run(input);
      expect(Array.from(r.finalPositions.subarray(0, 8))).toEqual(Array.from(r0.finalPositions));
      expect(r.finalPositions[8]).toBe(99);
      expect(r.warnings.join()).toMatch(/"a9" has zero capability × salience, so it takes no part/);
      const d = issue(r);
      expect(d.excluded).toEqual([8]);
      expect(d.participants).not.toContain(8);
      expect(d.trajectory.every((row) => row[8] === 99)).toBe(true);
      expect(d.rounds[0]!.riskExponent[8]).toBeNull();
      expect(d.medians).toEqual(issue(r0).medians);
    }
  });

  it('every c·s zero is an error naming the problem', () => {
    const input = makeNumericInput({ capability: [0, 1], position: [10, 20], salience: [1, 0] });
    expect(() => run(input)).toThrow(ModelError);
    expect(() => run(input)).toThrow(
      /every actor on issue "issue1" has zero capability × salience/,
    );
  });

  it('200 actors: completes with finite values, the forecast inside the initial range', () => {
    const input = randomInput(11, 200);
    const r = run(input, {}, false);
    const lo = Math.min(...input.position);
    const hi = Math.max(...input.position);
    expect(r.forecast[0]).toBeGreaterThanOrEqual(lo);
    expect(r.forecast[0]).toBeLessThanOrEqual(hi);
    expect(Array.from(r.finalPositions).every((x) => x >= lo && x <= hi)).toBe(true);
  });

  it('is invariant to the actors’ order and to scaling every capability (EC case, full trajectories)', () => {
    const d0 = issue(run(ec));
    const order = [7, 2, 9, 0, 5, 1, 8, 3, 6, 4];
    const permuted = makeNumericInput({
      capability: order.map((i) => ec.capability[i]!),
      position: order.map((i) => ec.position[i]!),
      salience: order.map((i) => ec.salience[i]!),
    });
    const d1 = issue(run(permuted));
    d1.trajectory.forEach((row, t) =>
      row.forEach((x, p) => expect(x).toBeCloseTo(d0.trajectory[t]![order[p]!]!, 9)),
    );
    const scaled = makeNumericInput({ ...ec, capability: ec.capability.map((c) => c * 1000) });
    expect(issue(run(scaled)).medians).toEqual(
      d0.medians.map((m) => expect.closeTo(m, 9) as number),
    );
  });

  it('runs each issue alone on its present actors; absent actors keep their (input) positions', () => {
    // Issue 1 is EC; on issue 2 only the first three actors take part.
    const n = ec.n;
    const position: number[] = [];
    const salience: number[] = [];
    const present: number[] = [];
    for (let i = 0; i < n; i++) {
      position.push(ec.position[i]!, [10, 50, 90][i] ?? -1);
      salience.push(ec.salience[i]!, 0.5);
      present.push(1, i < 3 ? 1 : 0);
    }
    const input = makeNumericInput({
      capability: ec.capability,
      position,
      salience,
      present,
      d: 2,
    });
    const r = run(input);
    expect(r.forecast[0]).toBe(run(ec).forecast[0]);
    const alone = run(
      makeNumericInput({
        capability: ec.capability.slice(0, 3),
        position: [10, 50, 90],
        salience: [0.5, 0.5, 0.5],
      }),
    );
    expect(r.forecast[1]).toBe(alone.forecast[0]);
    for (let i = 3; i < n; i++) expect(r.finalPositions[i * 2 + 1]).toBe(-1);
    expect(
      issue(r, 1)
        .trajectory[0]!.slice(3)
        .every((x) => x === null),
    ).toBe(true);
    expect(issue(r, 1).participants).toEqual([0, 1, 2]);
  });
});
