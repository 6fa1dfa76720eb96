/**
 * The models' own detail, typed: `ModelResult.detail` is `EumDetail` from the EUM and `SmpDetail`
 * from the SMP (the other models record none). Results read from the registry or from JSON carry
 * `unknown`; these guards narrow them by shape, so a consumer never casts and a result without the
 * detail it needs (an untraced run) is told apart from one with it.
 */
import type { EumDetail } from './eum/detail.ts';
import type { SmpDetail } from './smp/detail.ts';

export type { EumDetail, SmpDetail };
/** Every detail a model records. */
export type ModelDetail = EumDetail | SmpDetail;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The EUM's detail (`model: 'eum'`, per-issue rounds), or undefined. */
export function eumDetail(detail: unknown): EumDetail | undefined {
  return isObject(detail) && detail.model === 'eum' && Array.isArray(detail.issues)
    ? (detail as unknown as EumDetail)
    : undefined;
}

/** The SMP's detail (positions by turn, the turns, the stop), or undefined. */
export function smpDetail(detail: unknown): SmpDetail | undefined {
  return isObject(detail) &&
    Array.isArray(detail.positions) &&
    Array.isArray(detail.turns) &&
    isObject(detail.stop)
    ? (detail as unknown as SmpDetail)
    : undefined;
}
