/**
 * Diagnostics: what an analyst must know before reading a forecast, computed once from the
 * results and shown by every face (CLI text, `--json`, reports). Each names its issue, model and
 * actor where it has one, and says in words what happened and why it matters:
 *
 * - `dictator`: one actor holds more than half of capability × salience on an issue, so the
 *   weighted median is its position whatever the others do (a dictator of the weighted majority
 *   game; Felsenthal & Machover 1998 for the terms).
 * - `non-convergence`: a model stopped at its round limit without settling.
 * - `jump-to-opponent`: an actor moved more than half the scale and ended within 2% of the scale
 *   of an actor that started on the other side of the scale's midpoint — a capitulation the reader
 *   should check before trusting the model's forecast.
 * - `fallback`: a model could not apply its own rule and returned another's (e.g. Nash → weighted
 *   mean); the forecast row is that other rule's.
 * - `at-threshold`: the forecast is within the stated tolerance of the threshold, so the verdict
 *   reads "meets" (the tolerance is in the result).
 * - `outside-band` (Monte Carlo): the point forecast lies outside the 10–90% band of its own draws,
 *   with the inputs whose point value sits at an end of its range (the usual cause).
 * - `knife-edge` (Monte Carlo): the point verdict says yes or no, but between 10% and 90% of the
 *   draws within the evidence ranges say otherwise.
 * Pure: results in, diagnostics out.
 */
import type { MonteCarloResult } from './monte-carlo/summarize.ts';

export const DIAGNOSTIC_KINDS = [
  'dictator',
  'non-convergence',
  'jump-to-opponent',
  'fallback',
  'at-threshold',
  'outside-band',
  'knife-edge',
] as const;
export type DiagnosticKind = (typeof DIAGNOSTIC_KINDS)[number];

export interface Diagnostic {
  readonly kind: DiagnosticKind;
  readonly issue?: string;
  readonly model?: string;
  readonly actor?: string;
  readonly text: string;
}

/** Relative tolerance (of the scale's width) within which a forecast counts as at the threshold. */
export const THRESHOLD_TOLERANCE = 1e-9;

/** What diagnostics read from a forecast: structurally a `ForecastResult`. */
export interface ForecastLike {
  readonly models: readonly {
    id: string;
    name: string;
    rounds: number;
    converged: boolean;
    warnings: readonly string[];
  }[];
  readonly issues: readonly {
    id: string;
    name: string;
    scale: { min: number; max: number };
    threshold: { value: number; label: string } | null;
    forecasts: Record<string, number>;
    actors: readonly {
      id: string;
      name: string;
      capability: number;
      position: number;
      salience: number;
      final: Record<string, number>;
    }[];
  }[];
}

const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/**
 * Each actor's share of capability × salience on an issue (salience 0–100 read as 0–1), in the
 * actors' order; all 0 when the total is 0. The one computation behind the dictator diagnostic and
 * the explanations' weight shares (src/analysis/explain/).
 */
export function weightShares(
  actors: readonly { capability: number; salience: number }[],
): number[] {
  const weights = actors.map((a) => a.capability * (a.salience / 100));
  const total = weights.reduce((t, w) => t + w, 0);
  return weights.map((w) => (total > 0 ? w / total : 0));
}

export function forecastDiagnostics(r: ForecastLike): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of r.issues) {
    const { min, max } = issue.scale;
    const width = max - min;
    const shares = weightShares(issue.actors);
    issue.actors.forEach((a, i) => {
      const share = shares[i]!;
      if (share > 0.5) {
        out.push({
          kind: 'dictator',
          issue: issue.id,
          actor: a.id,
          text: `${a.name} holds ${(100 * share).toFixed(0)}% of capability × salience on “${issue.name}”, so the weighted median — and the EUM, whose forecast is a weighted median — sits at its position (${f1(a.position)}) whatever the others do.`,
        });
      }
    });
    const mid = (min + max) / 2;
    for (const m of r.models) {
      for (const a of issue.actors) {
        const fin = a.final[m.id];
        if (fin === undefined || !(Math.abs(fin - a.position) > width / 2)) continue;
        const opponent = issue.actors
          .filter(
            (b) =>
              b.id !== a.id &&
              Math.sign(b.position - mid) !== Math.sign(a.position - mid) &&
              Math.abs(fin - b.position) <= 0.02 * width,
          )
          .sort((x, y) => Math.abs(fin - x.position) - Math.abs(fin - y.position))[0];
        if (!opponent) continue;
        out.push({
          kind: 'jump-to-opponent',
          issue: issue.id,
          model: m.id,
          actor: a.id,
          text: `${m.name}: ${a.name} moves from ${f1(a.position)} to ${f1(fin)}, ${opponent.name}’s position (${f1(opponent.position)}) — more than half the scale; check the model's trajectory before reading its forecast.`,
        });
      }
    }
    if (issue.threshold) {
      for (const [model, f] of Object.entries(issue.forecasts)) {
        const gap = Math.abs(f - issue.threshold.value);
        if (gap > 0 && gap <= THRESHOLD_TOLERANCE * width) {
          out.push({
            kind: 'at-threshold',
            issue: issue.id,
            model,
            text: `${model}: ${f} is within ${THRESHOLD_TOLERANCE} × the scale of the threshold ${issue.threshold.value}; it is read as reaching it.`,
          });
        }
      }
    }
  }
  for (const m of r.models) {
    if (!m.converged) {
      out.push({
        kind: 'non-convergence',
        model: m.id,
        text: `${m.name} stopped after ${m.rounds} rounds without converging: its forecast is where it stopped, not where it settles.`,
      });
    }
    for (const w of m.warnings) {
      const fell = /on issue "([^"]+)".*fell back to (the [^;.]+)/.exec(w);
      if (fell) {
        out.push({
          kind: 'fallback',
          issue: fell[1]!,
          model: m.id,
          text: `${m.name} on “${fell[1]}”: no outcome gives every actor a gain, so the row shows ${fell[2]}, not a bargaining solution.`,
        });
      }
    }
  }
  return out;
}

/** Diagnostics that need the draws: point forecasts outside their band, knife-edge verdicts. */
export function monteCarloDiagnostics(mc: Omit<MonteCarloResult, 'diagnostics'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const atEnds = mc.sampling.inputs.filter(
    (x) => x.high > x.low && (x.mode === x.low || x.mode === x.high),
  );
  for (const issue of mc.issues) {
    for (const m of mc.models) {
      const o = issue.outcomes[m.id];
      if (!o || o.point === null || !Number.isFinite(o.point) || o.runs === 0) continue;
      if (o.point < o.q10 || o.point > o.q90) {
        const cause = atEnds.length
          ? ` ${atEnds.length} of ${mc.sampling.inputs.length} inputs have their point value at an end of their range (e.g. ${atEnds
              .slice(0, 3)
              .map((x) => x.id)
              .join(', ')}), so the draws lie mostly on one side of it.`
          : ' The model responds unevenly to the ranges (its forecast at the point values is not typical of the draws).';
        out.push({
          kind: 'outside-band',
          issue: issue.id,
          model: m.id,
          text: `${m.name} on “${issue.name}”: the point forecast ${f1(o.point)} lies outside its own 10–90% band ${f1(o.q10)}–${f1(o.q90)}.${cause}`,
        });
      }
      const t = issue.threshold;
      if (t && o.pAtOrAbove && Number.isFinite(o.pAtOrAbove.p)) {
        const p = o.pAtOrAbove.p;
        const meets = o.point >= t.value;
        const against = meets ? 1 - p : p;
        if (against >= 0.1 && against <= 0.9) {
          out.push({
            kind: 'knife-edge',
            issue: issue.id,
            model: m.id,
            text: `${m.name} on “${issue.name}”: the point forecast ${meets ? 'reaches' : 'falls short of'} ${t.value}, but ${(100 * against).toFixed(0)}% of the draws within the evidence ranges say the opposite (P(≥ ${t.value}) = ${p.toFixed(2)}).`,
          });
        }
      }
    }
  }
  return out;
}
