/**
 * What would flip each candidate's choice (docs/spec/commitment.md §7): for every input of the
 * commitment model, the value nearest its point value, within its evidence range (or within the
 * input's natural bounds when `beyondRange`), at which a candidate's level in the selected
 * equilibrium changes — all else at the point values. A lever search restricted to the model's
 * terms, each lever naming who would have to act.
 *
 * Search: 48 steps from the point value toward each end of the range, then bisection (40 halvings)
 * between the last step that keeps the level and the first that changes it. The selected profile
 * is piecewise constant in any one input, so this finds the nearest change up to the step width
 * (a change and a change back within one step would be missed; the step is 1/48 of the range).
 */
import { type CompiledCommitment, type CommitmentInputSpec } from './commitment-input.ts';
import { createTables, fillTables } from './game.ts';
import { selectEquilibrium } from './equilibria.ts';

const STEPS = 48;
const HALVINGS = 40;

export interface Flip {
  /** Candidate index whose level changes. */
  readonly candidate: number;
  readonly input: CommitmentInputSpec;
  /** The value at which the level changes, and the change from the point value. */
  readonly value: number;
  readonly change: number;
  /** |change| as a share of the input's evidence range (Infinity when the input has none). */
  readonly shareOfRange: number;
  /** True when the value lies within the evidence range [low, high]. */
  readonly withinRange: boolean;
  readonly from: number;
  readonly to: number;
}

/**
 * Every flip, per candidate the nearest first (by share of range, then |change|). Inputs without a
 * range are searched only with `beyondRange`.
 */
export function findFlips(
  compiled: CompiledCommitment,
  baseline: Int32Array,
  options: { beyondRange?: boolean; fixed?: Int32Array | null } = {},
): Flip[] {
  const { input } = compiled;
  const n = input.n;
  const params = Float64Array.from(input.params);
  const tables = createTables(input);
  const profile = new Int32Array(n);
  const fixed = options.fixed ?? null;
  const levelsAt = (slot: number, v: number): Int32Array => {
    const keep = params[slot]!;
    params[slot] = v;
    fillTables(input, params, tables);
    selectEquilibrium(tables, input.current, fixed, profile);
    params[slot] = keep;
    return profile;
  };
  const flips: Flip[] = [];
  for (const spec of compiled.inputs) {
    const [lo, hi] = options.beyondRange ? spec.bounds : [spec.low, spec.high];
    const found = new Map<number, Flip>();
    for (const end of [lo, hi]) {
      if (end === spec.mode) continue;
      // Per candidate: the last value that keeps its level, and whether this direction is done.
      const same = new Float64Array(n).fill(spec.mode);
      const done = new Uint8Array(n);
      let open = n;
      for (let s = 1; s <= STEPS && open > 0; s++) {
        const v = spec.mode + ((end - spec.mode) * s) / STEPS;
        const changed: number[] = [];
        const p = levelsAt(spec.slot, v);
        for (let i = 0; i < n; i++) {
          if (done[i]) continue;
          if (p[i] === baseline[i]) same[i] = v;
          else changed.push(i);
        }
        for (const i of changed) {
          done[i] = 1;
          open--;
          // Bisect between the last value keeping i's level and v, which changes it.
          let a = same[i]!;
          let b = v;
          for (let h = 0; h < HALVINGS; h++) {
            const mid = (a + b) / 2;
            if (levelsAt(spec.slot, mid)[i] === baseline[i]) a = mid;
            else b = mid;
          }
          const to = levelsAt(spec.slot, b)[i]!;
          const change = b - spec.mode;
          const width = spec.high - spec.low;
          const flip: Flip = {
            candidate: i,
            input: spec,
            value: b,
            change,
            shareOfRange: width > 0 ? Math.abs(change) / width : Infinity,
            withinRange: b >= spec.low && b <= spec.high,
            from: baseline[i]!,
            to,
          };
          const prior = found.get(i);
          if (!prior || Math.abs(change) < Math.abs(prior.change)) found.set(i, flip);
        }
      }
    }
    flips.push(...found.values());
  }
  return flips.sort(
    (x, y) =>
      x.candidate - y.candidate ||
      x.shareOfRange - y.shareOfRange ||
      Math.abs(x.change) - Math.abs(y.change),
  );
}
