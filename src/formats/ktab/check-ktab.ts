/**
 * The rules KTAB enforces (with assertions, i.e. crashes) on an actor, checked up front with
 * messages that name the actor, the field and its place in the file. Source: KTAB `smp.cpp`,
 * `SMPModel::readCSVStream` / `readXML` and `SMPState::probEduChlg` (which asserts 0 < S_i ≤ 1).
 */
import type { Problem } from '../../core/errors.ts';
import type { KtabActor, KtabPlace } from './ktab-data.ts';

/** KTAB's file scale for positions and saliences. */
export const KTAB_SCALE = 100;

/** Rounding slack when adding saliences written with a few decimals. */
const SUM_SLACK = 1e-9;

function where(
  file: string | undefined,
  place: KtabPlace | undefined,
): Pick<Problem, 'file' | 'line' | 'column'> {
  return {
    ...(file === undefined ? {} : { file }),
    ...(place ? { line: place.line, column: place.column } : {}),
  };
}

/** Problems with one actor (index `a`), given the dimension names. */
export function checkKtabActor(
  actor: KtabActor,
  a: number,
  dimensions: readonly string[],
  file: string | undefined,
): Problem[] {
  const out: Problem[] = [];
  const who = `actor "${actor.name}"`;
  if (!(actor.power > 0)) {
    out.push({
      ...where(file, actor.at?.power),
      path: `actors[${a}].power`,
      message: `${who}: power ${actor.power} must be positive (KTAB crashes on zero or negative power)`,
    });
  }
  dimensions.forEach((dim, k) => {
    const x = actor.positions[k]!;
    if (!(x >= 0 && x <= KTAB_SCALE)) {
      out.push({
        ...where(file, actor.at?.positions[k]),
        path: `actors[${a}].positions[${k}]`,
        message: `${who}: position ${x} on "${dim}" is outside KTAB's scale 0..100`,
      });
    }
    const s = actor.saliences[k]!;
    if (!(s >= 0 && s <= KTAB_SCALE)) {
      out.push({
        ...where(file, actor.at?.saliences[k]),
        path: `actors[${a}].saliences[${k}]`,
        message: `${who}: salience ${s} on "${dim}" is outside 0..100`,
      });
    }
  });
  const sum = actor.saliences.reduce((t, s) => t + s, 0);
  if (sum > KTAB_SCALE + SUM_SLACK) {
    out.push({
      ...where(file, actor.at?.saliences[0]),
      path: `actors[${a}].saliences`,
      message: `${who}: saliences sum to ${+sum.toFixed(6)} (${actor.saliences.join(' + ')}); KTAB requires at most 100 per actor`,
    });
  } else if (actor.saliences.every((s) => s === 0)) {
    out.push({
      ...where(file, actor.at?.saliences[0]),
      path: `actors[${a}].saliences`,
      message: `${who}: every salience is 0; KTAB needs a positive salience on at least one dimension`,
    });
  }
  return out;
}
