/**
 * Monte Carlo over the commitment terms' evidence ranges (docs/spec/commitment.md §5): each run
 * draws every ranged term, refills the game's tables in place and tallies the selected
 * equilibrium — each candidate's level, the set of members (level ≥ the join level) as a bitmask,
 * and which selection rule decided. A chunk's result is a few typed arrays of counts, merged by
 * addition in chunk order, so totals are bit-identical for any number of workers or executors.
 * Chunk k draws from `createRng(seed, k)`; nothing is allocated per run unless the
 * best-response path cycles (then the game is enumerated).
 */
import { createRng } from '../../core/rng.ts';
import type { Task } from '../../executors/task.ts';
import type { InputSpace } from '../../analysis/uncertainty/input-space.ts';
import {
  SAMPLING_DEFAULTS,
  Sampler,
  type SamplingOptions,
} from '../../analysis/uncertainty/sampler.ts';
import { chunkCount, defaultChunkSize, runsInChunk } from '../../analysis/monte-carlo/chunks.ts';
import { type CommitmentInput, type CompiledCommitment, rangedInputs } from './commitment-input.ts';
import { createTables, fillTables } from './game.ts';
import { selectEquilibrium } from './equilibria.ts';

/** Member sets are tallied exactly (2^N counts) up to this many candidates. */
export const MAX_MASK_CANDIDATES = 16;

/** Everything a worker needs; structured-clonable. */
export interface CommitmentMcJob {
  readonly input: CommitmentInput;
  /** The ranged inputs, shaped for the shared {@link Sampler}; `slot` says where each goes. */
  readonly space: InputSpace;
  readonly slot: Int32Array;
  readonly sampling: SamplingOptions;
  /** `fixed[i] ≥ 0` holds candidate i at that level (conditional questions); null: all free. */
  readonly fixed: Int32Array | null;
  /** Slots of `params` set to 0 after each draw (a term knocked out; same draws otherwise). */
  readonly zero: Int32Array;
  readonly seed: number;
  readonly runs: number;
  readonly chunkSize: number;
}

export interface CommitmentMcChunk {
  runs: number;
  /** Runs in which candidate i ended at level k: n·L counts. */
  readonly levels: Float64Array;
  /** Runs per member set (bit i = candidate i at or above the join level): 2^n counts, or empty. */
  readonly members: Float64Array;
  /** Runs decided by the best-response path, by welfare, with no pure equilibrium. */
  readonly rules: Float64Array;
}

export function emptyCommitmentChunk(job: CommitmentMcJob): CommitmentMcChunk {
  const { n, levels } = job.input;
  return {
    runs: 0,
    levels: new Float64Array(n * levels),
    members: new Float64Array(n <= MAX_MASK_CANDIDATES ? 2 ** n : 0),
    rules: new Float64Array(3),
  };
}

export function mergeCommitmentChunk(into: CommitmentMcChunk, chunk: CommitmentMcChunk): void {
  into.runs += chunk.runs;
  for (let j = 0; j < into.levels.length; j++) into.levels[j]! += chunk.levels[j]!;
  for (let j = 0; j < into.members.length; j++) into.members[j]! += chunk.members[j]!;
  for (let j = 0; j < 3; j++) into.rules[j]! += chunk.rules[j]!;
}

export interface CommitmentMcPlan {
  readonly runs: number;
  readonly seed: number;
  readonly sampling?: Partial<SamplingOptions>;
  readonly fixed?: Int32Array | null;
  readonly zero?: readonly number[];
  readonly chunkSize?: number;
}

/** Builds the job: the ranged inputs as a sampler space (one copula group per candidate). */
export function commitmentMcJob(
  compiled: CompiledCommitment,
  plan: CommitmentMcPlan,
): { job: CommitmentMcJob; chunks: number } {
  const ranged = rangedInputs(compiled);
  const k = ranged.length;
  const f64 = (get: (j: number) => number) => Float64Array.from({ length: k }, (_, j) => get(j));
  const space: InputSpace = {
    k,
    target: new Uint8Array(k),
    offset: new Int32Array(k),
    unit: new Float64Array(k).fill(1),
    low: f64((j) => ranged[j]!.low),
    mode: f64((j) => ranged[j]!.mode),
    high: f64((j) => ranged[j]!.high),
    scaleLow: f64((j) => ranged[j]!.bounds[0]),
    scaleHigh: f64((j) => ranged[j]!.bounds[1]),
    actor: Int32Array.from(ranged, (x) => x.candidate),
  };
  const chunkSize = plan.chunkSize ?? defaultChunkSize(plan.runs);
  const job: CommitmentMcJob = {
    input: compiled.input,
    space,
    slot: Int32Array.from(ranged, (x) => x.slot),
    sampling: { ...SAMPLING_DEFAULTS, ...plan.sampling },
    fixed: plan.fixed ?? null,
    zero: Int32Array.from(plan.zero ?? []),
    seed: plan.seed,
    runs: plan.runs,
    chunkSize,
  };
  return { job, chunks: chunkCount(plan.runs, chunkSize) };
}

export function runCommitmentChunk(job: CommitmentMcJob, chunk: number): CommitmentMcChunk {
  const runs = runsInChunk(job.runs, job.chunkSize, chunk);
  const out = emptyCommitmentChunk(job);
  out.runs = runs;
  const { input } = job;
  const { n, levels: L, joinLevel } = input;
  const params = Float64Array.from(input.params);
  const { slot, zero } = job;
  for (let j = 0; j < zero.length; j++) params[zero[j]!] = 0;
  const tables = createTables(input);
  const sampler = new Sampler(job.space, job.sampling);
  const values = new Float64Array(job.space.k);
  const profile = new Int32Array(n);
  const rng = createRng(job.seed, chunk);
  const masks = out.members.length > 0;
  for (let r = 0; r < runs; r++) {
    sampler.draw(rng, values);
    for (let j = 0; j < values.length; j++) params[slot[j]!] = values[j]!;
    for (let j = 0; j < zero.length; j++) params[zero[j]!] = 0;
    fillTables(input, params, tables);
    const rule = selectEquilibrium(tables, input.current, job.fixed, profile);
    out.rules[rule === 'best-response-path' ? 0 : rule === 'welfare' ? 1 : 2]! += 1;
    let mask = 0;
    for (let i = 0; i < n; i++) {
      const k = profile[i]!;
      out.levels[i * L + k]! += 1;
      if (k >= joinLevel) mask |= 1 << i;
    }
    if (masks) out.members[mask]! += 1;
  }
  return out;
}

export const commitmentTask: Task<CommitmentMcJob, CommitmentMcChunk> = {
  name: 'commitment',
  run: runCommitmentChunk,
};
