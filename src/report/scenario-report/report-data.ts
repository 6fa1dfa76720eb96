/**
 * The report as data: everything the HTML and Markdown renderers show, assembled from the
 * scenario and its results. Pure (the caller supplies the time), so reports are reproducible.
 */
import type { LeverRow } from '../../charts/from-results.ts';
import type { CompareResult } from '../../analysis/compare.ts';
import { forecastHeadline, headlineLines } from '../../analysis/headline.ts';
import { type Explanation, explainForecast } from '../../analysis/explain/index.ts';
import type { ForecastResult, IssueForecast } from '../../analysis/forecast.ts';
import type { MonteCarloResult, OutcomeSummary } from '../../analysis/monte-carlo/summarize.ts';
import type { CommitmentResult } from '../../coalitions/commitment/commitment-result.ts';
import {
  type MeasureValue,
  type Scenario,
  type ScenarioEvidence,
  type ScenarioSource,
  rangeOf,
  valueOf,
} from '../../core/scenario.ts';
import { evidenceLookup } from '../../core/validate.ts';
import { type Pressure, type Trajectory, pressures, trajectories } from './model-detail.ts';

/**
 * One bar of a tornado chart: the outcome when an input is at its low and at its high value
 * (`atLow`/`atHigh`, as in the analysis's `TornadoBar`, whose `low`/`high` are the input's values).
 */
export interface TornadoChartBar {
  readonly label: string;
  readonly atLow: number;
  readonly atHigh: number;
}

export interface SensitivitySection {
  readonly issueId: string;
  readonly model: string;
  /** The outcome at the point values (the tornado's axis). */
  readonly base: number;
  readonly bars: readonly TornadoChartBar[];
}

/** A lever row of the report: the shared row of `src/charts/from-results.ts`. */
export type Lever = LeverRow;

export interface ReportInput {
  readonly scenario: Scenario;
  readonly forecast: ForecastResult;
  readonly monteCarlo?: MonteCarloResult | null;
  readonly sensitivity?: readonly SensitivitySection[] | null;
  readonly levers?: readonly Lever[] | null;
  /** The commitment model's answer, for scenarios with a coalition.commitment block. */
  readonly commitment?: CommitmentResult | null;
  /** The base and the chosen variants side by side (`src/analysis/compare.ts`); null: no section. */
  readonly variants?: CompareResult | null;
  /** ISO time the report was made (the shell reads the clock). */
  readonly generatedAt: string;
}

export interface ActorRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly capability: number;
  readonly capabilityBasis: string | null;
  readonly position: number;
  readonly positionRange: [number, number];
  readonly salience: number;
  readonly salienceRange: [number, number];
  /** Evidence ids behind position, salience and capability. */
  readonly evidence: { position: string[]; salience: string[]; capability: string[] };
  readonly unverified: boolean;
  /** Model id → final position (models whose actors move). */
  readonly final: Record<string, number>;
}

export interface IssueSection {
  readonly issue: IssueForecast;
  readonly unit: string | null;
  readonly actors: ActorRow[];
  /** Model id → Monte Carlo summary. */
  readonly uncertainty: Record<string, OutcomeSummary> | null;
  readonly trajectories: Trajectory[];
  readonly pressures: Pressure[];
  readonly sensitivity: SensitivitySection[];
  readonly levers: Lever[];
}

export interface Caveat {
  readonly kind: 'unverified' | 'missing-evidence' | 'disagreement' | 'model' | 'uncertainty';
  readonly text: string;
}

export interface Report {
  readonly title: string;
  readonly question: string;
  readonly asOf: string;
  readonly description: string | null;
  readonly generatedAt: string;
  readonly entente: string;
  readonly hash: string;
  readonly seed: number;
  readonly models: ForecastResult['models'];
  /** The scenario's actors in its order (the charts' colours follow it). */
  readonly actors: { readonly id: string; readonly name: string }[];
  readonly issues: IssueSection[];
  readonly evidence: { item: ScenarioEvidence; source: ScenarioSource | null }[];
  readonly sources: readonly ScenarioSource[];
  readonly coverage: ForecastResult['evidence'];
  readonly monteCarlo: { runs: number; partial: boolean; distribution: string } | null;
  readonly notes: readonly string[];
  readonly assumptions: string[];
  readonly caveats: Caveat[];
  readonly commitment: CommitmentResult | null;
  /** Why each forecast is what it is (src/analysis/explain/), the commitment answer's included. */
  readonly explanations: Explanation[];
  /** The answer in a few lines, first in the summary (src/analysis/headline.ts). */
  readonly headline: string[];
  /**
   * The base and the chosen variants side by side; null (or absent, in a report stored before
   * variants were reported) when the scenario has none or none was chosen.
   */
  readonly variants?: CompareResult | null;
}

/** Forecasts further apart than this share of the scale are reported as a disagreement. */
export const DISAGREEMENT_SHARE = 0.1;

function measureUnverified(
  m: MeasureValue,
  unverifiedEvidence: Set<string>,
  ids: string[],
): boolean {
  return (
    (typeof m !== 'number' && m.unverified === true) || ids.some((id) => unverifiedEvidence.has(id))
  );
}

export function buildReport(input: ReportInput): Report {
  const { scenario: s, forecast, monteCarlo } = input;
  const actorIds = s.actors.map((a) => a.id);
  const unverifiedEvidence = new Set(s.evidence.filter((e) => e.unverified).map((e) => e.id));
  const lookup = evidenceLookup(s);
  const sources = new Map(s.sources.map((src) => [src.id, src]));

  const issues: IssueSection[] = forecast.issues.map((issue) => {
    const def = s.issues.find((i) => i.id === issue.id)!;
    const actors: ActorRow[] = issue.actors.map((a) => {
      const actor = s.actors.find((x) => x.id === a.id)!;
      const stance = actor.stances[issue.id]!;
      const ev = {
        position: lookup(actor.id, issue.id, 'position'),
        salience: lookup(actor.id, issue.id, 'salience'),
        capability: lookup(actor.id, undefined, 'capability'),
      };
      const cap = actor.capability;
      return {
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        capability: valueOf(cap),
        capabilityBasis: typeof cap === 'number' ? null : (cap.basis ?? null),
        position: valueOf(stance.position),
        positionRange: rangeOf(stance.position),
        salience: valueOf(stance.salience),
        salienceRange: rangeOf(stance.salience),
        evidence: ev,
        unverified:
          measureUnverified(stance.position, unverifiedEvidence, ev.position) ||
          measureUnverified(stance.salience, unverifiedEvidence, ev.salience),
        final: a.final,
      };
    });
    const mc = monteCarlo?.issues.find((i) => i.id === issue.id);
    return {
      issue,
      unit: def.scale.unit ?? null,
      actors,
      uncertainty: mc ? mc.outcomes : null,
      trajectories: trajectories(forecast, actorIds, issue.id),
      pressures: pressures(forecast, actorIds, issue.id),
      sensitivity: (input.sensitivity ?? []).filter((x) => x.issueId === issue.id),
      levers: (input.levers ?? []).filter((x) => x.issueId === issue.id),
    };
  });

  return {
    title: s.title,
    question: s.question,
    asOf: s.asOf,
    description: s.description ?? null,
    generatedAt: input.generatedAt,
    entente: forecast.entente,
    hash: forecast.scenario.hash,
    seed: forecast.seed,
    models: forecast.models,
    actors: s.actors.map((a) => ({ id: a.id, name: a.name })),
    issues,
    evidence: s.evidence.map((item) => ({ item, source: sources.get(item.source) ?? null })),
    sources: s.sources,
    coverage: forecast.evidence,
    monteCarlo: monteCarlo
      ? {
          runs: monteCarlo.runs,
          partial: monteCarlo.partial,
          distribution: monteCarlo.sampling.distribution,
        }
      : null,
    notes: s.notes ?? [],
    assumptions: assumptions(forecast, monteCarlo ?? null),
    caveats: caveats(input, issues),
    // A report of a stored forecast run shows the coalition answer the forecast carries.
    commitment: input.commitment ?? input.forecast.coalition,
    headline: headlineLines(
      forecastHeadline({ ...forecast, coalition: input.commitment ?? forecast.coalition }),
    ),
    explanations: explainForecast(
      { ...forecast, coalition: input.commitment ?? forecast.coalition },
      s.actors,
    ),
    variants: input.variants ?? null,
  };
}

function assumptions(forecast: ForecastResult, mc: MonteCarloResult | null): string[] {
  const out = [
    'Positions, saliences and capabilities are judgements drawn from the evidence listed with each number; where a number cites no evidence it is the analyst’s estimate.',
    'Each model assumes its own bargaining process (see the citation under each model); where they disagree, the spread is part of the forecast.',
    `The models ran with seed ${forecast.seed}; the same scenario, options and seed give the same result.`,
  ];
  if (mc) {
    out.push(
      `Uncertainty: ${mc.runs} Monte Carlo runs drew every input with a range from a ${mc.sampling.distribution} distribution over its low–high range (correlation ${mc.sampling.correlation}); intervals are the 10th–90th percentiles.`,
    );
  } else {
    out.push(
      'No Monte Carlo was run: the forecasts are point estimates at the values given, without intervals.',
    );
  }
  return out;
}

/** Diagnostics the other caveats do not already state (non-convergence and fallbacks are there). */
const REPORTED_DIAGNOSTICS = new Set(['dictator', 'jump-to-opponent', 'at-threshold']);

function caveats(input: ReportInput, issues: IssueSection[]): Caveat[] {
  const out: Caveat[] = [];
  for (const d of input.forecast.diagnostics) {
    if (REPORTED_DIAGNOSTICS.has(d.kind)) out.push({ kind: 'model', text: d.text });
  }
  for (const d of input.monteCarlo?.diagnostics ?? [])
    out.push({ kind: 'uncertainty', text: d.text });
  const cov = input.forecast.evidence;
  if (cov.unverified.length > 0) {
    out.push({
      kind: 'unverified',
      text: `${cov.unverified.length} input number${cov.unverified.length === 1 ? '' : 's'} rest${cov.unverified.length === 1 ? 's' : ''} on indicators not checked against their sources (UNVERIFIED): ${cov.unverified.join(', ')}.`,
    });
  }
  if (cov.missing.length > 0) {
    out.push({
      kind: 'missing-evidence',
      text: `${cov.missing.length} of ${cov.numbers} input numbers cite no evidence: ${cov.missing.join(', ')}.`,
    });
  }
  for (const sec of issues) {
    const { issue } = sec;
    const entries = Object.entries(issue.forecasts).filter(([, v]) => Number.isFinite(v));
    if (entries.length >= 2) {
      const values = entries.map(([, v]) => v);
      const spread = Math.max(...values) - Math.min(...values);
      const width = issue.scale.max - issue.scale.min;
      if (width > 0 && spread > DISAGREEMENT_SHARE * width) {
        out.push({
          kind: 'disagreement',
          text: `Models disagree on “${issue.name}”: forecasts range over ${fmt(spread)} points (${Math.round((100 * spread) / width)}% of the scale): ${entries.map(([m, v]) => `${m} ${fmt(v)}`).join(', ')}.`,
        });
      }
      const verdicts = Object.entries(issue.verdicts);
      const meets = verdicts.filter(([, v]) => v.meets).map(([m]) => m);
      if (issue.threshold && meets.length > 0 && meets.length < verdicts.length) {
        out.push({
          kind: 'disagreement',
          text: `Models split on whether “${issue.name}” reaches the threshold (${fmt(issue.threshold.value)}: ${issue.threshold.label}): ${meets.join(', ')} say yes; ${verdicts
            .filter(([, v]) => !v.meets)
            .map(([m]) => m)
            .join(', ')} say no.`,
        });
      }
    }
  }
  for (const m of input.forecast.models) {
    if (!m.converged) {
      out.push({
        kind: 'model',
        text: `${m.name} stopped after ${m.rounds} rounds without converging.`,
      });
    }
    for (const w of m.warnings) out.push({ kind: 'model', text: `${m.name}: ${w}` });
  }
  const mc = input.monteCarlo;
  if (mc?.partial) {
    out.push({
      kind: 'uncertainty',
      text: `The Monte Carlo was interrupted: its statistics cover ${mc.runs} of ${mc.runsRequested} runs.`,
    });
  }
  for (const m of mc?.models ?? []) {
    if (m.failedRuns > 0) {
      out.push({
        kind: 'uncertainty',
        text: `${m.name} failed in ${m.failedRuns} Monte Carlo runs${m.firstError ? ` (first: ${m.firstError})` : ''}.`,
      });
    }
  }
  return out;
}

/** A number for prose: at most one decimal. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return (Math.round(x * 10) / 10).toString();
}
