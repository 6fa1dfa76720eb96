/**
 * Levers for the commitment model (docs/spec/commitment.md): the smallest change to one of its
 * inputs — within its evidence range, or to its natural bounds with `beyondRange` — that makes
 * P(a candidate commits) or P(at least K candidates commit) meet a target. With `draws` the
 * probabilities are Monte Carlo estimates over the terms' ranges on common random numbers (every
 * evaluation draws from the same seed, so a probability is a deterministic step function of the
 * input searched); without, they are the point answer's 0 or 1, and the search finds what
 * `entente commitment` reports as a flip (docs/spec/commitment.md §7).
 *
 * A lever sets the input's point value: its range is kept when the value lies inside it, widened
 * to hold it when not (as `--set` does), and an input without a range stays without one. The
 * search is the bargaining levers' (`search.ts`: a grid outwards from the point value, then
 * bisection); who would have to act comes from the scenario's `levers:` markings, or, when it
 * marks nothing, from the input's owner (the candidate; the lead for credibility and abandonment,
 * the rival for coercion and conflict risk; "model" for weights). Pairs are not searched.
 */
import {
  type CommitmentInputSpec,
  type CompiledCommitment,
  compileCommitment,
  rangedInputs,
} from '../../coalitions/commitment/commitment-input.ts';
import { selectEquilibrium } from '../../coalitions/commitment/equilibria.ts';
import { createTables, fillTables } from '../../coalitions/commitment/game.ts';
import {
  type CommitmentMcChunk,
  type CommitmentMcJob,
  commitmentMcJob,
  emptyCommitmentChunk,
  mergeCommitmentChunk,
  runCommitmentChunk,
} from '../../coalitions/commitment/monte-carlo.ts';
import { InputError } from '../../core/errors.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import type { Task } from '../../executors/task.ts';
import { type Analysis, runAnalysis } from '../analysis.ts';
import type { Scenario } from '../../core/scenario.ts';
import { resultHeader } from '../../core/result.ts';
import { UNMARKED_NOTE, actionability, actorsToAct, listIds } from './actionable.ts';
import { type LeverChange, type LeversResult, type SingleLever, rangeShare } from './levers.ts';
import { SEARCH_DEFAULTS, type SearchSettings, searchDirection } from './search.ts';
import {
  type LeverTarget,
  type TargetOperator,
  isMet,
  negateOperator,
  progress,
} from './target.ts';

export interface CommitmentLeverOptions {
  readonly seed: number;
  /** Monte Carlo draws per evaluation (0: the point answer). */
  readonly draws: number;
  /** Search to each input's natural bounds instead of its evidence range. */
  readonly beyondRange?: boolean;
  /** Capability measure (default: the scenario's `capabilityMeasure`). */
  readonly measure?: string;
  readonly settings?: SearchSettings;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The metric of a commitment target for the given parameters (and, with draws, job). */
class CommitmentMetric {
  readonly #compiled: CompiledCommitment;
  readonly #target: LeverTarget;
  readonly #candidate: number;
  readonly #job: CommitmentMcJob | null;
  readonly #chunks: number;
  /** Index of each input (by slot) among the ranged inputs, −1 if unranged. */
  readonly #rangedIndex = new Map<number, number>();
  readonly #tables;
  readonly #profile: Int32Array;
  runs = 0;

  constructor(compiled: CompiledCommitment, target: LeverTarget, draws: number, seed: number) {
    this.#compiled = compiled;
    this.#target = target;
    this.#candidate = target.actor === null ? -1 : compiled.candidateIds.indexOf(target.actor);
    rangedInputs(compiled).forEach((x, r) => this.#rangedIndex.set(x.slot, r));
    const planned = draws > 0 ? commitmentMcJob(compiled, { runs: draws, seed }) : null;
    this.#job = planned?.job ?? null;
    this.#chunks = planned?.chunks ?? 0;
    this.#tables = createTables(compiled.input);
    this.#profile = new Int32Array(compiled.input.n);
  }

  /** The metric with input `spec` set to `value` (null: every input at its point value). */
  at(spec: CommitmentInputSpec | null, value: number): number {
    this.runs++;
    const { input } = this.#compiled;
    const params = Float64Array.from(input.params);
    if (spec) params[spec.slot] = value;
    if (!this.#job) {
      fillTables(input, params, this.#tables);
      selectEquilibrium(this.#tables, input.current, null, this.#profile);
      return this.#fromProfile(this.#profile);
    }
    let space = this.#job.space;
    const r = spec ? (this.#rangedIndex.get(spec.slot) ?? -1) : -1;
    if (r >= 0) {
      const low = Float64Array.from(space.low);
      const mode = Float64Array.from(space.mode);
      const high = Float64Array.from(space.high);
      low[r] = Math.min(low[r]!, value);
      high[r] = Math.max(high[r]!, value);
      mode[r] = value;
      space = { ...space, low, mode, high };
    }
    const job: CommitmentMcJob = { ...this.#job, input: { ...input, params }, space };
    const total = emptyCommitmentChunk(job);
    for (let k = 0; k < this.#chunks; k++) mergeCommitmentChunk(total, runCommitmentChunk(job, k));
    return this.#fromTotals(total);
  }

  #fromProfile(profile: Int32Array): number {
    const { joinLevel, n } = this.#compiled.input;
    if (this.#candidate >= 0) return profile[this.#candidate]! >= joinLevel ? 1 : 0;
    let m = 0;
    for (let i = 0; i < n; i++) if (profile[i]! >= joinLevel) m++;
    return m >= this.#target.members! ? 1 : 0;
  }

  #fromTotals(t: CommitmentMcChunk): number {
    const { joinLevel, n, levels: L } = this.#compiled.input;
    if (t.runs === 0) return NaN;
    if (this.#candidate >= 0) {
      let c = 0;
      for (let k = joinLevel; k < L; k++) c += t.levels[this.#candidate * L + k]!;
      return c / t.runs;
    }
    if (t.members.length === 0) return NaN; // more candidates than member sets are tallied for
    let c = 0;
    for (let mask = 0; mask < t.members.length; mask++) {
      let size = 0;
      for (let i = 0; i < n; i++) size += (mask >> i) & 1;
      if (size >= this.#target.members!) c += t.members[mask]!;
    }
    return c / t.runs;
  }
}

/** What the plan of a commitment levers search fixes: the compiled model and the inputs searched. */
interface CommitmentLeverPlan {
  readonly compiled: CompiledCommitment;
  readonly marks: ReturnType<typeof actionability>;
  /** The marked inputs (all of them when the scenario marks none). */
  readonly all: readonly CommitmentInputSpec[];
  /** Marked inputs without an evidence range, not searched (empty with `beyondRange`). */
  readonly unranged: readonly CommitmentInputSpec[];
  /** The inputs searched, one chunk each. */
  readonly specs: readonly CommitmentInputSpec[];
  /** Each searched input's interval: its evidence range or natural bounds, holding its point. */
  readonly searched: readonly { readonly low: number; readonly high: number }[];
}

function planCommitmentLevers(
  scenario: Scenario,
  beyond: boolean,
  measure: string | undefined,
): CommitmentLeverPlan {
  const compiled = compileCommitment(scenario, measure);
  const marks = actionability(scenario);
  const all = compiled.inputs.filter((x) => marks.allows(x.path.join('.')));
  const unranged = beyond ? [] : all.filter((x) => !(x.high > x.low));
  const specs = all.filter((x) => !unranged.includes(x));
  const searched = specs.map((x) => {
    const [lo, hi] = beyond ? x.bounds : [x.low, x.high];
    return { low: Math.min(lo, x.mode), high: Math.max(hi, x.mode) };
  });
  return { compiled, marks, all, unranged, specs, searched };
}

/**
 * One commitment levers search as a job: plain data, so any executor can run its chunks (each
 * worker compiles the scenario again; the search is deterministic, common random numbers).
 */
export interface CommitmentLeverJob {
  readonly scenario: Scenario;
  readonly target: LeverTarget;
  /** The operator searched for (the target's, negated when the target already holds). */
  readonly op: TargetOperator;
  readonly seed: number;
  readonly draws: number;
  readonly beyondRange: boolean;
  readonly measure: string | null;
  readonly settings: SearchSettings;
}

/** Fields of a chunk's result (one searched input). */
const LEVER_FIELDS = 9;
const [SEARCHED, FOUND, VALUE, WINDOWS, REACHED, HAS_TOP, BEST_G, TOP_TO, RUNS] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8,
];

/** Searches input `chunk` of the plan: both directions from its point value, then verifies. */
function runCommitmentLeverChunk(job: CommitmentLeverJob, chunk: number): Float64Array {
  const { target, op, settings } = job;
  const plan = planCommitmentLevers(job.scenario, job.beyondRange, job.measure ?? undefined);
  const out = new Float64Array(LEVER_FIELDS);
  const x = plan.specs[chunk]!;
  const { low, high } = plan.searched[chunk]!;
  if (!(high > low)) return out;
  out[SEARCHED] = 1;
  const metric = new CommitmentMetric(plan.compiled, target, job.draws, job.seed);
  const g = (v: number) => progress(op, target.value, metric.at(x, v));
  let best: { value: number; windows: number } | null = null;
  let top = { bestG: -Infinity, to: NaN };
  for (const end of [low, high]) {
    if (end === x.mode) continue;
    const r = searchDirection(g, (v) => isMet(op, v), x.mode, end, high - low, settings);
    if (r.bestG > top.bestG) top = { bestG: r.bestG, to: r.bestValue };
    if (r.found && (!best || Math.abs(r.value - x.mode) < Math.abs(best.value - x.mode)))
      best = { value: r.value, windows: r.windows };
  }
  if (Number.isFinite(top.bestG)) {
    out[HAS_TOP] = 1;
    out[BEST_G] = top.bestG;
    out[TOP_TO] = top.to;
  }
  if (best) {
    const reached = metric.at(x, best.value);
    if (isMet(op, progress(op, target.value, reached))) {
      out[FOUND] = 1;
      out[VALUE] = best.value;
      out[WINDOWS] = best.windows;
      out[REACHED] = reached;
    }
  }
  out[RUNS] = metric.runs;
  return out;
}

export const commitmentLeverTask: Task<CommitmentLeverJob, Float64Array> = {
  name: 'commitment-levers',
  run: runCommitmentLeverChunk,
};

/**
 * The commitment levers as an analysis (`analysis.ts`): one chunk per input searched. Checks the
 * scenario and compiles the model when planned, so a bad request fails before any work starts.
 */
export function commitmentLeversAnalysis(
  scenario: Scenario,
  target: LeverTarget,
  options: CommitmentLeverOptions,
): Analysis<LeversResult> {
  if (!scenario.coalition?.commitment)
    throw new InputError({
      path: '--model',
      message: 'the commitment model needs a scenario with a coalition.commitment block',
    });
  const settings = options.settings ?? SEARCH_DEFAULTS;
  const beyond = options.beyondRange ?? false;
  const plan = planCommitmentLevers(scenario, beyond, options.measure);
  const { compiled, marks, all, unranged, specs, searched } = plan;
  const notes: string[] = marks.marked ? [] : [UNMARKED_NOTE];
  if (marks.marked)
    notes.push(
      `Only the commitment inputs the scenario marks actionable were searched: ${all.length} of ${compiled.inputs.length}.`,
    );
  if (unranged.length > 0)
    notes.push(
      `${unranged.length} input(s) have no evidence range and were not searched (--beyond-range searches them to their natural bounds): ${listIds(unranged.map((x) => x.id))}.`,
    );
  notes.push(
    options.draws > 0
      ? `P is estimated from ${options.draws} draws of the terms' ranges, the same draws for every value tried (common random numbers); a lever sets the input's point value, its range widened to hold it if needed.`
      : 'Without draws (--draws 0), P is the point answer: 1 when it holds in the selected equilibrium, else 0.',
    'Pairs are not searched for the commitment model.',
  );

  return {
    kind: 'levers',
    work: { unit: 'inputs', total: specs.length },
    *steps() {
      const metric = new CommitmentMetric(compiled, target, options.draws, options.seed);
      const base = metric.at(null, 0);
      const goal = isMet(target.op, progress(target.op, target.value, base)) ? 'undo' : 'reach';
      const op = goal === 'undo' ? negateOperator(target.op) : target.op;
      const job: CommitmentLeverJob = {
        scenario,
        target,
        op,
        seed: options.seed,
        draws: options.draws,
        beyondRange: beyond,
        measure: options.measure ?? null,
        settings,
      };

      const change = (j: number, to: number): LeverChange => {
        const x = specs[j]!;
        const { low, high } = searched[j]!;
        const actions = marks.actionsOf(x.path.join('.'));
        return {
          input: x.id,
          path: x.path.join('.'),
          actor: x.actor,
          issue: null,
          field: x.field,
          by: actorsToAct(actions, x.actor),
          actions,
          from: x.mode,
          to,
          change: to - x.mode,
          size: Math.abs(to - x.mode) / (high - low),
          range: [low, high],
          ...rangeShare(x.mode, to, [x.low, x.high]),
        };
      };

      const singles: SingleLever[] = [];
      const promise: { j: number; bestG: number; to: number }[] = [];
      let done = 0;
      let runs = metric.runs;
      const step = yield {
        task: commitmentLeverTask,
        job,
        chunks: specs.length,
        merge: (j: number, r: Float64Array) => {
          if (!r[SEARCHED]) return done;
          runs += r[RUNS]!;
          if (r[HAS_TOP]) promise.push({ j, bestG: r[BEST_G]!, to: r[TOP_TO]! });
          if (r[FOUND])
            singles.push({
              ...change(j, r[VALUE]!),
              reached: r[REACHED]!,
              nonMonotone: r[WINDOWS]! > 1,
            });
          return ++done;
        },
      };
      singles.sort((a, b) => a.size - b.size || a.input.localeCompare(b.input));
      const closest =
        singles.length > 0
          ? []
          : promise
              .sort((a, b) => b.bestG - a.bestG || a.j - b.j)
              .slice(0, 3)
              .map(({ j, bestG, to }) => ({
                input: specs[j]!.id,
                to,
                reached: op === '>=' || op === '>' ? target.value + bestG : target.value - bestG,
              }));

      return {
        ...resultHeader('levers', scenario, options.seed),
        model: {
          id: 'commitment',
          name: 'Commitment model',
          options: { draws: options.draws, measure: compiled.capabilityMeasure },
        },
        target,
        goal,
        searchedFor: { op, value: target.value },
        base,
        within: beyond ? 'scale' : 'range',
        actionable: marks.marked,
        notes,
        resolution: settings,
        runs,
        partial: step.aborted,
        inputsSearched: done,
        singles,
        noSingleLever: singles.length === 0,
        closest,
        pairsSearched: 0,
        pairs: [],
      };
    },
  };
}

/** Runs the commitment levers in process (through {@link runAnalysis} on an inline executor). */
export async function runCommitmentLevers(
  scenario: Scenario,
  target: LeverTarget,
  options: CommitmentLeverOptions,
): Promise<LeversResult> {
  const analysis = commitmentLeversAnalysis(scenario, target, options);
  const { signal, onProgress } = options;
  return (await runAnalysis(new InlineExecutor(), analysis, { signal, onProgress })).result;
}
