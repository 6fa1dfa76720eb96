/**
 * Extra blocks a model adds under an issue in the human forecast output (e.g. the EUM's round
 * table and strongest dyads). Each renderer is pure and keyed by model id.
 */
import type { ForecastResult } from '../../analysis/forecast.ts';
import type { Scenario } from '../../core/scenario.ts';
import { eumDetail, smpDetail } from '../../models/detail.ts';
import { renderEumRounds, renderStrongestDyads } from './eum.ts';
import { renderSmpTrajectories } from './smp.ts';

/** Renders a model's detail for one issue; `names` are actor names in the scenario's order. */
export type ExtraRenderer = (
  detail: unknown,
  names: readonly string[],
  scenario: Scenario,
  issueId: string,
  /** The issue's index among the issues the models ran on. */
  k: number,
) => string[];

const RENDERERS: Record<string, ExtraRenderer> = {
  eum(detail, names, scenario, issueId) {
    const d = eumDetail(detail)?.issues.find((x) => x.issueId === issueId);
    if (!d) return [];
    const issueName = scenario.issues.find((i) => i.id === issueId)?.name ?? issueId;
    const last = d.rounds.length;
    const blocks = [
      renderEumRounds(d, names, issueName),
      `${renderStrongestDyads(d, names, 1, 6)}\n  (the full table: entente dyads --issue ${issueId} --round N)`,
    ];
    const lastDyads = last > 1 ? renderStrongestDyads(d, names, last, 4) : '';
    // Only when someone still presses someone in the last round (more than the title line).
    if (lastDyads.split('\n').length > 1) blocks.push(lastDyads);
    return blocks;
  },
  smp(detail, names, scenario, issueId, k) {
    const smp = smpDetail(detail);
    if (!smp) return [];
    const present = scenario.actors.map((a) => a.stances[issueId] !== undefined);
    return [renderSmpTrajectories(smp, names, k, issueId, present)];
  },
};

export function modelExtras(result: ForecastResult, scenario: Scenario, issueId: string): string[] {
  const names = scenario.actors.map((a) => a.name);
  const k = result.issues.findIndex((i) => i.id === issueId);
  return result.models.flatMap((m) => {
    const render = RENDERERS[m.id];
    return render && m.detail !== undefined && k >= 0
      ? render(m.detail, names, scenario, issueId, k)
      : [];
  });
}
