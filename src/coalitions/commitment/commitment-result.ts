/**
 * The `commitment` result (docs/results.md): the selected equilibrium and every pure equilibrium,
 * each candidate's choice with its terms and what would flip it, "who joins if X joins", and —
 * with draws — P(commits at level ≥ k), the distribution of member sets, and each term's effect on
 * P(commits) when knocked out. Pure: `prepareCommitment` plans the Monte Carlo jobs, a shell runs
 * them on any executor, `assembleCommitment` folds their totals into the result.
 */
import type { Scenario } from '../../core/scenario.ts';
import type { SamplingOptions } from '../../analysis/uncertainty/sampler.ts';
import { SAMPLING_DEFAULTS } from '../../analysis/uncertainty/sampler.ts';
import {
  type CompiledCommitment,
  TERM_NAMES,
  type TermName,
  WEIGHT_SLOTS,
  compileCommitment,
  rangedInputs,
} from './commitment-input.ts';
import {
  MAX_PROFILES,
  type SelectionRule,
  enumerateEquilibria,
  selectEquilibrium,
  totalUtility,
} from './equilibria.ts';
import { explainChoice } from './explain.ts';
import { findFlips } from './flips.ts';
import { createTables, fillTables } from './game.ts';
import {
  type CommitmentMcChunk,
  type CommitmentMcJob,
  MAX_MASK_CANDIDATES,
  commitmentMcJob,
} from './monte-carlo.ts';
import { type ResultHeader, resultHeader } from '../../core/result.ts';

export interface CommitmentRequest {
  /** Capability measure (default: the scenario's `capabilityMeasure`). */
  readonly measure?: string;
  /** Monte Carlo draws over the terms' ranges; 0 for the point analysis only. */
  readonly draws: number;
  readonly seed: number;
  readonly sampling?: Partial<SamplingOptions>;
  /** "Who joins if X joins": hold this candidate at the join level (or its own level if higher). */
  readonly ifJoins?: string;
  /** Levers may go beyond the evidence ranges (to each input's natural bounds). */
  readonly beyondRange?: boolean;
  /** Also run one Monte Carlo per term with that term knocked out (default: with draws). */
  readonly knockout?: boolean;
}

export interface PlannedJob {
  /** `main`, `if`, or `without:<term>`. */
  readonly key: string;
  readonly job: CommitmentMcJob;
  readonly chunks: number;
}

export interface PreparedCommitment {
  readonly compiled: CompiledCommitment;
  readonly request: CommitmentRequest;
  readonly jobs: readonly PlannedJob[];
  /** Index of the `ifJoins` candidate, or −1. */
  readonly ifIndex: number;
  readonly ifLevel: number;
}

type LevelMap = Record<string, string>;

export interface CommitmentProfile {
  /** Level id per candidate id. */
  readonly levels: LevelMap;
  /** Candidates at or above the join level, in scenario order. */
  readonly members: string[];
  /** Σ of the candidates' utilities (the welfare rule's criterion). */
  readonly totalUtility: number;
  /** The coalition's chance of prevailing at this profile. */
  readonly prevail: number;
}

export interface CandidateRow {
  readonly id: string;
  readonly name: string;
  readonly current: string;
  /** The level in the selected equilibrium. */
  readonly level: string;
  readonly commits: boolean;
  readonly runnerUp: string | null;
  /** U(level) − U(runner-up). */
  readonly margin: number;
  /**
   * U(join level) − U(level) at the selected profile, the others' levels held: how far the
   * candidate stands from joining (≤ 0; null when it already joins). Moves with every input even
   * where P(commits) is 0, so it ranks the reluctant.
   */
  readonly toJoin: number | null;
  /** Utility per level, term by term (the terms sum to `utility`). */
  readonly utilities: { level: string; utility: number; terms: Record<TermName, number> }[];
  /** term(level) − term(runner-up), the largest first. */
  readonly decisive: { term: TermName; difference: number }[];
  /** With draws: P(level = k) and P(level ≥ k) per level id, P(commits) and its standard error. */
  readonly probabilities: {
    readonly level: Record<string, number>;
    readonly atLeast: Record<string, number>;
    readonly commits: number;
    readonly se: number;
  } | null;
  /** With draws: P(commits) with each term knocked out, minus P(commits) with all terms. */
  readonly withoutTerm: Record<TermName, number> | null;
  /** The nearest change of this candidate's level per input, nearest first. */
  readonly flips: {
    input: string;
    path: string;
    actor: string;
    from: number;
    to: number;
    change: number;
    shareOfRange: number | null;
    withinRange: boolean;
    level: string;
  }[];
}

export interface CommitmentResult extends ResultHeader<'commitment'> {
  readonly question: string | null;
  readonly lead: string;
  readonly rival: string;
  /** The lead's and the rival's names (the scenario's actors). */
  readonly leadName: string;
  readonly rivalName: string;
  readonly capabilityMeasure: string;
  readonly credibility: number;
  readonly levels: { id: string; label: string; contribution: number; exposure: number }[];
  readonly joinLevel: string;
  /** True when levers were searched beyond the evidence ranges (`--beyond-range`). */
  readonly beyondRange: boolean;
  readonly selected: CommitmentProfile & { rule: SelectionRule; ruleText: string };
  readonly equilibria: { count: number; listed: CommitmentProfile[]; examined: number } | null;
  readonly candidates: CandidateRow[];
  /** For each candidate X: the selected profile when X is held at the join level (or above). */
  readonly ifJoins: {
    candidate: string;
    level: string;
    profile: CommitmentProfile;
    rule: SelectionRule;
  }[];
  readonly monteCarlo: {
    readonly draws: number;
    readonly seed: number;
    readonly sampling: SamplingOptions;
    readonly ranged: number;
    readonly rules: Record<SelectionRule, number>;
    /** Member sets with their probability, the likeliest first. */
    readonly memberSets: { members: string[]; p: number }[] | null;
    /** P(at least m members), m = 0..N. */
    readonly atLeastMembers: number[] | null;
    /** P(the coalition includes every one of these members), for every set of one or two. */
    readonly includes: { members: string[]; p: number }[] | null;
    /** With `ifJoins`: each other candidate's P(commits) given X joins. */
    readonly given: { candidate: string; level: string; commits: Record<string, number> } | null;
  } | null;
  readonly inputs: {
    id: string;
    path: string;
    actor: string;
    value: number;
    low: number;
    high: number;
    evidence: readonly string[];
    unverified: boolean;
  }[];
  readonly warnings: string[];
}

export const RULE_TEXT: Record<SelectionRule, string> = {
  'best-response-path':
    'reached from today’s levels when each candidate in turn moves to its best reply to the others',
  welfare:
    'the best-response path cycles; of the pure equilibria, the one with the highest total utility',
  none: 'no pure equilibrium: the profile where the best-response path stopped',
};

/** Plans the point analysis's Monte Carlo jobs. */
export function prepareCommitment(s: Scenario, request: CommitmentRequest): PreparedCommitment {
  const compiled = compileCommitment(s, request.measure);
  const { input } = compiled;
  const ifIndex =
    request.ifJoins === undefined ? -1 : compiled.candidateIds.indexOf(request.ifJoins);
  const jobs: PlannedJob[] = [];
  let ifLevel = -1;
  let fixed: Int32Array | null = null;
  if (ifIndex >= 0) {
    const base = pointProfile(compiled, null);
    ifLevel = Math.max(input.joinLevel, base.profile[ifIndex]!);
    fixed = new Int32Array(input.n).fill(-1);
    fixed[ifIndex] = ifLevel;
  }
  if (request.draws > 0) {
    const plan = {
      runs: request.draws,
      seed: request.seed,
      ...(request.sampling ? { sampling: request.sampling } : {}),
    };
    const main = commitmentMcJob(compiled, plan);
    jobs.push({ key: 'main', ...main });
    if (fixed) jobs.push({ key: 'if', ...commitmentMcJob(compiled, { ...plan, fixed }) });
    if (request.knockout ?? true) {
      TERM_NAMES.forEach((term, t) => {
        jobs.push({
          key: `without:${term}`,
          ...commitmentMcJob(compiled, { ...plan, zero: [WEIGHT_SLOTS[t]!] }),
        });
      });
    }
  }
  return { compiled, request, jobs, ifIndex, ifLevel };
}

function pointProfile(compiled: CompiledCommitment, fixed: Int32Array | null) {
  const { input } = compiled;
  const tables = createTables(input);
  fillTables(input, input.params, tables);
  const profile = new Int32Array(input.n);
  const rule = selectEquilibrium(tables, input.current, fixed, profile);
  return { tables, profile, rule };
}

function describeProfile(
  compiled: CompiledCommitment,
  tables: ReturnType<typeof createTables>,
  profile: Int32Array,
): CommitmentProfile {
  const { input, candidateIds, levelIds } = compiled;
  const levels: LevelMap = {};
  const members: string[] = [];
  let A = tables.leadCapability;
  candidateIds.forEach((id, i) => {
    const k = profile[i]!;
    levels[id] = levelIds[k]!;
    if (k >= input.joinLevel) members.push(id);
    A += tables.cm[i * input.levels + k]!;
  });
  const total = A + tables.rivalCapability;
  return {
    levels,
    members,
    totalUtility: totalUtility(tables, profile),
    prevail: total > 0 ? A / total : 0,
  };
}

/** Folds the point analysis and the Monte Carlo totals (by job key) into the result. */
export function assembleCommitment(
  s: Scenario,
  prepared: PreparedCommitment,
  totals: ReadonlyMap<string, CommitmentMcChunk>,
): CommitmentResult {
  const { compiled, request } = prepared;
  const { input, candidateIds, levelIds } = compiled;
  const { n, levels: L, joinLevel } = input;
  const warnings: string[] = [];
  const { tables, profile, rule } = pointProfile(compiled, null);

  let equilibria: CommitmentResult['equilibria'] = null;
  if (L ** n <= MAX_PROFILES) {
    const set = enumerateEquilibria(tables, null, 50);
    const listed: CommitmentProfile[] = [];
    for (let e = 0; e < set.kept; e++) {
      listed.push(describeProfile(compiled, tables, set.profiles.subarray(e * n, (e + 1) * n)));
    }
    equilibria = { count: set.count, listed, examined: set.examined };
    if (set.count > 1)
      warnings.push(
        `${set.count} pure equilibria: the selected one is ${RULE_TEXT[rule]}; the others are listed`,
      );
  } else {
    warnings.push(
      `${L}^${n} profiles are too many to enumerate every equilibrium; the selected one is shown`,
    );
  }
  if (rule === 'none')
    warnings.push('no pure equilibrium exists: the candidates’ best replies cycle');

  const main = totals.get('main');
  const flips = findFlips(compiled, profile, { beyondRange: request.beyondRange ?? false });
  const commitsOf = (chunk: CommitmentMcChunk, i: number) => {
    let c = 0;
    for (let k = joinLevel; k < L; k++) c += chunk.levels[i * L + k]!;
    return chunk.runs > 0 ? c / chunk.runs : NaN;
  };

  const candidates: CandidateRow[] = candidateIds.map((id, i) => {
    const ex = explainChoice(input, input.params, tables, profile, i);
    let probabilities: CandidateRow['probabilities'] = null;
    if (main && main.runs > 0) {
      const level: Record<string, number> = {};
      const atLeast: Record<string, number> = {};
      let tail = 0;
      for (let k = L - 1; k >= 0; k--) {
        const p = main.levels[i * L + k]! / main.runs;
        tail += p;
        level[levelIds[k]!] = p;
        atLeast[levelIds[k]!] = Math.min(1, tail);
      }
      const commits = commitsOf(main, i);
      probabilities = {
        level: Object.fromEntries(levelIds.map((l) => [l, level[l]!])),
        atLeast: Object.fromEntries(levelIds.map((l) => [l, atLeast[l]!])),
        commits,
        se: Math.sqrt((commits * (1 - commits)) / main.runs),
      };
    }
    let withoutTerm: CandidateRow['withoutTerm'] = null;
    if (main && totals.has(`without:${TERM_NAMES[0]}`)) {
      const base = commitsOf(main, i);
      withoutTerm = Object.fromEntries(
        TERM_NAMES.map((t) => [t, commitsOf(totals.get(`without:${t}`)!, i) - base]),
      ) as Record<TermName, number>;
    }
    return {
      id,
      name: compiled.candidateNames[i]!,
      current: levelIds[input.current[i]!]!,
      level: levelIds[ex.chosen]!,
      commits: ex.chosen >= joinLevel,
      runnerUp: ex.runnerUp < 0 ? null : levelIds[ex.runnerUp]!,
      margin: ex.margin,
      toJoin:
        ex.chosen >= joinLevel
          ? null
          : ex.byLevel.find((u) => u.level === joinLevel)!.utility -
            ex.byLevel.find((u) => u.level === ex.chosen)!.utility,
      utilities: ex.byLevel.map((u) => ({
        level: levelIds[u.level]!,
        utility: u.utility,
        terms: u.terms,
      })),
      decisive: ex.decisive,
      probabilities,
      withoutTerm,
      flips: flips
        .filter((f) => f.candidate === i)
        .map((f) => ({
          input: f.input.id,
          path: f.input.path.join('.'),
          actor: f.input.actor,
          from: f.input.mode,
          to: f.value,
          change: f.change,
          shareOfRange: Number.isFinite(f.shareOfRange) ? f.shareOfRange : null,
          withinRange: f.withinRange,
          level: levelIds[f.to]!,
        })),
    };
  });

  const ifJoins = candidateIds.map((id, x) => {
    const level = Math.max(joinLevel, profile[x]!);
    const fixed = new Int32Array(n).fill(-1);
    fixed[x] = level;
    const out = new Int32Array(n);
    const r = selectEquilibrium(tables, input.current, fixed, out);
    return {
      candidate: id,
      level: levelIds[level]!,
      profile: describeProfile(compiled, tables, out),
      rule: r,
    };
  });

  let monteCarlo: CommitmentResult['monteCarlo'] = null;
  if (main && main.runs > 0) {
    const runs = main.runs;
    const masks = n <= MAX_MASK_CANDIDATES ? main.members : null;
    const membersOf = (mask: number) => candidateIds.filter((_, i) => (mask >> i) & 1);
    let memberSets: { members: string[]; p: number }[] | null = null;
    let atLeastMembers: number[] | null = null;
    let includes: { members: string[]; p: number }[] | null = null;
    if (masks) {
      memberSets = [];
      atLeastMembers = new Array<number>(n + 1).fill(0);
      for (let mask = 0; mask < masks.length; mask++) {
        const c = masks[mask]!;
        if (c === 0) continue;
        memberSets.push({ members: membersOf(mask), p: c / runs });
        let size = 0;
        for (let i = 0; i < n; i++) size += (mask >> i) & 1;
        for (let m = 0; m <= size; m++) atLeastMembers[m]! += c / runs;
      }
      memberSets.sort((a, b) => b.p - a.p || a.members.length - b.members.length);
      includes = [];
      const sets: number[] = [];
      for (let i = 0; i < n; i++) sets.push(1 << i);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sets.push((1 << i) | (1 << j));
      for (const set of sets) {
        let c = 0;
        for (let mask = 0; mask < masks.length; mask++) if ((mask & set) === set) c += masks[mask]!;
        includes.push({ members: membersOf(set), p: c / runs });
      }
    }
    const ifTotal = totals.get('if');
    const given =
      ifTotal && prepared.ifIndex >= 0
        ? {
            candidate: candidateIds[prepared.ifIndex]!,
            level: levelIds[prepared.ifLevel]!,
            commits: Object.fromEntries(candidateIds.map((id, i) => [id, commitsOf(ifTotal, i)])),
          }
        : null;
    monteCarlo = {
      draws: runs,
      seed: request.seed,
      sampling: { ...SAMPLING_DEFAULTS, ...request.sampling },
      ranged: rangedInputs(compiled).length,
      rules: {
        'best-response-path': main.rules[0]! / runs,
        welfare: main.rules[1]! / runs,
        none: main.rules[2]! / runs,
      },
      memberSets,
      atLeastMembers,
      includes,
      given,
    };
    if (main.rules[2]! > 0)
      warnings.push(
        `${((100 * main.rules[2]!) / runs).toFixed(1)}% of draws have no pure equilibrium (counted at the profile where the path stopped)`,
      );
  }
  const block = s.coalition!.commitment!;
  return {
    ...resultHeader('commitment', s, request.seed),
    question: s.coalition!.question ?? null,
    lead: compiled.lead,
    rival: compiled.rival,
    leadName: s.actors.find((a) => a.id === compiled.lead)?.name ?? compiled.lead,
    rivalName: s.actors.find((a) => a.id === compiled.rival)?.name ?? compiled.rival,
    capabilityMeasure: compiled.capabilityMeasure,
    credibility: input.params[0]!,
    levels: block.levels.map((l) => ({
      id: l.id,
      label: l.label,
      contribution: l.contribution,
      exposure: l.exposure,
    })),
    joinLevel: levelIds[joinLevel]!,
    beyondRange: request.beyondRange ?? false,
    selected: { ...describeProfile(compiled, tables, profile), rule, ruleText: RULE_TEXT[rule] },
    equilibria,
    candidates,
    ifJoins,
    monteCarlo,
    inputs: compiled.inputs.map((x) => ({
      id: x.id,
      path: x.path.join('.'),
      actor: x.actor,
      value: x.mode,
      low: x.low,
      high: x.high,
      evidence: x.evidence,
      unverified: x.unverified,
    })),
    warnings,
  };
}
