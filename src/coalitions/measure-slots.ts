/**
 * The coalition block's ranged numbers as Monte Carlo inputs. The scenario's own inputs
 * (capabilities, positions, saliences, reference points) are drawn by the project's Monte Carlo
 * sampler (src/analysis/uncertainty); the coalition block — trade shares, distance discounts, tie
 * strengths, coefficients — is unknown to it, so each of those numbers is a slot: its measure and
 * a writer into the {@link CoalitionInput} arrays. `slotSpace` presents the slots to the same
 * sampler (same distributions), independent of each other.
 */
import type { InputSpace } from '../analysis/uncertainty/input-space.ts';
import { type CapabilityValue, type MeasureValue, rangeOf, valueOf } from '../core/scenario.ts';

export interface MeasureSlot {
  readonly measure: MeasureValue | CapabilityValue;
  /** Writes a value (on the measure's own scale) where the analysis reads it. */
  readonly write: (value: number) => void;
}

/**
 * An input space over the slots, for the sampler: ranges and modes only (values are written back
 * through the slots, never with `applyValues`); no actor, so no correlation between them.
 */
export function slotSpace(slots: readonly MeasureSlot[]): InputSpace {
  const k = slots.length;
  const ranges = slots.map((s) => rangeOf(s.measure));
  return {
    k,
    target: new Uint8Array(k),
    offset: new Int32Array(k),
    unit: new Float64Array(k).fill(1),
    low: Float64Array.from(ranges, (r) => r[0]),
    mode: Float64Array.from(slots, (s) => valueOf(s.measure)),
    high: Float64Array.from(ranges, (r) => r[1]),
    scaleLow: Float64Array.from(ranges, (r) => r[0]),
    scaleHigh: Float64Array.from(ranges, (r) => r[1]),
    actor: new Int32Array(k).fill(-1),
  };
}
