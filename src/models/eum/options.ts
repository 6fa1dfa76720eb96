/**
 * Options of the expected utility model (docs/spec/eum.md), their defaults and their sources.
 */
import { InputError } from '../../core/errors.ts';
import type { OptionSpec } from '../model.ts';

export interface EumOptions {
  /**
   * Which reading of the model to run. Default `'scholz2011'`: the reading of Scholz, Calbert &
   * Smith's (2011) own code, the one that reproduces their published Table 2 (EC car emissions).
   * `'printed'`: the equations as printed in Scholz et al. (2011) and Bueno de Mesquita (1994,
   * 1997) — the probability denominator runs over the pair only, b = E(U_ji) is read with the
   * challenger's own exponent r_j, and actors capitulate (docs/spec/eum.md steps 3 and 7).
   */
  variant: 'scholz2011' | 'printed';
  /**
   * Q in [0, 1]: the probability that, if i does not challenge j, the status quo persists (rather
   * than things getting better or worse for i). Default 1, as in Scholz et al.'s (2011)
   * replication; Bueno de Mesquita (1994, 1997) also used 0.5 (docs/spec/eum.md step 5).
   */
  Q: number;
  /** Rounds of bargaining to run (at most, when `tolerance` is set). Default 10 (docs/spec/eum.md step 8). */
  rounds: number;
  /**
   * Stopping rule. `null` (default): run all `rounds`; the model is then never reported as
   * converged, since BDM's model oscillates in general (Scholz et al. 2011, Table 2). A number:
   * stop once the median has changed by at most this much (on the scale) for 3 rounds in
   * a row, and only then report `converged` (docs/spec/eum.md step 8).
   */
  tolerance: number | null;
  /**
   * Whether a receiver facing b > 0 > a with b ≤ |a| capitulates to the other's position.
   * `'auto'` (default) follows the variant: off in `scholz2011` (their code never capitulates),
   * on in `printed` (Bueno de Mesquita 1994; docs/spec/eum.md step 7). `'on'`/`'off'` force it.
   */
  capitulation: 'auto' | 'on' | 'off';
  /** How many final medians the `tail` mean averages. Default 3 (docs/spec/eum.md step 8). */
  tail: number;
}

export const EUM_DEFAULTS: EumOptions = {
  variant: 'scholz2011',
  Q: 1,
  rounds: 10,
  tolerance: null,
  capitulation: 'auto',
  tail: 3,
};

export const EUM_OPTION_SPECS: { readonly [K in keyof EumOptions]: OptionSpec } = {
  variant: {
    type: 'enum',
    values: ['scholz2011', 'printed'],
    doc: 'scholz2011 (default: the code of Scholz et al. 2011, reproduces their Table 2) or printed (the printed equations).',
  },
  Q: {
    type: 'number',
    min: 0,
    max: 1,
    doc: 'Probability the status quo persists when i does not challenge (default 1, Scholz et al. 2011; BDM also used 0.5).',
  },
  rounds: { type: 'integer', min: 1, max: 10_000, doc: 'Rounds of bargaining (default 10).' },
  tolerance: {
    type: 'number',
    min: 0,
    nullable: true,
    doc: 'Stop once the median moved ≤ this for 3 rounds in a row (default off: run all rounds, never "converged").',
  },
  capitulation: {
    type: 'enum',
    values: ['auto', 'on', 'off'],
    doc: 'Capitulation offers: auto (default: off in scholz2011, on in printed), on or off.',
  },
  tail: {
    type: 'integer',
    min: 1,
    max: 10_000,
    doc: 'Number of final medians averaged into the tail mean (default 3).',
  },
};

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
 * Spreads the defaults under `options`, checks them (a bad value is the caller's mistake: an
 * {@link InputError} naming the option) and settles `capitulation: 'auto'` by the variant.
 */
export function resolveEumOptions(options: Partial<EumOptions> = {}): ResolvedEumOptions {
  // Runs once per model run (thousands per second in a Monte Carlo): no closures, no literals
  // beyond the result.
  const o = { ...EUM_DEFAULTS, ...options } satisfies EumOptions;
  if (o.variant !== 'scholz2011' && o.variant !== 'printed') {
    throw badOption(o, 'variant', 'scholz2011 or printed');
  }
  if (!(o.Q >= 0 && o.Q <= 1)) throw badOption(o, 'Q', 'a number in 0..1');
  if (!Number.isInteger(o.rounds) || o.rounds < 1) throw badOption(o, 'rounds', 'an integer ≥ 1');
  if (o.tolerance !== null && o.tolerance !== undefined && !(o.tolerance >= 0)) {
    throw badOption(o, 'tolerance', 'a number ≥ 0 or null (off)');
  }
  if (o.capitulation !== 'auto' && o.capitulation !== 'on' && o.capitulation !== 'off') {
    throw badOption(o, 'capitulation', 'auto, on or off');
  }
  if (!Number.isInteger(o.tail) || o.tail < 1) throw badOption(o, 'tail', 'an integer ≥ 1');
  const capitulation =
    o.capitulation === 'auto' ? o.variant === 'printed' : o.capitulation === 'on';
  return {
    variant: o.variant,
    Q: o.Q,
    rounds: o.rounds,
    tolerance: o.tolerance ?? null,
    capitulation,
    tail: o.tail,
  };
}

function badOption(o: EumOptions, key: keyof EumOptions, expected: string): InputError {
  return new InputError({
    path: `options.${key}`,
    message: `eum: ${String(o[key])} is not valid: expected ${expected}`,
  });
}
