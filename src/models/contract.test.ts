/**
 * The contract every model must honour (DESIGN.md "one interface, many implementations, one
 * shared contract suite"). Runs over every model in the registry on seeded random inputs.
 */
import { describe, expect, it } from 'vitest';
import { type NumericInput, makeNumericInput } from '../core/numeric-input.ts';
import { type Rng, createRng } from '../core/rng.ts';
import { listModels } from './registry.ts';

const TRIALS = 25;

function randomInput(rng: Rng, n: number, d: number): NumericInput {
  const capability = Array.from({ length: n }, () => 0.05 + rng.next());
  // Positions on a grid of halves keep ties possible but rare; saliences away from zero.
  const position = Array.from({ length: n * d }, () => Math.round(rng.next() * 200) / 2);
  const salience = Array.from({ length: n * d }, () => 0.1 + 0.9 * rng.next());
  const reference = Array.from({ length: d }, (_, k) =>
    k % 2 === 0 ? Math.round(rng.next() * 100) : NaN,
  );
  return makeNumericInput({ capability, position, salience, d, reference });
}

function permute(input: NumericInput, order: number[]): NumericInput {
  const { d } = input;
  return makeNumericInput({
    d,
    capability: order.map((i) => input.capability[i]!),
    position: order.flatMap((i) => Array.from(input.position.subarray(i * d, i * d + d))),
    salience: order.flatMap((i) => Array.from(input.salience.subarray(i * d, i * d + d))),
    reference: input.reference,
  });
}

/** Appends one actor with the given capability and salience (on every issue). */
function withExtraActor(
  input: NumericInput,
  capability: number,
  salience: number,
  at: number,
): NumericInput {
  const { d, n } = input;
  return makeNumericInput({
    d,
    capability: [...input.capability, capability],
    position: [...input.position, ...Array.from({ length: d }, () => at)],
    salience: [...input.salience, ...Array.from({ length: d }, () => salience)],
    reference: input.reference,
    actorIds: [...input.actorIds, `a${n + 1}`],
  });
}

for (const model of listModels()) {
  describe(`model contract: ${model.id}`, () => {
    const run = (input: NumericInput, seed = 7) =>
      model.run(input, model.defaults, { rng: createRng(seed), trace: false }).forecast;

    it('forecasts every issue within its scale', () => {
      const rng = createRng(1);
      for (let t = 0; t < TRIALS; t++) {
        const input = randomInput(
          rng,
          2 + Math.floor(rng.next() * 12),
          1 + Math.floor(rng.next() * 3),
        );
        const f = run(input);
        expect(f.length).toBe(input.d);
        for (let k = 0; k < input.d; k++) {
          expect(f[k]).toBeGreaterThanOrEqual(input.scaleMin[k]!);
          expect(f[k]).toBeLessThanOrEqual(input.scaleMax[k]!);
        }
      }
    });

    it('is invariant to the order of the actors', () => {
      const rng = createRng(2);
      for (let t = 0; t < TRIALS; t++) {
        const input = randomInput(
          rng,
          3 + Math.floor(rng.next() * 10),
          1 + Math.floor(rng.next() * 2),
        );
        const order = Array.from({ length: input.n }, (_, i) => i).reverse();
        const a = run(input);
        const b = run(permute(input, order));
        for (let k = 0; k < input.d; k++) expect(b[k]).toBeCloseTo(a[k]!, 6);
      }
    });

    const scaleReason = model.notInvariantTo?.capabilityScale;
    it.skipIf(scaleReason !== undefined)(
      `is invariant to scaling every capability by one factor${scaleReason ? ` (not by design: ${scaleReason})` : ''}`,
      () => {
        const rng = createRng(3);
        for (let t = 0; t < TRIALS; t++) {
          const input = randomInput(
            rng,
            3 + Math.floor(rng.next() * 10),
            1 + Math.floor(rng.next() * 2),
          );
          const scaled = makeNumericInput({
            ...input,
            capability: input.capability.map((c) => c * 37.5),
          });
          const a = run(input);
          const b = run(scaled);
          for (let k = 0; k < input.d; k++) expect(b[k]).toBeCloseTo(a[k]!, 6);
        }
      },
    );

    const inertReason = model.notInvariantTo?.inertActor;
    it.skipIf(inertReason !== undefined)(
      `ignores an actor with zero salience or zero capability${inertReason ? ` (not by design: ${inertReason})` : ''}`,
      () => {
        const rng = createRng(4);
        for (let t = 0; t < TRIALS; t++) {
          const input = randomInput(
            rng,
            3 + Math.floor(rng.next() * 8),
            1 + Math.floor(rng.next() * 2),
          );
          const a = run(input);
          const at = Math.round(rng.next() * 100);
          const zeroSalience = run(withExtraActor(input, 5, 0, at));
          const zeroCapability = run(withExtraActor(input, 0, 0.9, at));
          for (let k = 0; k < input.d; k++) {
            expect(zeroSalience[k]).toBeCloseTo(a[k]!, 9);
            expect(zeroCapability[k]).toBeCloseTo(a[k]!, 9);
          }
        }
      },
    );

    it('is deterministic for a given input and seed', () => {
      const rng = createRng(5);
      for (let t = 0; t < 5; t++) {
        const input = randomInput(rng, 8, 2);
        expect(Array.from(run(input, 11))).toEqual(Array.from(run(input, 11)));
      }
    });

    it('does not modify its input', () => {
      const input = randomInput(createRng(6), 9, 2);
      const before = [input.capability.slice(), input.position.slice(), input.salience.slice()];
      run(input);
      expect([input.capability, input.position, input.salience]).toEqual(before);
    });

    it('records detail only when asked (trace)', () => {
      const input = randomInput(createRng(8), 6, 1);
      const quiet = model.run(input, model.defaults, { rng: createRng(1), trace: false });
      expect(quiet.detail).toBeUndefined();
      const traced = model.run(input, model.defaults, { rng: createRng(1), trace: true });
      expect(Array.from(traced.forecast)).toEqual(Array.from(quiet.forecast));
    });
  });
}
