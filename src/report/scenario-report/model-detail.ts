/**
 * Reads the pictures' data out of model results: per-round trajectories of every actor on an
 * issue (EUM and SMP detail), and the EUM's "who pressures whom" (round 1 offers). Pure and free
 * of Node imports, so the report and the browser workbench use the same code.
 */
import type { ForecastResult } from '../../analysis/forecast.ts';
import { eumDetail, smpDetail } from '../../models/detail.ts';
import type { Pressure } from '../../charts/network.ts';
import type { Trajectory } from '../../charts/trajectories.ts';

// The data shapes are the charts' (src/charts draws them; this module reads them out of results).
export type { Pressure, Trajectory };

/**
 * Trajectories of every model that records rounds, for one issue. `actorIds` are the scenario's
 * actors in input order (the models' actor indexes).
 */
export function trajectories(
  result: ForecastResult,
  actorIds: readonly string[],
  issueId: string,
): Trajectory[] {
  const k = result.issues.findIndex((i) => i.id === issueId);
  if (k < 0) return [];
  const out: Trajectory[] = [];
  for (const m of result.models) {
    const eum = eumDetail(m.detail);
    const smp = smpDetail(m.detail);
    if (eum) {
      const d = eum.issues.find((x) => x.issueId === issueId);
      if (!d || d.trajectory.length < 2) continue;
      out.push({
        model: m.id,
        issueId,
        rounds: d.trajectory.length - 1,
        series: actorIds
          .map((actorId, i) => ({ actorId, values: d.trajectory.map((row) => row[i] ?? null) }))
          .filter((s) => s.values.some((v) => v !== null)),
        forecast: [d.initialMedian, ...d.medians],
      });
    } else if (smp) {
      const pos = smp.positions;
      if (pos.length < 2) continue;
      const present = new Set(result.issues[k]!.actors.map((a) => a.id));
      out.push({
        model: m.id,
        issueId,
        rounds: pos.length - 1,
        series: actorIds
          .map((actorId, i) => ({
            actorId,
            values: pos.map((turn) => turn[i]?.[k] ?? null),
          }))
          .filter((s) => present.has(s.actorId)),
        forecast: null,
      });
    }
  }
  return out;
}

/** The EUM's offers in round 1 of an issue: who pressures whom, strongest first. */
export function pressures(
  result: ForecastResult,
  actorIds: readonly string[],
  issueId: string,
): Pressure[] {
  const eum = result.models.map((m) => eumDetail(m.detail)).find((d) => d !== undefined);
  if (!eum) return [];
  const d = eum.issues.find((x) => x.issueId === issueId);
  const round = d?.rounds[0];
  if (!d || !round) return [];
  const start = d.trajectory[0] ?? [];
  const out: Pressure[] = [];
  for (const dyad of round.dyads) {
    if (!dyad.offer) continue;
    const from = actorIds[dyad.j];
    const to = actorIds[dyad.i];
    const x = start[dyad.i];
    if (from === undefined || to === undefined || x === null || x === undefined) continue;
    out.push({
      from,
      to,
      type: dyad.offer.type,
      shift: Math.abs(dyad.offer.position - x),
      taken: dyad.taken,
    });
  }
  return out.sort((a, b) => b.shift - a.shift || a.from.localeCompare(b.from));
}
