/**
 * The model interface. A model is a pure, synchronous function from numbers to numbers: it never
 * reads files, never knows it is being swept by a Monte Carlo or stored, and draws randomness only
 * from the {@link Rng} it is handed. One shared contract suite (`contract.test.ts`) runs against
 * every registered model.
 */
import type { z } from 'zod';
import type { NumericInput } from '../core/numeric-input.ts';
import type { Rng } from '../core/rng.ts';
import { describeOptions } from './options.ts';

/** What a run needs besides the numbers and options. */
export interface RunContext {
  /** The only source of randomness. Deterministic models ignore it. */
  readonly rng: Rng;
  /**
   * When true, the model records its `detail` (trajectories, dyads, per-round tables). Monte
   * Carlo runs set it false so the hot path allocates nothing it does not need.
   */
  readonly trace: boolean;
  /**
   * With `trace`: record every pairwise table whatever the number of actors. Without it, a model
   * whose detail grows as n² per round keeps a summary beyond a size (the EUM's dyads above 100
   * participants, `eum/round-recorder.ts`), so memory grows with what the result must hold.
   */
  readonly fullDetail?: boolean;
}

/**
 * What one run returns. `D` is the model's own detail type (`EumDetail`, `SmpDetail`; `never`
 * for models without detail); results read from the registry, where models are erased, carry
 * `unknown` and are narrowed with the guards in `detail.ts`.
 */
export interface ModelResult<D = unknown> {
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
  readonly detail?: D;
}

/**
 * A model's options: one strict zod object whose every field has a `.default(…)` and a
 * `.describe(…)` one-liner (the longer JSDoc with sources sits on the field; `z.infer` keeps it).
 * The option type, the defaults, the documented specs, validation and the CLI's text coercion
 * are all derived from it (`options.ts`).
 */
export type OptionsSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** One option as documented (derived from the schema): its type, values or bounds, description. */
export type OptionSpec =
  | { type: 'number'; min?: number; max?: number; nullable?: boolean; doc: string }
  | { type: 'integer'; min?: number; max?: number; doc: string }
  | { type: 'boolean'; doc: string }
  | { type: 'enum'; values: readonly string[]; doc: string };

/** What a model declares; {@link defineModel} derives the rest. */
export interface ModelDefinition<S extends OptionsSchema, D = never> {
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
  /**
   * Contract properties the model does not have by design, each with the reason (the shared
   * contract suite skips exactly these and prints why). E.g. KTAB's SMP uses fixed floors that do
   * not scale with capability, so rescaling capabilities changes its results.
   */
  readonly notInvariantTo?: { readonly capabilityScale?: string; readonly inertActor?: string };
  /** The options: the single source of their type, defaults, docs and validation. */
  readonly optionsSchema: S;
  run(input: NumericInput, options: z.output<S>, ctx: RunContext): ModelResult<D>;
}

export interface Model<O extends object = object, D = unknown> extends Omit<
  ModelDefinition<OptionsSchema>,
  'run'
> {
  /** Every option's default (`optionsSchema.parse({})`), in the schema's order. */
  readonly defaults: Readonly<O>;
  /** Every option documented (derived from the schema): for `entente models` and `/api/models`. */
  readonly options: { readonly [K in keyof O]: OptionSpec };
  run(input: NumericInput, options: O, ctx: RunContext): ModelResult<D>;
}

/** A model with its option and detail types erased, as kept in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = Model<any>;

/** Declares a model: derives its defaults and documented options from its options schema. */
export function defineModel<S extends OptionsSchema, D = never>(
  model: ModelDefinition<S, D>,
): Model<z.output<S>, D> {
  return {
    ...model,
    defaults: model.optionsSchema.parse({}),
    options: describeOptions(model.optionsSchema) as Model<z.output<S>, D>['options'],
  };
}
