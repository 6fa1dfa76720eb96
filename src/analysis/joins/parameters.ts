/**
 * The parameter file of the join forecasters (fitted.json, or `--out` of `--fit`): everything the
 * three forecasters need to score a new file without refitting, plus where it was fitted.
 * `parameterProblems` checks a file read from disk before it is used.
 */
import { FEATURES } from './features.ts';
import type { FittedSet } from './fit.ts';
import { TERMS } from './terms.ts';
import { type ResultStamp, resultStamp } from '../../core/result.ts';

export const PARAMETERS_VERSION = 1;

export interface JoinParameters extends FittedSet, ResultStamp<'join-parameters'> {
  readonly version: number;
  /** The file the parameters were fitted on. */
  readonly training: {
    readonly file: string;
    /** `sha256:` of the file's bytes as read (UTF-8 text). */
    readonly sha256: string;
    readonly wars: number;
    readonly candidates: number;
    /** (candidate, side) pairs. */
    readonly n: number;
    readonly joins: number;
  };
  readonly fit: {
    readonly seed: number;
    readonly innerFolds: number;
    readonly lambdaGrid: { readonly logistic: number[]; readonly commitment: number[] };
    readonly spreadReplicates: number;
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem of a parsed parameter file, as `path: message` strings (empty when sound). */
export function parameterProblems(value: unknown): string[] {
  const out: string[] = [];
  if (!isObj(value)) return ['expected a JSON object'];
  if (value.kind !== 'join-parameters') out.push('kind: expected "join-parameters"');
  if (value.version !== PARAMETERS_VERSION) {
    out.push(`version: expected ${PARAMETERS_VERSION}, found ${JSON.stringify(value.version)}`);
  }
  const training = value.training;
  if (!isObj(training) || typeof training.sha256 !== 'string') {
    out.push('training.sha256: expected a string');
  }
  const base = value['base-rate'];
  if (!isObj(base) || !isNum(base.p) || base.p <= 0 || base.p >= 1) {
    out.push('base-rate.p: expected a number in (0, 1)');
  }
  const lg = value.logistic;
  if (!isObj(lg)) out.push('logistic: expected an object');
  else {
    if (!isNum(lg.intercept)) out.push('logistic.intercept: expected a number');
    const known = new Set(FEATURES.map((f) => f.name));
    const features = lg.features;
    if (!Array.isArray(features) || features.length === 0) {
      out.push('logistic.features: expected a list of feature names');
    } else {
      for (const f of features as unknown[]) {
        if (typeof f !== 'string' || !known.has(f)) {
          out.push(`logistic.features: unknown feature ${JSON.stringify(f)}`);
          continue;
        }
        for (const key of ['means', 'sds', 'coefficients'] as const) {
          const table = lg[key];
          if (!isObj(table) || !isNum(table[f])) {
            out.push(`logistic.${key}.${f}: expected a number`);
          }
        }
        const sds = lg.sds;
        if (isObj(sds) && isNum(sds[f]) && sds[f] <= 0) out.push(`logistic.sds.${f}: must be > 0`);
      }
    }
  }
  const cm = value.commitment;
  if (!isObj(cm)) out.push('commitment: expected an object');
  else {
    const known = new Set(TERMS.map((t) => t.name));
    const terms = cm.terms;
    if (!Array.isArray(terms) || terms.length === 0) {
      out.push('commitment.terms: expected a list of term names');
    } else {
      for (const t of terms as unknown[]) {
        if (typeof t !== 'string' || !known.has(t)) {
          out.push(`commitment.terms: unknown term ${JSON.stringify(t)}`);
        } else if (!isObj(cm.weights) || !isNum(cm.weights[t])) {
          out.push(`commitment.weights.${t}: expected a number`);
        }
      }
    }
  }
  return out;
}

/** The parameter file of a fit on `rows` of the file `training`. */
export function parameterFile(
  fitted: FittedSet,
  training: JoinParameters['training'],
  fit: JoinParameters['fit'],
): JoinParameters {
  return {
    ...resultStamp('join-parameters'),
    version: PARAMETERS_VERSION,
    training,
    fit,
    'base-rate': fitted['base-rate'],
    logistic: fitted.logistic,
    commitment: fitted.commitment,
  };
}
