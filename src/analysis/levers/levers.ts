/**
 * "What would it take?": for a target (see `target.ts`), the smallest change to a single input —
 * and to a pair of inputs moved together — that makes one model meet it, each verified by
 * re-running the model with the change applied.
 *
 * - Candidates: every number of the scenario a model can feel: for a single-issue model the
 *   target issue's positions, saliences and reference point and the capabilities of the actors on
 *   it; for a multi-issue model every input. Each is searched over its scale (`within: 'scale'`:
 *   the issue's scale, salience 0–100, capability 0..Σ capabilities) or only over the range the
 *   analyst gave (`within: 'range'`).
 * - Size of a change: the change as a fraction of the searched range, so that positions,
 *   saliences and capabilities rank on one footing; the change is also given in the input's own
 *   units. On 0–100 scales the two orders agree.
 * - Pairs: the most promising inputs (those whose best single move comes closest to the target)
 *   are paired; both move by the same fraction t of their range, each in the direction that helps
 *   it most alone, and the smallest t that meets the target is found as for one input. For
 *   monotone responses this is the smallest change in the max-norm. Pairs are reported only when
 *   they beat both of their inputs alone.
 * - When the target already holds at the point values, the levers are what would undo it.
 */
import { compileScenario } from '../../core/compile.ts';
import { InputError } from '../../core/errors.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { Executor } from '../../executors/executor.ts';
import { type Analysis, type AnyStep, type StepOutcome, runAnalysis } from '../analysis.ts';
import type { ModelRun } from '../forecast.ts';
import type { ResultModel } from '../monte-carlo/summarize.ts';
import { applyValue, bindInputs, cloneInput } from '../uncertainty/input-space.ts';
import { type InputField, type UncertainInput, scenarioInputs } from '../uncertainty/inputs.ts';
import type { CommitmentInputSpec } from '../../coalitions/commitment/commitment-input.ts';
import {
  type LeverActor,
  UNMARKED_NOTE,
  actionability,
  actorsToAct,
  inputPath,
  listIds,
} from './actionable.ts';
import { SEARCH_DEFAULTS, type SearchSettings } from './search.ts';
import {
  type LeverTarget,
  type TargetOperator,
  isCommitmentTarget,
  isMet,
  negateOperator,
  progress,
} from './target.ts';
import { type LeverJob, PAIR_FIELDS, SINGLE_FIELDS, leverMetric, leverTask } from './task.ts';
import { type ResultHeader, resultHeader } from '../../core/result.ts';

export type LeverRange = 'scale' | 'range';

export interface LeverOptions {
  readonly seed: number;
  /**
   * Search each input over its scale or only over its evidence range low..high. Default: the
   * range when the scenario marks actionable inputs (`levers:`), else the scale (as before
   * markings existed).
   */
  readonly within?: LeverRange;
  /** Inputs paired (the most promising ones); 0 skips pairs. Default 8. */
  readonly pairCandidates?: number;
  readonly settings?: SearchSettings;
  readonly signal?: AbortSignal;
  /** Searches done (inputs, then pairs) and the total expected. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LeverChange {
  readonly input: string;
  /** The input's path in the scenario (as `levers:` and `--set` name it). */
  readonly path: string;
  /** The actor the input belongs to (null: a reference point, or the model's own number). */
  readonly actor: string | null;
  readonly issue: string | null;
  /** `capability`, `position`, `salience`, `referencePoint`; for the commitment model its term. */
  readonly field: InputField | CommitmentInputSpec['field'];
  /**
   * Who would have to act: the actors of the scenario's markings of this input, or, when the
   * scenario marks nothing, the actor the input belongs to.
   */
  readonly by: string[];
  /** The markings naming this input: who and how ([] when the scenario marks nothing). */
  readonly actions: LeverActor[];
  readonly from: number;
  readonly to: number;
  /** to − from, in the input's own units (scale points; salience points 0–100; capability units). */
  readonly change: number;
  /** |change| as a fraction of the searched range. */
  readonly size: number;
  /** The searched range. */
  readonly range: readonly [number, number];
  /** |change| as a fraction of the evidence range low..high (null: the input has no range). */
  readonly shareOfRange: number | null;
  /** True when `to` lies within the evidence range. */
  readonly withinRange: boolean;
}

export interface SingleLever extends LeverChange {
  /** The metric when the model is re-run with this change (verification). */
  readonly reached: number;
  /** True when the response to this input had several separate windows of success. */
  readonly nonMonotone: boolean;
}

export interface PairLever {
  readonly changes: readonly [LeverChange, LeverChange];
  /** The common fraction of range both inputs moved. */
  readonly size: number;
  readonly reached: number;
}

export interface LeversResult extends ResultHeader<'levers'> {
  readonly model: ResultModel;
  readonly target: LeverTarget;
  /** `reach`: the target does not hold at the point values; `undo`: it holds, levers break it. */
  readonly goal: 'reach' | 'undo';
  /** The operator searched for (negated for `undo`). */
  readonly searchedFor: { op: TargetOperator; value: number };
  /** The metric at the point values. */
  readonly base: number;
  readonly within: LeverRange;
  /** True when the scenario marks actionable inputs and only those were searched. */
  readonly actionable: boolean;
  /** What was searched and what was left out, in words (e.g. no markings; inputs with no range). */
  readonly notes: string[];
  /** Search resolution as fractions of each input's range. */
  readonly resolution: SearchSettings;
  /** Model runs spent (searches and verifications). */
  readonly runs: number;
  readonly partial: boolean;
  readonly inputsSearched: number;
  /** Verified single levers, smallest first. */
  readonly singles: SingleLever[];
  /** True when no single input within its searched range meets the target. */
  readonly noSingleLever: boolean;
  /** When no single lever suffices: the inputs that came closest, with the best value reached. */
  readonly closest: { input: string; to: number; reached: number }[];
  readonly pairsSearched: number;
  /** Verified pair levers that beat both inputs alone, smallest first. */
  readonly pairs: PairLever[];
}

/** An input searched, with its evidence range and who would have to act. */
interface Candidate {
  /** `low`/`high`: the searched range. */
  readonly x: UncertainInput;
  readonly evidence: readonly [number, number];
  readonly path: string;
  readonly actions: LeverActor[];
}

/** Which inputs can move the target under this model, and may be searched. */
function candidates(
  scenario: Scenario,
  model: ModelRun['model'],
  target: LeverTarget,
  within: LeverRange,
): { list: Candidate[]; notes: string[] } {
  const onIssue = new Set(scenario.actors.filter((a) => a.stances[target.issue]).map((a) => a.id));
  const marks = actionability(scenario);
  const notes: string[] = marks.marked ? [] : [UNMARKED_NOTE];
  const feeds = scenarioInputs(scenario).filter(
    (x) =>
      model.multiIssue ||
      x.issue === target.issue ||
      (x.field === 'capability' && x.actor !== null && onIssue.has(x.actor)),
  );
  const allowed = feeds.filter((x) => marks.allows(inputPath(x)));
  if (marks.marked) {
    const named = scenarioInputs(scenario).filter((x) => marks.allows(inputPath(x)));
    const fed = new Set(allowed.map((x) => x.id));
    const other = named.filter((x) => !fed.has(x.id)).map((x) => x.id);
    notes.push(
      `Only the inputs the scenario marks actionable were searched: ${allowed.length} of the ${feeds.length} that feed ${model.id} on ${target.issue}.`,
    );
    if (other.length > 0)
      notes.push(
        `${other.length} marked input(s) do not feed ${model.id} on ${target.issue}: ${listIds(other)}.`,
      );
    if (marks.paths.some((p) => p.startsWith('coalition.commitment.')))
      notes.push(
        'The commitment terms marked actionable are searched with --model commitment (targets commit:CANDIDATE or members:K).',
      );
  }
  const list: Candidate[] = [];
  const unranged: string[] = [];
  for (const x of allowed) {
    const [lo, hi] = within === 'scale' ? x.scale : [x.low, x.high];
    const searched = { ...x, low: Math.min(lo, x.mode), high: Math.max(hi, x.mode) };
    if (!(searched.high > searched.low)) {
      unranged.push(x.id);
      continue;
    }
    list.push({
      x: searched,
      evidence: [x.low, x.high],
      path: inputPath(x),
      actions: marks.actionsOf(inputPath(x)),
    });
  }
  if (within === 'range' && unranged.length > 0)
    notes.push(
      `${unranged.length} input(s) have no evidence range and were not searched (--beyond-range searches them over their scales): ${listIds(unranged)}.`,
    );
  return { list, notes };
}

/** The range searched: as asked, else the evidence ranges when the scenario marks levers. */
function leverRange(scenario: Scenario, options: LeverOptions): LeverRange {
  return options.within ?? (scenario.levers?.length ? 'range' : 'scale');
}

/** Pairs searched for `k` candidate inputs and `pairCandidates` K: C(min(K, k), 2). */
function expectedPairs(k: number, pairCandidates: number): number {
  const m = Math.min(pairCandidates, k);
  return (m * (m - 1)) / 2;
}

/**
 * The levers as an analysis (`analysis.ts`): every input alone (one chunk per input), then pairs
 * of the most promising ones (one chunk per pair), each chosen from the singles' results. Its
 * work is searches: inputs, then pairs.
 */
export function leversAnalysis(
  scenario: Scenario,
  run: ModelRun,
  target: LeverTarget,
  options: LeverOptions,
): Analysis<LeversResult> {
  const k = candidates(scenario, run.model, target, leverRange(scenario, options)).list.length;
  return {
    kind: 'levers',
    work: { unit: 'searches', total: k + expectedPairs(k, options.pairCandidates ?? 8) },
    steps: () => leverSteps(scenario, run, target, options),
  };
}

/** Runs the levers on an executor (through {@link runAnalysis}). */
export async function runLevers(
  executor: Executor,
  scenario: Scenario,
  run: ModelRun,
  target: LeverTarget,
  options: LeverOptions,
): Promise<LeversResult> {
  const { signal, onProgress } = options;
  const analysis = leversAnalysis(scenario, run, target, options);
  return (await runAnalysis(executor, analysis, { signal, onProgress })).result;
}

function* leverSteps(
  scenario: Scenario,
  run: ModelRun,
  target: LeverTarget,
  options: LeverOptions,
): Generator<AnyStep, LeversResult, StepOutcome> {
  const within = leverRange(scenario, options);
  const settings = options.settings ?? SEARCH_DEFAULTS;
  const input = compileScenario(scenario);
  const found = candidates(scenario, run.model, target, within);
  const inputs = found.list.map((c) => c.x);
  const space = bindInputs(inputs, input);
  const issue = input.issueIds.indexOf(target.issue);
  const actor = target.actor === null ? -1 : input.actorIds.indexOf(target.actor);
  const baseJob: LeverJob = {
    input,
    space,
    model: { id: run.model.id, options: run.options },
    seed: options.seed,
    issue,
    actor,
    op: target.op,
    value: target.value,
    settings,
    phase: 'single',
    pairs: new Int32Array(0),
    directions: new Int8Array(space.k),
  };
  if (isCommitmentTarget(target))
    throw new InputError({
      path: '--target',
      message: `${target.text} is a target of the commitment model: use --model commitment`,
    });
  const base = leverMetric(baseJob, input);
  const goal = isMet(target.op, progress(target.op, target.value, base)) ? 'undo' : 'reach';
  const op = goal === 'undo' ? negateOperator(target.op) : target.op;
  const job: LeverJob = { ...baseJob, op };
  let runs = 1;

  // Phase 1: every input alone.
  const K = options.pairCandidates ?? 8;
  const singlesRaw: Float64Array[] = [];
  const s1 = yield {
    task: leverTask,
    job,
    chunks: space.k,
    merge: (_k: number, r: Float64Array) => {
      singlesRaw.push(r);
      runs += r[SINGLE_FIELDS - 1]! + r[2 * SINGLE_FIELDS - 1]!;
      return singlesRaw.length;
    },
  };

  const change = (j: number, to: number): LeverChange => {
    const { x, evidence, path, actions } = found.list[j]!;
    return {
      input: x.id,
      path,
      actor: x.actor,
      issue: x.issue,
      field: x.field,
      by: actorsToAct(actions, x.actor),
      actions,
      from: x.mode,
      to,
      change: to - x.mode,
      size: Math.abs(to - x.mode) / (x.high - x.low),
      range: [x.low, x.high],
      ...rangeShare(x.mode, to, evidence),
    };
  };
  const verify = (moves: [number, number][]): number => {
    const work = cloneInput(input);
    for (const [j, v] of moves) applyValue(work, space, j, v);
    runs++;
    return leverMetric(job, work);
  };
  const holds = (metric: number) => isMet(op, progress(op, target.value, metric));

  const singles: SingleLever[] = [];
  const bestSize = new Float64Array(space.k).fill(Infinity);
  const promise: { j: number; bestG: number; dir: number }[] = [];
  singlesRaw.forEach((r, j) => {
    let best: { value: number; windows: number } | null = null;
    let top = { bestG: -Infinity, dir: 0 };
    for (let dir = 0; dir < 2; dir++) {
      const o = dir * SINGLE_FIELDS;
      const end = dir === 0 ? inputs[j]!.low : inputs[j]!.high;
      if (end !== inputs[j]!.mode && r[o + 4]! > top.bestG)
        top = { bestG: r[o + 4]!, dir: dir === 0 ? -1 : 1 };
      if (!r[o]) continue;
      const value = r[o + 1]!;
      if (!best || Math.abs(value - inputs[j]!.mode) < Math.abs(best.value - inputs[j]!.mode)) {
        best = { value, windows: r[o + 3]! };
      }
    }
    if (top.dir !== 0) promise.push({ j, ...top });
    if (!best) return;
    const reached = verify([[j, best.value]]);
    if (!holds(reached)) return; // cannot happen for deterministic models; never report unverified levers
    const c = change(j, best.value);
    bestSize[j] = c.size;
    singles.push({ ...c, reached, nonMonotone: best.windows > 1 });
  });
  singles.sort((a, b) => a.size - b.size || a.input.localeCompare(b.input));

  const closest = promise
    .slice()
    .sort((a, b) => b.bestG - a.bestG)
    .slice(0, 3)
    .map(({ j, dir }) => {
      const r = singlesRaw[j]!;
      const o = (dir < 0 ? 0 : 1) * SINGLE_FIELDS;
      const to = r[o + 5]!;
      const reached = metricFromProgress(op, target.value, r[o + 4]!);
      return { input: inputs[j]!.id, to, reached: Number.isFinite(reached) ? reached : NaN };
    });

  // Phase 2: pairs of the most promising inputs.
  const pairs: PairLever[] = [];
  let pairsSearched = 0;
  let partial = s1.aborted;
  if (!partial && K > 1) {
    const chosen = promise
      .slice()
      .sort((a, b) => b.bestG - a.bestG || a.j - b.j)
      .slice(0, K);
    const list: number[] = [];
    for (let a = 0; a < chosen.length; a++) {
      for (let b = a + 1; b < chosen.length; b++) list.push(chosen[a]!.j, chosen[b]!.j);
    }
    const directions = new Int8Array(space.k);
    for (const c of chosen) directions[c.j] = c.dir;
    const pairJob: LeverJob = { ...job, phase: 'pair', pairs: Int32Array.from(list), directions };
    const raw: Float64Array[] = [];
    const s2 = yield {
      task: leverTask,
      job: pairJob,
      chunks: list.length / 2,
      merge: (_k: number, r: Float64Array) => {
        raw.push(r);
        runs += r[PAIR_FIELDS - 1]!;
        return space.k + raw.length;
      },
    };
    partial = s2.aborted;
    pairsSearched = raw.length;
    raw.forEach((r, p) => {
      if (!r[0]) return;
      const i = list[2 * p]!;
      const j = list[2 * p + 1]!;
      const t = r[1]!;
      if (!(t < Math.min(bestSize[i]!, bestSize[j]!))) return;
      const reached = verify([
        [i, r[3]!],
        [j, r[4]!],
      ]);
      if (!holds(reached)) return;
      pairs.push({ changes: [change(i, r[3]!), change(j, r[4]!)], size: t, reached });
    });
    pairs.sort((a, b) => a.size - b.size);
  }

  return {
    ...resultHeader('levers', scenario, options.seed),
    model: { id: run.model.id, name: run.model.name, options: run.options },
    target,
    goal,
    searchedFor: { op, value: target.value },
    base,
    within,
    actionable: scenario.levers !== undefined && scenario.levers.length > 0,
    notes: found.notes,
    resolution: settings,
    runs,
    partial,
    inputsSearched: singlesRaw.length,
    singles,
    noSingleLever: singles.length === 0,
    closest: singles.length === 0 ? closest : [],
    pairsSearched,
    pairs,
  };
}

/** Inverts {@link progress}: the metric at progress g. */
function metricFromProgress(op: TargetOperator, value: number, g: number): number {
  return op === '>=' || op === '>' ? value + g : value - g;
}

/** A change against the evidence range: its share of the range, and whether it stays inside. */
export function rangeShare(
  from: number,
  to: number,
  [low, high]: readonly [number, number],
): { shareOfRange: number | null; withinRange: boolean } {
  const width = high - low;
  return {
    shareOfRange: width > 0 ? Math.abs(to - from) / width : null,
    withinRange: to >= low - 1e-12 && to <= high + 1e-12,
  };
}
