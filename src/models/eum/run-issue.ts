/**
 * The EUM on one issue: the round loop and the stopping rule (docs/spec/eum.md steps 1 and 8), kept
 * apart from the step function (`round.ts`), as in d3-force's tick loop.
 *
 * Only actors present on the issue with c·s > 0 bargain. An actor with zero capability or
 * salience casts no vote, and letting others move to its position would let an actor with no
 * weight steer the outcome, so it takes no part at all and keeps its position; the range R is
 * taken over the initial positions of the actors that bargain.
 */
import { ModelError } from '../../core/errors.ts';
import type { NumericInput } from '../../core/numeric-input.ts';
import type { EumIssueDetail } from './detail.ts';
import { groupMedian, groupPositions, weightedMean } from './groups.ts';
import { IssueTracer } from './issue-tracer.ts';
import type { ResolvedEumOptions } from './options.ts';
import { eumRound } from './round.ts';
import { acquireWorkspace, resetWorkspace } from './workspace.ts';

/** How many rounds in a row the median must stay within `tolerance` (docs/spec/eum.md step 8). */
const SETTLED_ROUNDS = 3;

export interface EumIssueResult {
  readonly forecast: number;
  readonly rounds: number;
  readonly converged: boolean;
  readonly detail?: EumIssueDetail;
}

/**
 * Runs issue k. Writes the bargaining actors' final positions into `finalPositions` (actor-major
 * n·d, prefilled with the input positions) and appends warnings.
 */
export function runEumIssue(
  input: NumericInput,
  k: number,
  o: ResolvedEumOptions,
  trace: boolean,
  finalPositions: Float64Array,
  warnings: string[],
  /** With `trace`: keep every dyad whatever the size (`RoundRecorder`). */
  fullDetail = false,
): EumIssueResult {
  const { n, d, present, capability, salience, position } = input;
  const issueName = input.issueIds[k] ?? `issue ${k + 1}`;
  let m = 0;
  let absent = 0;
  for (let i = 0; i < n; i++) {
    if (!present[i * d + k]) absent++;
    else if (capability[i]! * salience[i * d + k]! > 0) m++;
  }
  if (m === 0) {
    throw new ModelError(
      `every actor on issue "${issueName}" has zero capability × salience, so no outcome is defined`,
      'eum',
    );
  }
  const ws = acquireWorkspace(m);
  const { original, w, s, x } = ws;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0, t = 0; i < n; i++) {
    const at = i * d + k;
    const weight = capability[i]! * salience[at]!;
    if (!present[at] || !(weight > 0)) continue;
    const xi = position[at]!;
    if (!Number.isFinite(xi)) {
      throw new ModelError(
        `actor "${input.actorIds[i]}" has no finite position on issue "${issueName}"`,
        'eum',
      );
    }
    original[t] = i;
    w[t] = weight;
    s[t] = salience[at]!;
    x[t] = xi;
    if (xi < lo) lo = xi;
    if (xi > hi) hi = xi;
    t++;
  }
  const excluded: number[] = [];
  if (m + absent < n) {
    for (let i = 0; i < n; i++) {
      const at = i * d + k;
      if (present[at] && !(capability[i]! * salience[at]! > 0)) excluded.push(i);
    }
    const one = excluded.length === 1;
    warnings.push(
      `eum: on issue "${issueName}" ${excluded.map((i) => `"${input.actorIds[i]}"`).join(', ')} ` +
        `${one ? 'has' : 'have'} zero capability × salience, so ${one ? 'it takes' : 'they take'} ` +
        `no part and keep${one ? 's its position' : ' their positions'}`,
    );
  }
  const range = hi - lo;
  resetWorkspace(ws, range, o);
  const tracer = trace ? new IssueTracer(input, k, ws, excluded, fullDetail) : null;

  if (range === 0) {
    // Step 1: everybody taking part starts at one position; nobody can move.
    warnings.push(
      `eum: on issue "${issueName}" every actor taking part starts at ${lo}, so nobody moves; the forecast is that position`,
    );
    const detail = tracer?.finish({
      range,
      initialMedian: lo,
      initialMean: lo,
      finalMedian: lo,
      tail: o.tail,
      converged: true,
    });
    return { forecast: lo, rounds: 0, converged: true, ...(detail ? { detail } : {}) };
  }

  groupPositions(ws, x);
  const initialMedian = groupMedian(ws);
  const initialMean = tracer === null ? NaN : weightedMean(ws, x);
  const tolerance = o.tolerance;
  let median = initialMedian;
  let settled = 0;
  let converged = false;
  let rounds = 0;
  while (rounds < o.rounds) {
    const mu = eumRound(ws, x, tracer === null ? null : tracer.startRound());
    x.set(ws.next);
    groupPositions(ws, x);
    const previous = median;
    median = groupMedian(ws);
    rounds++;
    if (tracer !== null) tracer.endRound(mu, median, weightedMean(ws, x));
    if (tolerance !== null) {
      settled = Math.abs(median - previous) <= tolerance ? settled + 1 : 0;
      if (settled >= SETTLED_ROUNDS) {
        converged = true;
        break;
      }
    }
    if (ws.moved === 0 && tracer === null) {
      // A fixed point: every later round repeats this one exactly (the step is deterministic in
      // x), so skip to where the loop would end. Traced runs play the rounds out for the record.
      const left = o.rounds - rounds;
      if (tolerance !== null && SETTLED_ROUNDS - settled <= left) {
        rounds += SETTLED_ROUNDS - settled;
        converged = true;
      } else rounds = o.rounds;
      break;
    }
  }
  // A fixed point (nobody moved in the last round) has converged whatever the tolerance: every
  // later round would repeat it exactly.
  if (rounds > 0 && ws.moved === 0) converged = true;
  if (tolerance !== null && !converged) {
    warnings.push(
      `eum: on issue "${issueName}" the median did not stay within ${tolerance} for ${SETTLED_ROUNDS} rounds in a row within ${o.rounds} rounds`,
    );
  }
  for (let t = 0; t < m; t++) finalPositions[original[t]! * d + k] = x[t]!;
  if (tracer === null) return { forecast: median, rounds, converged };
  const detail = tracer.finish({
    range,
    initialMedian,
    initialMean,
    finalMedian: median,
    tail: o.tail,
    converged,
  });
  return { forecast: median, rounds, converged, detail };
}
