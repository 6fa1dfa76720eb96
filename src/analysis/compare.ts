/**
 * `entente compare`: a scenario and its variants side by side (docs/results.md, `kind: compare`).
 * For each column — the base, then each variant — every point model's forecast on each issue with
 * a threshold, P(≥ threshold) over draws of the inputs' ranges (with `draws` > 0), each
 * commitment candidate's level and P(commits), the coalition's members; and each number's
 * difference from the base. Pure: the variants arrive applied; no I/O.
 */
import { isBargained } from '../core/compile.ts';
import { contentHash } from '../core/hash.ts';
import type { Scenario } from '../core/scenario.ts';
import { COALITION_DRAWS, type ModelRun, runForecast } from './forecast.ts';
import { forecastHeadline, headlineLines } from './headline.ts';
import { emptyMcChunk, mergeMcChunk } from './monte-carlo/chunk-result.ts';
import { prepareMonteCarlo } from './monte-carlo/job.ts';
import { summarizeMonteCarlo } from './monte-carlo/summarize.ts';
import { runMcChunk } from './monte-carlo/task.ts';
import { type ResultHeader, resultHeader } from '../core/result.ts';

/** An input's value for display: a number or measure (value and range), else short text. */
export type InputValue =
  | { readonly value: number; readonly low: number | null; readonly high: number | null }
  | { readonly text: string };

/** One change of a column, as applied (`src/formats/variants.ts`). */
export interface CompareInputChange {
  readonly kind: string;
  readonly target: string;
  /** The change's stated rationale: how the new number follows from the evidence. */
  readonly note: string | null;
  /** The variant the change belongs to (a variant that `extends` another carries its changes). */
  readonly variant?: string | null;
  /** Evidence ids the change cites. */
  readonly evidence?: readonly string[];
  /** Also done (a removed actor leaving the coalition block…). */
  readonly effects?: readonly string[];
  /** Each input changed: its path (list elements by id), the base value and the variant's (null: absent). */
  readonly fields?: readonly {
    readonly path: string;
    readonly base: InputValue | null;
    readonly variant: InputValue | null;
  }[];
}

/** One column: the base scenario or a variant applied to it. */
export interface CompareInput {
  /** `base`, or the variant's id. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly extends?: string;
  readonly scenario: Scenario;
  /** The variant's changes as `kind target`, with their notes. */
  readonly changes: readonly CompareInputChange[];
  readonly warnings: readonly string[];
}

export interface CompareOptions {
  readonly models: readonly ModelRun[];
  readonly seed: number;
  /** Draws of the bargaining models' inputs for P(≥ threshold); 0 for none. */
  readonly draws: number;
  /** Draws of the commitment terms for P(commits) (default 500; 0: levels only). */
  readonly commitmentDraws?: number;
}

export interface CompareIssueCell {
  /** Model id → forecast on the issue's scale. */
  readonly forecasts: Record<string, number>;
  /** Model id → whether the forecast reaches the threshold (the forecast's verdict, with its tolerance). */
  readonly meets: Record<string, boolean>;
  /** Model id → P(outcome ≥ threshold) over the draws; null without draws. */
  readonly pAtOrAbove: Record<string, number> | null;
}

export interface CompareCandidateCell {
  readonly level: string;
  readonly commits: boolean;
  /** P(commits) over the draws; null without draws. */
  readonly pCommits: number | null;
  /** The best level not chosen, and U(level) − U(runner-up): how far the choice is from flipping. */
  readonly runnerUp: string | null;
  readonly margin: number;
}

export interface CompareColumn {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly extends: string | null;
  readonly hash: string;
  readonly changes: readonly CompareInputChange[];
  readonly warnings: readonly string[];
  /** The answer in short (src/analysis/headline.ts), as the CLI, the dashboard and the reports say it. */
  readonly headline: string[];
  /** Issue id → cell (issues with a threshold). */
  readonly issues: Record<string, CompareIssueCell>;
  /** Null without a commitment block. */
  readonly commitment: {
    readonly members: string[];
    readonly prevail: number;
    readonly credibility: number;
    readonly candidates: Record<string, CompareCandidateCell>;
  } | null;
  /** The same numbers minus the base's (null for the base column). */
  readonly diff: {
    readonly issues: Record<
      string,
      { forecasts: Record<string, number>; pAtOrAbove: Record<string, number> | null }
    >;
    readonly commitment: {
      readonly pCommits: Record<string, number | null>;
      readonly margin: Record<string, number>;
      readonly prevail: number;
      readonly credibility: number;
    } | null;
    /** Candidates whose level differs from the base's. */
    readonly levelChanges: string[];
    /** Members that joined / left relative to the base. */
    readonly joined: string[];
    readonly left: string[];
  } | null;
}

export interface CompareResult extends ResultHeader<'compare'> {
  readonly draws: number;
  readonly commitmentDraws: number;
  readonly models: { id: string; name: string; options: Record<string, unknown> }[];
  readonly issues: { id: string; name: string; threshold: { value: number; label: string } }[];
  readonly candidates: { id: string; name: string }[];
  readonly columns: CompareColumn[];
}

function column(input: CompareInput, opts: CompareOptions, issueIds: readonly string[]) {
  const forecast = runForecast(input.scenario, opts.models, {
    seed: opts.seed,
    trace: false,
    coalitionDraws: opts.commitmentDraws ?? COALITION_DRAWS,
  });
  const issues: Record<string, CompareIssueCell> = {};
  for (const f of forecast.issues) {
    if (!issueIds.includes(f.id)) continue;
    issues[f.id] = {
      forecasts: { ...f.forecasts },
      meets: Object.fromEntries(Object.entries(f.verdicts).map(([m, v]) => [m, v.meets])),
      pAtOrAbove: null,
    };
  }
  if (opts.draws > 0 && issueIds.length > 0 && opts.models.length > 0) {
    const prepared = prepareMonteCarlo(input.scenario, opts.models, {
      runs: opts.draws,
      seed: opts.seed,
      issueIds,
    });
    const total = emptyMcChunk(prepared.job);
    for (let k = 0; k < prepared.chunks; k++) mergeMcChunk(total, runMcChunk(prepared.job, k));
    const mc = summarizeMonteCarlo(input.scenario, prepared, {
      total,
      chunksDone: prepared.chunks,
      partial: false,
    });
    for (const issue of mc.issues) {
      const cell = issues[issue.id];
      if (!cell) continue;
      const p: Record<string, number> = {};
      for (const [model, o] of Object.entries(issue.outcomes)) p[model] = o.pAtOrAbove?.p ?? NaN;
      issues[issue.id] = { ...cell, pAtOrAbove: p };
    }
  }
  const c = forecast.coalition;
  const commitment = c
    ? {
        members: c.selected.members,
        prevail: c.selected.prevail,
        credibility: c.credibility,
        candidates: Object.fromEntries(
          c.candidates.map((row) => [
            row.id,
            {
              level: row.level,
              commits: row.commits,
              pCommits: row.probabilities?.commits ?? null,
              runnerUp: row.runnerUp,
              margin: row.margin,
            },
          ]),
        ),
      }
    : null;
  return { forecast, issues, commitment };
}

const minus = (a: Record<string, number>, b: Record<string, number> | undefined) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b?.[k] ?? NaN)]));

/** Compares `inputs` (the base first) on the same models, seed and draws. */
export function compareScenarios(
  inputs: readonly CompareInput[],
  opts: CompareOptions,
): CompareResult {
  const base = inputs[0]!;
  const issues = base.scenario.issues.filter((i) => i.threshold && isBargained(i));
  const issueIds = issues.map((i) => i.id);
  const columns: CompareColumn[] = [];
  let baseCol: ReturnType<typeof column> | undefined;
  for (const input of inputs) {
    const col = column(input, opts, issueIds);
    baseCol ??= col;
    const isBase = columns.length === 0;
    let diff: CompareColumn['diff'] = null;
    if (!isBase) {
      const b = baseCol;
      const issueDiff: NonNullable<CompareColumn['diff']>['issues'] = {};
      for (const [id, cell] of Object.entries(col.issues)) {
        const bc = b.issues[id];
        issueDiff[id] = {
          forecasts: minus(cell.forecasts, bc?.forecasts),
          pAtOrAbove:
            cell.pAtOrAbove && bc?.pAtOrAbove ? minus(cell.pAtOrAbove, bc.pAtOrAbove) : null,
        };
      }
      const cm = col.commitment;
      const bm = b.commitment;
      const levelChanges: string[] = [];
      let commitment: NonNullable<CompareColumn['diff']>['commitment'] = null;
      if (cm && bm) {
        const pCommits: Record<string, number | null> = {};
        const margin: Record<string, number> = {};
        for (const [id, cell] of Object.entries(cm.candidates)) {
          const bcell = bm.candidates[id];
          margin[id] = cell.margin - (bcell?.margin ?? NaN);
          pCommits[id] =
            cell.pCommits !== null && bcell?.pCommits != null
              ? cell.pCommits - bcell.pCommits
              : null;
          if (bcell && bcell.level !== cell.level) levelChanges.push(id);
        }
        commitment = {
          pCommits,
          margin,
          prevail: cm.prevail - bm.prevail,
          credibility: cm.credibility - bm.credibility,
        };
      }
      diff = {
        issues: issueDiff,
        commitment,
        levelChanges,
        joined: (cm?.members ?? []).filter((m) => !(bm?.members ?? []).includes(m)),
        left: (bm?.members ?? []).filter((m) => !(cm?.members ?? []).includes(m)),
      };
    }
    columns.push({
      id: input.id,
      name: input.name,
      description: input.description ?? null,
      extends: input.extends ?? null,
      hash: contentHash(input.scenario),
      changes: input.changes,
      warnings: input.warnings,
      headline: headlineLines(forecastHeadline(col.forecast)),
      issues: col.issues,
      commitment: col.commitment,
      diff,
    });
  }
  const s = base.scenario;
  const cands = s.coalition?.commitment ? s.coalition.candidates : [];
  return {
    ...resultHeader('compare', s, opts.seed),
    draws: opts.draws,
    commitmentDraws: s.coalition?.commitment ? (opts.commitmentDraws ?? COALITION_DRAWS) : 0,
    models: opts.models.map((r) => ({ id: r.model.id, name: r.model.name, options: r.options })),
    issues: issues.map((i) => ({ id: i.id, name: i.name, threshold: i.threshold! })),
    candidates: cands.map((id) => ({ id, name: s.actors.find((a) => a.id === id)?.name ?? id })),
    columns,
  };
}
