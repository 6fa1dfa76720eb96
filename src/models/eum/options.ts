/**
 * Options of the expected utility model (docs/spec/eum.md), their defaults and their sources.
 */
import { z } from 'zod';
import { checkOptions } from '../options.ts';

export const EUM_OPTIONS = z
  .object({
    /**
     * Which reading of the model to run. Default `'scholz2011'`: the reading of Scholz, Calbert &
     * Smith's (2011) own code, the one that reproduces their published Table 2 (EC car emissions).
     * `'printed'`: the equations as printed in Scholz et al. (2011) and Bueno de Mesquita (1994,
     * 1997) — the probability denominator runs over the pair only, b = E(U_ji) is read with the
     * challenger's own exponent r_j, and actors capitulate (docs/spec/eum.md steps 3 and 7).
     */
    variant: z
      .enum(['scholz2011', 'printed'])
      .default('scholz2011')
      .describe(
        'scholz2011 (default: the code of Scholz et al. 2011, reproduces their Table 2) or printed (the printed equations).',
      ),
    /**
     * Q in [0, 1]: the probability that, if i does not challenge j, the status quo persists (rather
     * than things getting better or worse for i). Default 1, as in Scholz et al.'s (2011)
     * replication; Bueno de Mesquita (1994, 1997) also used 0.5 (docs/spec/eum.md step 5).
     */
    Q: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe(
        'Probability the status quo persists when i does not challenge (default 1, Scholz et al. 2011; BDM also used 0.5).',
      ),
    /** Rounds of bargaining to run (at most, when `tolerance` is set). Default 10 (docs/spec/eum.md step 8). */
    rounds: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(10)
      .describe('Rounds of bargaining (default 10).'),
    /**
     * Stopping rule. `null` (default): run all `rounds`; the model is then never reported as
     * converged, since BDM's model oscillates in general (Scholz et al. 2011, Table 2). A number:
     * stop once the median has changed by at most this much (on the scale) for 3 rounds in
     * a row, and only then report `converged` (docs/spec/eum.md step 8).
     */
    tolerance: z
      .number()
      .min(0)
      .nullable()
      .default(null)
      .describe(
        'Stop once the median moved ≤ this for 3 rounds in a row (default off: run all rounds, never "converged").',
      ),
    /**
     * Whether a receiver facing b > 0 > a with b ≤ |a| capitulates to the other's position.
     * `'auto'` (default) follows the variant: off in `scholz2011` (their code never capitulates),
     * on in `printed` (Bueno de Mesquita 1994; docs/spec/eum.md step 7). `'on'`/`'off'` force it.
     */
    capitulation: z
      .enum(['auto', 'on', 'off'])
      .default('auto')
      .describe(
        'Capitulation offers: auto (default: off in scholz2011, on in printed), on or off.',
      ),
    /** How many final medians the `tail` mean averages. Default 3 (docs/spec/eum.md step 8). */
    tail: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(3)
      .describe('Number of final medians averaged into the tail mean (default 3).'),
  })
  .strict();

export type EumOptions = z.infer<typeof EUM_OPTIONS>;

export const EUM_DEFAULTS: EumOptions = EUM_OPTIONS.parse({});

/** Options with every choice made: what one run actually uses. */
export interface ResolvedEumOptions {
  readonly variant: 'scholz2011' | 'printed';
  readonly Q: number;
  readonly rounds: number;
  readonly tolerance: number | null;
  readonly capitulation: boolean;
  readonly tail: number;
}

/**
 * Checks `options` against {@link EUM_OPTIONS} with the defaults under them (a bad value is the
 * caller's mistake: an `InputError` at `options.KEY`) and settles `capitulation: 'auto'` by the
 * variant.
 */
export function resolveEumOptions(options: Partial<EumOptions> = {}): ResolvedEumOptions {
  const o = checkOptions('eum', EUM_OPTIONS, options);
  const capitulation =
    o.capitulation === 'auto' ? o.variant === 'printed' : o.capitulation === 'on';
  return {
    variant: o.variant,
    Q: o.Q,
    rounds: o.rounds,
    tolerance: o.tolerance,
    capitulation,
    tail: o.tail,
  };
}
