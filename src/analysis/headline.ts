/**
 * The headline of a forecast: the answer to the scenario's question in a few lines, computed once
 * from the result and shown first by every face (CLI text, `--json`, reports, the workbench's
 * dashboard). It only restates what the models said — who commits and how far (the commitment
 * model), and per bargained issue the spread of the models' forecasts and how many reach the
 * threshold — with the diagnostics that qualify it. Pure.
 */
import type { ForecastResult } from './forecast.ts';

export interface Headline {
  /** The coalition answer (null without a commitment block). */
  readonly coalition: {
    readonly lead: string;
    readonly rival: string;
    readonly rivalName: string;
    readonly joinLevel: string;
    /** The join level's label, e.g. "Joint operations". */
    readonly joinLabel: string;
    readonly members: string[];
    readonly memberNames: string[];
    /** P(at least one member) over the draws, with the number of draws; null without draws. */
    readonly pAnyMember: { p: number; draws: number } | null;
    /** Each candidate's level in the selected equilibrium and its P(commits) (null without draws). */
    readonly candidates: {
      id: string;
      name: string;
      level: string;
      levelLabel: string;
      pCommits: number | null;
    }[];
    /** Candidates that do not join, nearest to joining first (utility gap to the join level). */
    readonly nearest: { id: string; name: string; gap: number }[];
  } | null;
  /** Per bargained issue with forecasts: the models' range and how many reach the threshold. */
  readonly issues: {
    readonly id: string;
    readonly name: string;
    readonly low: number;
    readonly high: number;
    readonly models: number;
    readonly threshold: { value: number; label: string; meeting: number } | null;
    /** Diagnostics on this issue, by kind (e.g. dictator, knife-edge), for "read with care". */
    readonly caveats: string[];
  }[];
}

export function forecastHeadline(r: ForecastResult): Headline {
  const c = r.coalition;
  const label = (level: string) => c?.levels.find((l) => l.id === level)?.label ?? level;
  const name = (id: string) => c?.candidates.find((x) => x.id === id)?.name ?? id;
  const coalition: Headline['coalition'] = c
    ? {
        lead: c.lead,
        rival: c.rival,
        rivalName: c.rivalName,
        joinLevel: c.joinLevel,
        joinLabel: label(c.joinLevel),
        members: c.selected.members,
        memberNames: c.selected.members.map(name),
        pAnyMember:
          c.monteCarlo?.atLeastMembers && c.monteCarlo.atLeastMembers.length > 1
            ? { p: c.monteCarlo.atLeastMembers[1]!, draws: c.monteCarlo.draws }
            : null,
        candidates: c.candidates.map((x) => ({
          id: x.id,
          name: x.name,
          level: x.level,
          levelLabel: label(x.level),
          pCommits: x.probabilities ? x.probabilities.commits : null,
        })),
        nearest: c.candidates
          .filter((x) => x.toJoin !== null)
          .map((x) => ({ id: x.id, name: x.name, gap: x.toJoin! }))
          .sort((a, b) => b.gap - a.gap),
      }
    : null;
  const issues = r.issues.map((issue) => {
    const values = Object.values(issue.forecasts).filter((x) => Number.isFinite(x));
    const meeting = Object.values(issue.verdicts).filter((v) => v.meets).length;
    const caveats = [
      ...new Set(r.diagnostics.filter((d) => d.issue === issue.id).map((d) => d.kind)),
    ];
    return {
      id: issue.id,
      name: issue.name,
      low: values.length ? Math.min(...values) : NaN,
      high: values.length ? Math.max(...values) : NaN,
      models: values.length,
      threshold: issue.threshold ? { ...issue.threshold, meeting } : null,
      caveats,
    };
  });
  return { coalition, issues };
}

/** "Joint operations" → "joint operations" (not "US …": an all-capitals word stays). */
const lowerFirst = (s: string) =>
  s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const signed = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(2)}`;

/** The headline in plain lines (no indentation), for the CLI and the Markdown report. */
export function headlineLines(h: Headline): string[] {
  const out: string[] = [];
  const c = h.coalition;
  if (c) {
    const who = c.members.length ? `${c.memberNames.join(', ')} commit` : 'no ally commits';
    const join = lowerFirst(c.joinLabel);
    const p = c.pAnyMember
      ? ` (P(at least one member) = ${c.pAnyMember.p.toFixed(2)} over ${c.pAnyMember.draws} draws of the evidence ranges)`
      : '';
    out.push(
      `Who joins: ${who} to ${join} or above against ${c.rivalName}${p}. Levels chosen: ${c.candidates
        .map(
          (x) =>
            `${x.name}: ${lowerFirst(x.levelLabel)}${x.pCommits === null ? '' : ` (P ${x.pCommits.toFixed(2)})`}`,
        )
        .join('; ')}.`,
    );
    if (c.nearest.length > 1) {
      out.push(
        `Nearest to joining: ${c.nearest.map((x) => x.name).join(' > ')} (utility gaps to ${join}: ${c.nearest.map((x) => signed(x.gap)).join(', ')}).`,
      );
    }
  }
  for (const i of h.issues) {
    if (i.models === 0) continue;
    const spread = i.low === i.high ? f1(i.low) : `${f1(i.low)}–${f1(i.high)}`;
    const t = i.threshold
      ? `; ${i.threshold.meeting} of ${i.models} models reach ${i.threshold.value} (${i.threshold.label})`
      : '';
    const care = i.caveats.length ? `; read with: ${i.caveats.join(', ')}` : '';
    out.push(`${i.name}: the models forecast ${spread}${t}${care}.`);
  }
  return out;
}
