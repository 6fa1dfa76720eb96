/**
 * The model interface. A model is a pure, synchronous function from numbers to numbers: it never
 * reads files, never knows it is being swept by a Monte Carlo or stored, and draws randomness only
 * from the {@link Rng} it is handed. One shared contract suite (`contract.test.ts`) runs against
 * every registered model.
 */
import type { NumericInput } from '../core/numeric-input.ts';
import type { Rng } from '../core/rng.ts';

/** What a run needs besides the numbers and options. */
export interface RunContext {
  /** The only source of randomness. Deterministic models ignore it. */
  readonly rng: Rng;
  /**
   * When true, the model records its `detail` (trajectories, dyads, per-round tables). Monte
   * Carlo runs set it false so the hot path allocates nothing it does not need.
   */
  readonly trace: boolean;
}

export interface ModelResult {
  /** Forecast per issue, on the issue's scale. Length d; NaN where an issue had no actor. */
  readonly forecast: Float64Array;
  /** Actors' final positions, actor-major n·d (the input positions for one-shot models). */
  readonly finalPositions: Float64Array;
  /** Rounds (turns) run; 0 for one-shot models. */
  readonly rounds: number;
  /** True when the model's stopping rule was met (one-shot models: true). */
  readonly converged: boolean;
  /** Plain-language notes on fallbacks and degenerate input. Never silent. */
  readonly warnings: string[];
  /** Model-specific, JSON-serialisable detail; present only when `trace` was set. */
  readonly detail?: unknown;
}

/** How one option is read from `key=value` text and documented. */
export type OptionSpec =
  | { type: 'number'; doc: string; min?: number; max?: number; nullable?: boolean }
  | { type: 'integer'; doc: string; min?: number; max?: number }
  | { type: 'boolean'; doc: string }
  | { type: 'enum'; doc: string; values: readonly string[] };

export interface Model<O extends object = object> {
  /** Short id used on the command line, e.g. `mean`, `eum`, `smp`. */
  readonly id: string;
  /** Human name, e.g. "Weighted mean (compromise model)". */
  readonly name: string;
  /** One line on what the model assumes. */
  readonly summary: string;
  /** The literature the model follows. */
  readonly citation: string;
  /** True when issues are bargained jointly (the SMP); false when each issue is run alone. */
  readonly multiIssue: boolean;
  readonly defaults: Readonly<O>;
  /**
   * Contract properties the model does not have by design, each with the reason (the shared
   * contract suite skips exactly these and prints why). E.g. KTAB's SMP uses fixed floors that do
   * not scale with capability, so rescaling capabilities changes its results.
   */
  readonly notInvariantTo?: { readonly capabilityScale?: string; readonly inertActor?: string };
  /** Every option, for parsing `--option key=value` and for `--help`. */
  readonly options: { readonly [K in keyof O]: OptionSpec };
  run(input: NumericInput, options: O, ctx: RunContext): ModelResult;
}

/** A model with its option type erased, as kept in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = Model<any>;

/** Declares a model with its option type checked, then erases it for the registry. */
export function defineModel<O extends object>(model: Model<O>): Model<O> {
  return model;
}
