/**
 * Inputs bound to the slots of a compiled {@link NumericInput}, as typed arrays a hot loop (or a
 * worker) can use: where each value goes, in which units, and its range. `applyValues` writes one
 * draw into the numeric input in place, so a Monte Carlo compiles once and allocates nothing per
 * run.
 */
import { InternalError } from '../../core/errors.ts';
import type { NumericInput } from '../../core/numeric-input.ts';
import type { InputField, UncertainInput } from './inputs.ts';

/** Which array of the numeric input a slot writes to. */
export const TARGET = { capability: 0, position: 1, salience: 2, referencePoint: 3 } as const;

/** Structured-clonable: travels to workers as it is. */
export interface InputSpace {
  /** Number of inputs. */
  readonly k: number;
  /** {@link TARGET} code per input. */
  readonly target: Uint8Array;
  /** Index into the target array (`i·d + k` for stances, `i` for capability, `k` for reference). */
  readonly offset: Int32Array;
  /** File units → model units: 0.01 for saliences (0–100 → 0–1), else 1. */
  readonly unit: Float64Array;
  /** Range and mode in file units. */
  readonly low: Float64Array;
  readonly mode: Float64Array;
  readonly high: Float64Array;
  /** The widest range analyses may move each input over (see {@link UncertainInput.scale}). */
  readonly scaleLow: Float64Array;
  readonly scaleHigh: Float64Array;
  /** Actor index of each input (for correlation within an actor); −1 for reference points. */
  readonly actor: Int32Array;
}

/** Binds inputs (from the same scenario and issue list) to a compiled numeric input. */
export function bindInputs(inputs: readonly UncertainInput[], input: NumericInput): InputSpace {
  const k = inputs.length;
  const space = {
    k,
    target: new Uint8Array(k),
    offset: new Int32Array(k),
    unit: new Float64Array(k),
    low: new Float64Array(k),
    mode: new Float64Array(k),
    high: new Float64Array(k),
    scaleLow: new Float64Array(k),
    scaleHigh: new Float64Array(k),
    actor: new Int32Array(k),
  };
  inputs.forEach((x, j) => {
    const i = x.actor === null ? -1 : input.actorIds.indexOf(x.actor);
    const q = x.issue === null ? -1 : input.issueIds.indexOf(x.issue);
    if ((x.actor !== null && i < 0) || (x.issue !== null && q < 0)) {
      throw new InternalError(`input ${x.id} does not belong to the compiled scenario`);
    }
    space.target[j] = TARGET[x.field];
    space.offset[j] = slot(x.field, i, q, input.d);
    space.unit[j] = x.field === 'salience' ? 0.01 : 1;
    space.low[j] = x.low;
    space.mode[j] = x.mode;
    space.high[j] = x.high;
    space.scaleLow[j] = x.scale[0];
    space.scaleHigh[j] = x.scale[1];
    space.actor[j] = i;
  });
  return space;
}

function slot(field: InputField, i: number, q: number, d: number): number {
  switch (field) {
    case 'capability':
      return i;
    case 'referencePoint':
      return q;
    default:
      return i * d + q;
  }
}

/** The array of `input` that target code `t` writes to. */
function arrayOf(input: NumericInput, t: number): Float64Array {
  switch (t) {
    case TARGET.capability:
      return input.capability;
    case TARGET.position:
      return input.position;
    case TARGET.salience:
      return input.salience;
    default:
      return input.reference;
  }
}

/** Writes input j's value `v` (file units) into the numeric input, in place. */
export function applyValue(input: NumericInput, space: InputSpace, j: number, v: number): void {
  arrayOf(input, space.target[j]!)[space.offset[j]!] = v * space.unit[j]!;
}

/** Writes a whole draw (file units, one value per input) into the numeric input, in place. */
export function applyValues(input: NumericInput, space: InputSpace, values: Float64Array): void {
  const { target, offset, unit } = space;
  for (let j = 0; j < space.k; j++) {
    const v = values[j]! * unit[j]!;
    const t = target[j]!;
    if (t === TARGET.position) input.position[offset[j]!] = v;
    else if (t === TARGET.salience) input.salience[offset[j]!] = v;
    else if (t === TARGET.capability) input.capability[offset[j]!] = v;
    else input.reference[offset[j]!] = v;
  }
}

/** A working copy of a numeric input whose arrays may be overwritten without touching `input`. */
export function cloneInput(input: NumericInput): NumericInput {
  return {
    ...input,
    capability: input.capability.slice(),
    position: input.position.slice(),
    salience: input.salience.slice(),
    reference: input.reference.slice(),
  };
}
