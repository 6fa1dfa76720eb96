/**
 * Turns tornado and levers results (src/analysis) into the report's sections; the rows and
 * their labels come from `src/charts/from-results.ts`, which the workbench uses too.
 */
import type { LeversResult } from '../../analysis/levers/levers.ts';
import type { TornadoResult } from '../../analysis/sensitivity/tornado.ts';
import { leverRows, tornadoSections } from '../../charts/from-results.ts';
import type { Lever, SensitivitySection } from './report-data.ts';

/** The `top` longest bars of every issue and model. */
export function sensitivityFromTornado(t: TornadoResult, top = 10): SensitivitySection[] {
  return tornadoSections(t, top);
}

/** The smallest single and paired levers, verified by the analysis; each names who would act. */
export function leversFromResult(l: LeversResult, top = 8): Lever[] {
  return leverRows(l, top);
}
