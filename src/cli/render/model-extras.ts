/**
 * Extra blocks a model adds under an issue in the human forecast output (e.g. the EUM's round
 * table and strongest dyads). Each renderer is pure and keyed by model id.
 */
import type { ForecastResult } from '../../analysis/forecast.ts';
import type { Scenario } from '../../core/scenario.ts';

export type ExtraRenderer = (
  detail: unknown,
  names: Map<string, string>,
  scenario: Scenario,
  issueId: string,
) => string[];

const RENDERERS: Record<string, ExtraRenderer> = {};

export function modelExtras(result: ForecastResult, scenario: Scenario, issueId: string): string[] {
  const names = new Map(scenario.actors.map((a) => [a.id, a.name]));
  return result.models.flatMap((m) => {
    const render = RENDERERS[m.id];
    return render && m.detail !== undefined ? render(m.detail, names, scenario, issueId) : [];
  });
}
