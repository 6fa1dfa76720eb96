/**
 * KAPSARC's spatial model of politics (SMP), multi-issue, as implemented in KTAB and specified in
 * docs/spec/smp.md. Actors repeatedly challenge the actor whose defeat would gain them most, propose
 * bargains interpolated between the two positions, and each actor takes the bargain that wins an
 * election among all actors over its own queue. Reproduces KTAB's `smpc` positions to within
 * rounding with default options.
 *
 * Source: KTAB (KAPSARC Toolkit for Behavioral Analysis, MIT licence), `examples/smp/libsrc/smp.cpp`,
 * `kmodel/libsrc/kmodel.cpp`; Wise, Efird et al.
 *
 * Scales: positions are mapped to [0,1] per issue by (x − min)/(max − min) and back. Actors absent
 * from an issue have salience 0 there. Capabilities are used raw, as KTAB does (its fixed floors
 * 1e-8/1e-10 do not scale with capability, so the model is not invariant to rescaling them).
 *
 * Forecast: the capability × salience weighted mean of the actors' final positions per issue (KTAB
 * itself reports only positions; this is our single-number summary).
 */
import { InputError, ModelError } from '../../core/errors.ts';
import { currentLimits, overLimitMessage } from '../../core/limits.ts';
import type { NumericInput } from '../../core/numeric-input.ts';
import { type ModelResult, type RunContext, defineModel } from '../model.ts';
import { INTERP_CODE } from './bargain.ts';
import { COMMIT_CODE } from './challenge.ts';
import type { SmpDetail, SmpTurnDetail } from './detail.ts';
import { PCE_CODE, VICTORY_CODE } from './election.ts';
import { checkOptions } from '../options.ts';
import { BARGAIN_MODELS, SMP_OPTIONS, type SmpOptions } from './options.ts';
import { RANGE_CODE } from './risk.ts';
import {
  StateRing,
  type StopReason,
  hasConverged,
  limitCyclePeriod,
  stateDistance,
} from './stop.ts';
import { type TurnFlags, type TurnSettings, step } from './turn.ts';
import { VOTE_CODE } from './vote.ts';
import { type SmpWorkspace, createWorkspace } from './workspace.ts';

/** KTAB's Markov PCEs give up after this many steps; ours go on to this many. */
const KTAB_MARKOV_STEPS = 1000;
const MARKOV_STEPS = 100_000;

function settingsOf(o: SmpOptions): TurnSettings {
  return {
    election: {
      vote: VOTE_CODE[o.votingRule],
      victory: VICTORY_CODE[o.victoryProb],
      pce: PCE_CODE[o.pce],
      markovSteps: o.ktabCompat ? KTAB_MARKOV_STEPS : MARKOV_STEPS,
    },
    range: RANGE_CODE[o.bigRRange],
    adjust: o.bigRAdjust,
    interp: INTERP_CODE[o.interVecBrgn],
    bargainModel: BARGAIN_MODELS.indexOf(o.bargainModel),
    stochastic: o.transition === 'Stochastic',
    ktabCompat: o.ktabCompat,
  };
}

/** Loads the input into the workspace on [0,1]; returns warnings about the saliences. */
function load(input: NumericInput, ws: SmpWorkspace): string[] {
  const { n, d } = input;
  const warnings: string[] = [];
  const over: string[] = [];
  const silent: string[] = [];
  for (let k = 0; k < d; k++) {
    const lo = input.scaleMin[k]!;
    const hi = input.scaleMax[k]!;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
      throw new ModelError(
        `issue "${input.issueIds[k]}" has no usable scale (${lo}..${hi})`,
        'smp',
      );
    }
  }
  for (let i = 0; i < n; i++) {
    const c = input.capability[i]!;
    if (!(Number.isFinite(c) && c >= 0)) {
      throw new ModelError(
        `actor "${input.actorIds[i]}" has capability ${c}: expected a finite number ≥ 0`,
        'smp',
      );
    }
    ws.c[i] = c;
    let total = 0;
    for (let k = 0; k < d; k++) {
      const at = i * d + k;
      const lo = input.scaleMin[k]!;
      const hi = input.scaleMax[k]!;
      const x = input.position[at]!;
      const s = input.present[at] ? input.salience[at]! : 0;
      if (!Number.isFinite(x) || !Number.isFinite(s) || s < 0) {
        throw new ModelError(
          `actor "${input.actorIds[i]}" on issue "${input.issueIds[k]}": position ${x}, salience ${s} are not usable`,
          'smp',
        );
      }
      ws.x[at] = Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
      ws.s[at] = s;
      total += s;
    }
    if (total > 1 + 1e-12) {
      // KTAB requires Σ_k s_ik ≤ 1 (attention is shared among issues). Distances depend only on
      // the ratios of an actor's saliences, so rescaling caps S_i at 1 and changes nothing else.
      for (let k = 0; k < d; k++) ws.s[i * d + k] = ws.s[i * d + k]! / total;
      over.push(input.actorIds[i]!);
      total = 1;
    }
    // An actor with no stance on any issue run here is no stakeholder: nothing to warn about.
    let present = false;
    for (let k = 0; k < d; k++) if (input.present[i * d + k]) present = true;
    if (total === 0 && present) silent.push(input.actorIds[i]!);
    ws.salienceSum[i] = total;
    ws.weight[i] = total * c;
  }
  if (over.length > 0) {
    warnings.push(
      `smp: saliences of ${over.join(', ')} sum to more than 100 across issues; KTAB requires at most 100, so they were scaled to sum to 100 (relative saliences kept)`,
    );
  }
  if (silent.length > 0) {
    warnings.push(
      `smp: ${silent.join(', ')} ha${silent.length === 1 ? 's' : 've'} zero salience on every issue: indifferent to every outcome`,
    );
  }
  return warnings;
}

/** Copies a [0,1] state to plain arrays on the issue scales. */
function toScale(input: NumericInput, x: Float64Array): number[][] {
  const { n, d } = input;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let k = 0; k < d; k++) {
      row.push(input.scaleMin[k]! + x[i * d + k]! * (input.scaleMax[k]! - input.scaleMin[k]!));
    }
    out.push(row);
  }
  return out;
}

function recordTurn(input: NumericInput, ws: SmpWorkspace, turn: number): SmpTurnDetail {
  const { n, dims } = ws;
  // The bargains and queues (about n² numbers a turn) are copied as typed arrays now and turned
  // into objects only when read: the text forecast reads the few turns with a jump, `--json`
  // reads them all. Building them every turn took 60 % of a 50-actor run.
  const nBargains = ws.nBargains;
  const init = ws.bargainInit.slice(0, nBargains);
  const rcvr = ws.bargainRcvr.slice(0, nBargains);
  const prob = ws.bargainProb.slice(0, nBargains);
  const pos = ws.bargainPos.slice(0, 2 * nBargains * dims);
  const queueStart = ws.queueStart.slice(0, n + 1);
  const queueItem = ws.queueItem.slice(0, queueStart[n]);
  const queueProb = ws.queueProb.slice(0, queueStart[n]);
  const chosen = ws.chosen.slice(0, n);
  const scale = (o: number) =>
    Array.from(
      { length: dims },
      (_, k) => input.scaleMin[k]! + pos[o + k]! * (input.scaleMax[k]! - input.scaleMin[k]!),
    );
  const record = {
    turn,
    riskElection: Array.from(ws.riskProb),
    risk: Array.from(ws.risk),
    challenges: Array.from({ length: n }, (_, i) => ({
      target: ws.target[i]! < 0 ? null : ws.target[i]!,
      probability: ws.targetProb[i]!,
      gain: ws.targetGain[i]!,
    })),
  } as SmpTurnDetail;
  lazy(record, 'bargains', () =>
    Array.from({ length: nBargains }, (_, b) => ({
      initiator: init[b]!,
      receiver: rcvr[b]!,
      probability: prob[b]!,
      initiatorPosition: scale(2 * b * dims),
      receiverPosition: scale((2 * b + 1) * dims),
    })),
  );
  lazy(record, 'queues', () =>
    Array.from({ length: n }, (_, k) => {
      const q0 = queueStart[k]!;
      const q1 = queueStart[k + 1]!;
      const options: (number | null)[] = [];
      for (let m = q0; m < q1; m++) options.push(queueItem[m]! < 0 ? null : queueItem[m]!);
      return { options, probabilities: Array.from(queueProb.subarray(q0, q1)), chosen: chosen[k]! };
    }),
  );
  return record;
}

/**
 * An enumerable property computed on first read and kept: JSON, structured clone and spread see
 * a plain value; nothing is built until someone reads it.
 */
function lazy<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(obj, key, { value, enumerable: true, writable: false });
      return value;
    },
  });
}

/**
 * Why the SMP refuses `actors` actors (over `ENTENTE_MAX_SMP_ACTORS`), or undefined within the
 * limit: each turn costs about n³ contests (docs/spec/smp.md): 200 actors take seconds, 2,000
 * hours. Shells that plan runs ask it before running anything.
 */
export function smpOverLimit(actors: number): string | undefined {
  if (actors <= currentLimits().smpActors) return undefined;
  return `smp: ${overLimitMessage('smpActors', actors, 'actors')}; its work grows as actors³ per turn, so leave the SMP out of the models for a scenario this large`;
}

/** Runs the SMP on numeric input (see the module comment). */
export function runSmp(
  input: NumericInput,
  options: Partial<SmpOptions>,
  ctx: RunContext,
): ModelResult<SmpDetail> {
  const o = checkOptions('smp', SMP_OPTIONS, options);
  const { n, d } = input;
  const over = smpOverLimit(n);
  if (over) throw new InputError({ path: '', message: over });
  const st = settingsOf(o);
  const ws = createWorkspace(n, d, st.election.vote, COMMIT_CODE[o.thirdPartyCommit]);
  const warnings = load(input, ws);
  if (n < 2)
    warnings.push(
      `smp: ${n} actor${n === 1 ? '' : 's'}: nobody to bargain with, positions are unchanged`,
    );

  const ring = new StateRing(n, d);
  ring.push(ws.x);
  const positions = ctx.trace ? [toScale(input, ws.x)] : [];
  const turns: SmpTurnDetail[] = [];
  const flags: TurnFlags = { degenerateRisk: false, markovUnconverged: 0 };
  let degenerateTurns = 0;
  let markovFailures = 0;
  let firstStep = 0;
  let reason: StopReason = 'turn-limit';
  let period = 0;
  let t = 0;
  for (;;) {
    flags.degenerateRisk = false;
    flags.markovUnconverged = 0;
    step(ws, st, ctx.rng, flags);
    t++;
    if (flags.degenerateRisk) degenerateTurns++;
    markovFailures += flags.markovUnconverged;
    const change = stateDistance(ws.x, 0, ws.xNext, 0, n, d);
    if (t === 1) firstStep = change;
    const swap = ws.x;
    ws.x = ws.xNext;
    ws.xNext = swap;
    ring.push(ws.x);
    if (ctx.trace) {
      turns.push(recordTurn(input, ws, t));
      positions.push(toScale(input, ws.x));
    }
    if (hasConverged(t, change, firstStep)) {
      reason = 'converged';
      break;
    }
    if (t >= o.maxTurns) {
      period = limitCyclePeriod(ring, firstStep);
      if (period > 0) reason = 'limit-cycle';
      break;
    }
  }

  if (degenerateTurns > 0) {
    warnings.push(
      `smp: on ${degenerateTurns} of ${t} turns every actor's position had the same election probability (e.g. all positions equal), so every risk attitude was set to 0 (KTAB stops with an error here)`,
    );
  }
  if (markovFailures > 0) {
    warnings.push(
      `smp: the ${o.pce} election did not converge within ${st.election.markovSteps} steps ${markovFailures} time(s); its last iterate was used`,
    );
  }
  if (reason === 'turn-limit')
    warnings.push(`smp: stopped at the turn limit (${o.maxTurns}) without converging`);
  if (reason === 'limit-cycle')
    warnings.push(
      `smp: reached the turn limit (${o.maxTurns}) in a limit cycle of period ${period}`,
    );

  const finalPositions = new Float64Array(n * d);
  const forecast = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    const lo = input.scaleMin[k]!;
    const span = input.scaleMax[k]! - lo;
    let num = 0;
    let den = 0;
    let plain = 0;
    let present = 0;
    for (let i = 0; i < n; i++) {
      const at = i * d + k;
      const x = lo + ws.x[at]! * span;
      finalPositions[at] = x;
      if (!input.present[at]) continue;
      const w = input.capability[i]! * input.salience[at]!;
      num += w * x;
      den += w;
      plain += x;
      present++;
    }
    if (den > 0) forecast[k] = Math.min(input.scaleMax[k]!, Math.max(lo, num / den));
    else if (present > 0) {
      forecast[k] = plain / present;
      warnings.push(
        `smp: on issue "${input.issueIds[k]}" every actor has zero capability × salience; the forecast is the unweighted mean of final positions`,
      );
    } else forecast[k] = NaN;
  }

  const result: ModelResult<SmpDetail> = {
    forecast,
    finalPositions,
    rounds: t,
    converged: reason === 'converged',
    warnings,
  };
  if (!ctx.trace) return result;
  const detail: SmpDetail = {
    positions,
    turns,
    stop: period > 0 ? { reason, turns: t, period } : { reason, turns: t },
  };
  return { ...result, detail };
}

export const smp = defineModel<typeof SMP_OPTIONS, SmpDetail>({
  id: 'smp',
  name: 'Spatial model of politics (KTAB SMP)',
  summary:
    'Actors challenge and bargain over several issues at once; each takes the bargain that wins a probabilistic Condorcet election, turn by turn (KAPSARC KTAB).',
  citation:
    'KAPSARC Toolkit for Behavioral Analysis (KTAB), examples/smp (Wise, Efird et al.; MIT licence); Efird, Lester & Wise (2016), J. East Asian Studies.',
  multiIssue: true,
  optionsSchema: SMP_OPTIONS,
  notInvariantTo: {
    capabilityScale:
      'KTAB fixes coalition floors (1e-8 in elections, 1e-10 in contests) that do not scale with capability, so rescaling every capability changes the results (docs/spec/smp.md)',
    inertActor:
      "every actor's position is an option in the risk election, counts in every actor's valuation of bargains and can be challenged, so even an actor with zero salience or zero capability moves others",
  },
  run(input, options, ctx) {
    return runSmp(input, options, ctx);
  },
});
