/**
 * One round of the expected utility model: a pure step from the start-of-round positions `x` to
 * the positions after every actor's move, in `ws.next` (docs/spec/eum.md steps 2–7). Every step reads
 * the start-of-round positions; all moves apply at once. No allocation.
 */
import { fillExpectedUtilities, fillRisk, fillSecurity } from './expected-utility.ts';
import { groupMedian, groupRiskClasses } from './groups.ts';
import { type OfferRecorder, takeOffers, takeOffersTraced } from './offers.ts';
import { fillProbabilities } from './probabilities.ts';
import { fillRoundTables } from './tables.ts';
import type { EumWorkspace } from './workspace.ts';

/**
 * Runs one round. Expects `ws` grouped for `x` (`groupPositions(ws, x)`: the loop groups the
 * positions after each round anyway, for the round's median). Returns μ, the start-of-round median
 * the round used.
 */
export function eumRound(
  ws: EumWorkspace,
  x: Float64Array,
  recorder: OfferRecorder | null = null,
): number {
  const mu = groupMedian(ws); // step 2
  fillRoundTables(ws, mu); // steps 1 and 4
  fillProbabilities(ws, false); // step 3, pass 1 (r = 1)
  fillSecurity(ws); // step 6
  fillRisk(ws);
  groupRiskClasses(ws); // actors alike as voters and receivers share their powers
  fillProbabilities(ws, true); // pass 2 with r_k
  fillExpectedUtilities(ws); // step 5 with r_i
  if (recorder === null)
    takeOffers(ws, x); // step 7
  else takeOffersTraced(ws, x, recorder);
  return mu;
}
