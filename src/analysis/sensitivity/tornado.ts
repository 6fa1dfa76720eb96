/**
 * One-at-a-time sensitivity ("tornado"): each ranged input is set to its low and then its high
 * value, every other input at its point value, and each model is re-run. The bar of an input is
 * the outcome at low and at high; bars are sorted by their length (the swing). Cheap (2k + 1 runs
 * per model) and easy to read, but blind to interactions — Sobol's total indices see those.
 *
 * The evaluations run as chunks of inputs (`tornado-task.ts`) on any executor
 * ({@link runTornadoOn}) or in process ({@link runTornado}); merged in chunk order, the result is
 * the same bit for bit, and does not depend on the chunk size either.
 */
import { compileScenario } from '../../core/compile.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { Executor } from '../../executors/executor.ts';
import { type Analysis, mapAnalysis, runAnalysis } from '../analysis.ts';
import type { ModelRun } from '../forecast.ts';
import { jobModels } from '../monte-carlo/job.ts';
import type { ResultModel } from '../monte-carlo/summarize.ts';
import { bindInputs } from '../uncertainty/input-space.ts';
import { type UncertainInput, uncertainInputs } from '../uncertainty/inputs.ts';
import { outputCount } from './evaluate.ts';
import {
  type TornadoChunk,
  type TornadoJob,
  runTornadoChunk,
  tornadoChunkCount,
  tornadoTask,
} from './tornado-task.ts';
import { type ResultHeader, resultHeader } from '../../core/result.ts';

export interface TornadoBar {
  /** Input label, e.g. `korea-gov.coalition.salience`. */
  readonly input: string;
  /** The input's low and high values (file units). */
  readonly low: number;
  readonly high: number;
  /** The outcome with the input at low / at high (null if the model failed there). */
  readonly atLow: number | null;
  readonly atHigh: number | null;
  /** |atHigh − atLow|. */
  readonly swing: number;
  /** True when moving the input across its range moves the outcome across the threshold. */
  readonly crossesThreshold: boolean;
}

export interface TornadoResult extends ResultHeader<{ kind: 'sensitivity'; method: 'tornado' }> {
  /** Model runs per model: 1 + 2 × inputs. */
  readonly runs: number;
  readonly models: (ResultModel & { firstError: string | null })[];
  readonly inputs: readonly UncertainInput[];
  readonly issues: {
    id: string;
    name: string;
    scale: { min: number; max: number };
    threshold: { value: number; label: string } | null;
    /** Model id → the outcome at the point values and the bars, longest first. */
    models: Record<string, { base: number | null; bars: TornadoBar[] }>;
  }[];
}

export interface PreparedTornado {
  readonly job: TornadoJob;
  readonly inputs: readonly UncertainInput[];
  /** The runs the job was made from (names stay here). */
  readonly runs: readonly ModelRun[];
  readonly chunks: number;
}

/** At most this many chunks by default (the chunk size does not change the result). */
export const MAX_TORNADO_CHUNKS = 100;

export function prepareTornado(
  scenario: Scenario,
  runs: readonly ModelRun[],
  opts: { seed: number; issueIds?: readonly string[]; chunkSize?: number },
): PreparedTornado {
  const input = compileScenario(scenario, opts.issueIds);
  const inputs = uncertainInputs(scenario, opts.issueIds);
  const k = inputs.length;
  const chunkSize = opts.chunkSize ?? Math.max(1, Math.ceil(k / MAX_TORNADO_CHUNKS));
  const job: TornadoJob = {
    input,
    space: bindInputs(inputs, input),
    models: jobModels(runs),
    seed: opts.seed,
    chunkSize,
  };
  return { job, inputs, runs, chunks: tornadoChunkCount(k, chunkSize) };
}

export interface TornadoOutcome {
  /** Outputs (M·d·2 each, `evaluate.ts`) at the point values, and per input at low and high. */
  readonly base: Float64Array;
  readonly lows: Float64Array[];
  readonly highs: Float64Array[];
  /** First model error per model, '' if none. */
  readonly errors: string[];
  /** Inputs whose bars are done: 0..inputsDone−1. */
  readonly inputsDone: number;
  /** True when stopped before every chunk ran. */
  readonly partial: boolean;
}

interface TornadoMerge {
  base: Float64Array;
  lows: Float64Array[];
  highs: Float64Array[];
  errors: string[];
  inputsDone: number;
}

function emptyMerge(prepared: PreparedTornado): TornadoMerge {
  const O = outputCount(prepared.job.models.length, prepared.job.input.d);
  return {
    base: new Float64Array(O).fill(NaN),
    lows: prepared.inputs.map(() => new Float64Array(O).fill(NaN)),
    highs: prepared.inputs.map(() => new Float64Array(O).fill(NaN)),
    errors: prepared.job.models.map(() => ''),
    inputsDone: 0,
  };
}

function mergeChunk(into: TornadoMerge, job: TornadoJob, chunk: number, r: TornadoChunk): void {
  const O = outputCount(job.models.length, job.input.d);
  if (chunk === 0) into.base.set(r.base);
  const from = chunk * job.chunkSize;
  for (let j = 0; j < r.inputs; j++) {
    into.lows[from + j]!.set(r.low.subarray(j * O, (j + 1) * O));
    into.highs[from + j]!.set(r.high.subarray(j * O, (j + 1) * O));
  }
  r.errors.forEach((e, m) => {
    if (!into.errors[m] && e) into.errors[m] = e;
  });
  into.inputsDone = from + r.inputs;
}

/**
 * The tornado's evaluations as an analysis (`analysis.ts`) returning the merged outputs. Its
 * work is evaluations (each runs every model once): 2k + 1.
 */
export function tornadoChunks(prepared: PreparedTornado): Analysis<TornadoOutcome> {
  return {
    kind: 'sensitivity',
    work: { unit: 'evaluations', total: 1 + 2 * prepared.inputs.length },
    *steps() {
      const merged = emptyMerge(prepared);
      const { aborted } = yield {
        task: tornadoTask,
        job: prepared.job,
        chunks: prepared.chunks,
        merge: (chunk: number, r: TornadoChunk) => {
          mergeChunk(merged, prepared.job, chunk, r);
          return 1 + 2 * merged.inputsDone;
        },
      };
      return { ...merged, partial: aborted };
    },
  };
}

/** The tornado as an analysis returning its result (`summarizeTornado`). */
export function tornadoAnalysis(
  scenario: Scenario,
  prepared: PreparedTornado,
): Analysis<TornadoResult> {
  return mapAnalysis(tornadoChunks(prepared), (outcome) =>
    summarizeTornado(scenario, prepared, outcome),
  );
}

/**
 * Runs a prepared tornado's chunks on an executor (through {@link runAnalysis}). `onProgress`
 * gets the evaluations done (each runs every model once) out of 2k + 1.
 */
export async function runTornadoOn(
  executor: Executor,
  prepared: PreparedTornado,
  options: { signal?: AbortSignal; onProgress?: (evaluationsDone: number) => void } = {},
): Promise<TornadoOutcome> {
  const { signal, onProgress } = options;
  const run = await runAnalysis(executor, tornadoChunks(prepared), {
    signal,
    ...(onProgress ? { onProgress: (done: number) => onProgress(done) } : {}),
  });
  return run.result;
}

/** The tornado in process, synchronously (tests compare it with the chunked runs). */
export function runTornado(
  scenario: Scenario,
  runs: readonly ModelRun[],
  opts: { seed: number; issueIds?: readonly string[]; chunkSize?: number },
): TornadoResult {
  const prepared = prepareTornado(scenario, runs, opts);
  const merged = emptyMerge(prepared);
  const models = runs.map((r) => r.model);
  for (let c = 0; c < prepared.chunks; c++) {
    mergeChunk(merged, prepared.job, c, runTornadoChunk(prepared.job, c, models));
  }
  return summarizeTornado(scenario, prepared, { ...merged, partial: false });
}

/** The result of a complete run (a partial one leaves NaN, shown as null, in the bars not run). */
export function summarizeTornado(
  scenario: Scenario,
  prepared: PreparedTornado,
  outcome: TornadoOutcome,
): TornadoResult {
  const { inputs, runs } = prepared;
  const { input } = prepared.job;
  const { d } = input;
  const { base, lows, highs, errors } = outcome;
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const issues = input.issueIds.map((id) => scenario.issues.find((i) => i.id === id)!);
  return {
    ...resultHeader({ kind: 'sensitivity', method: 'tornado' }, scenario, prepared.job.seed),
    runs: 1 + 2 * inputs.length,
    models: runs.map((r, m) => ({
      id: r.model.id,
      name: r.model.name,
      options: r.options,
      firstError: errors[m] || null,
    })),
    inputs,
    issues: issues.map((issue, k) => {
      const models: Record<string, { base: number | null; bars: TornadoBar[] }> = {};
      runs.forEach((r, m) => {
        const o = (m * d + k) * 2;
        const t = issue.threshold?.value;
        const bars = inputs.map((x, j): TornadoBar => {
          const lo = lows[j]![o]!;
          const hi = highs[j]![o]!;
          const b = base[o]!;
          const side = (v: number) => (t === undefined || Number.isNaN(v) ? 0 : v >= t ? 1 : -1);
          const sides = new Set([side(lo), side(hi), side(b)].filter((s) => s !== 0));
          return {
            input: x.id,
            low: x.low,
            high: x.high,
            atLow: num(lo),
            atHigh: num(hi),
            swing: Number.isNaN(lo) || Number.isNaN(hi) ? 0 : Math.abs(hi - lo),
            crossesThreshold: sides.size > 1,
          };
        });
        // Longest first; ties keep the inputs' order (Array.prototype.sort is stable).
        bars.sort((a, b) => b.swing - a.swing);
        models[r.model.id] = { base: num(base[o]!), bars };
      });
      return {
        id: issue.id,
        name: issue.name,
        scale: { min: issue.scale.min, max: issue.scale.max },
        threshold: issue.threshold ?? null,
        models,
      };
    }),
  };
}
