/**
 * Human output of `entente power`, `entente sides` and `entente coalitions`, and the "Who joins"
 * section of `entente forecast` for scenarios with a coalition question. Pure: results in, text out.
 */
import { scenarioCoalitionSpec } from '../../coalitions/coalition-input.ts';
import { type CoalitionReport, coalitionReport } from '../../coalitions/coalition-report.ts';
import type { CoalitionsResult } from '../../coalitions/coalitions-result.ts';
import { silhouetteStrength } from '../../coalitions/blocs/position-blocs.ts';
import type { PowerResult } from '../../coalitions/power/power-result.ts';
import type { SidesCommandResult } from '../../coalitions/sides/sides-result.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { Scenario } from '../../core/scenario.ts';
import { coalitionAnswer } from '../../analysis/forecast.ts';
import type { CommitmentResult } from '../../coalitions/commitment/commitment-result.ts';
import { nearestToJoin } from '../../coalitions/commitment/explain.ts';
import { type Cell, formatNumber, renderTable } from '../../report/text/table.ts';

/** A fraction shown beside its decimal when it is short enough to read. */
function withFraction(x: number, exact: string): string {
  const dec = x.toFixed(4);
  return exact.length <= 15 && exact.includes('/') ? `${dec} (${exact})` : dec;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Fixed digits without a "-0.0000". */
const fixed = (x: number, digits: number): string => {
  const t = x.toFixed(digits);
  return /^-0\.0*$/.test(t) ? t.slice(1) : t;
};

export function renderPower(r: PowerResult): string {
  const out: string[] = [];
  const g = r.game;
  if (r.scenario) {
    out.push(`${r.scenario.title}`);
    out.push(
      `Power on issue ${r.issue}: weights c·s rescaled to integers (total ${g.totalWeight}, resolution ${g.resolution}; rounding moves a share by at most ${(100 * g.maxShareError!).toFixed(4)} points)`,
    );
    out.push(
      `Quota ${g.quota}: a coalition wins with more than ${pct(g.quotaFraction!)} of the total weight.`,
    );
  } else {
    const ws = r.players.map((p) => p.weight).join(', ');
    out.push(
      `Weighted game [${g.quota}; ${ws}]: ${r.players.length} players, total weight ${g.totalWeight}.`,
    );
    out.push(`Quota ${g.quota} = ${pct(g.quota / g.totalWeight)} of the total weight.`);
  }
  if (!g.proper)
    out.push('Not proper: two disjoint coalitions can both win (quota ≤ half the total).');
  out.push('');
  const rows: Cell[][] = [...r.players]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (r.scenario ? b.p.shapleyShubik - a.p.shapleyShubik || a.i - b.i : a.i - b.i))
    .map(({ p }) => [
      p.player,
      ...(r.scenario ? [formatNumber(p.realWeight!, 3)] : []),
      `${p.weight}`,
      withFraction(p.shapleyShubik, p.shapleyShubikExact),
      withFraction(p.banzhaf, p.banzhafExact),
      p.absoluteBanzhaf.toFixed(4),
      p.swings.length > 12 ? `${p.swings.slice(0, 4)}…e${p.swings.length - 1}` : p.swings,
    ]);
  const header = [
    r.scenario ? 'Actor' : 'Player',
    ...(r.scenario ? ['c·s'] : []),
    'Weight',
    'Shapley–Shubik',
    'Banzhaf (normalised)',
    'Banzhaf (absolute)',
    'Swings',
  ];
  out.push(renderTable(header, rows));
  out.push('');
  out.push(
    'Exact: coalitions counted by dynamic programming over integer weights, in exact integers (docs/coalitions.md).',
  );
  return out.join('\n');
}

const SIDE_WORDS = (between: readonly [string, string]) => ({
  A: `joins ${between[0]}`,
  B: `joins ${between[1]}`,
  out: 'stays out',
});

export function renderSides(r: SidesCommandResult): string {
  const out: string[] = [];
  const [a, b] = r.between;
  const words = SIDE_WORDS(r.between);
  out.push(r.scenario.title);
  out.push(
    `Choosing sides on issue ${r.issue}: ${a} (A) vs ${b} (B) — Altfeld & Bueno de Mesquita (1979). P(${a} prevails) = ${r.pA.toFixed(3)} from capabilities.`,
  );
  const c = r.coefficients;
  out.push(
    `Coefficients: trade cost ${c.tradeCost}, public weight ${c.publicWeight}, alliance value ${c.allianceValue}.`,
  );
  out.push('');
  const header = ['Actor', 'Position', 'Stake', `E(join ${a})`, `E(join ${b})`, 'Choice', 'Margin'];
  if (r.draws) header.push(`P(${a})`, `P(${b})`, 'P(out)');
  const rows: Cell[][] = r.actors.map((x) => {
    const row: Cell[] = [
      x.actor,
      x.position,
      fixed(x.stake, 3),
      fixed(x.joinA, 4),
      fixed(x.joinB, 4),
      x.decidedBy ? `${words[x.choice]} (commitment)` : words[x.choice],
      x.margin.toFixed(4),
    ];
    if (x.probabilities) {
      row.push(
        x.probabilities.A.toFixed(2),
        x.probabilities.B.toFixed(2),
        x.probabilities.out.toFixed(2),
      );
    }
    return row;
  });
  out.push(renderTable(header, rows));
  out.push('');
  out.push(
    `Stake > 0: prefers ${a}'s position to ${b}'s on this issue. E(stay out) = 0; the choice has the highest expected utility, margin = its lead over the next option.`,
  );
  if (r.draws) {
    out.push(
      `Probabilities: ${r.draws.draws} draws of ${r.draws.ranged} ranged inputs (triangular), seed ${r.draws.seed}.`,
    );
  }
  for (const w of r.warnings) out.push(`Note: ${w}`);
  return out.join('\n');
}

const yesNo = (b: boolean | null) => (b === null ? '?' : b ? 'yes' : 'no');
const group = (g: readonly string[]) => `{${g.join(', ')}}`;

function renderQuestion(q: CoalitionReport, decidedByCommitment = false): string[] {
  const out: string[] = [];
  const st = q.stability;
  const n = st.counts;
  out.push(
    `Coalitions of ${q.lead} with ${q.candidates.join(', ')} against ${q.rival} on issue ${q.issue}`,
  );
  out.push(
    `  ${n.coalitions} coalitions: ${n.ir} individually rational, ${n.nash} Nash stable, ${n.core} core stable${n.coreUnchecked ? ` (${n.coreUnchecked} not checked for the core)` : ''}.`,
  );
  out.push('');
  const shown = st.coalitions
    .filter((c) => c.individuallyRational || c.nashStable)
    .sort((x, y) => y.welfare - x.welfare)
    .slice(0, 12);
  const rows: Cell[][] = shown.map((c) => [
    c.members.length ? c.members.join(' + ') : `(${q.lead} alone)`,
    yesNo(c.individuallyRational),
    yesNo(c.nashStable),
    yesNo(c.coreStable),
    fixed(c.welfare, 4),
    fixed(c.payoffs[q.lead] ?? 0, 4),
  ]);
  out.push(
    renderTable(
      [`Coalition (with ${q.lead})`, 'IR', 'Nash', 'Core', 'Welfare', `${q.lead} payoff`],
      rows,
    ),
  );
  if (st.coalitions.length > shown.length) {
    out.push(
      `  (individually rational coalitions shown; all ${st.listed === 'all' ? n.coalitions : 'stable ones'} in --json)`,
    );
  }
  out.push('');
  const p = st.predicted;
  out.push(
    `  ${decidedByCommitment ? 'Most stable under these payoffs (not who joins: see the commitment model above)' : 'Predicted'}: ${[q.lead, ...p.members].join(' + ')} (${p.rule === 'nash' ? 'the Nash-stable coalition with the highest welfare' : 'no coalition is Nash stable: the individually rational one with the highest welfare'})`,
  );
  if (q.structure) {
    out.push(`  Welfare-maximising structure: ${q.structure.blocs.map(group).join(' ')}`);
  }
  return out;
}

export function renderCoalitions(r: CoalitionsResult): string {
  const out: string[] = [];
  out.push(r.scenario.title);
  out.push(
    `Blocs on issue ${r.blocs.issue} along the EUM's ${r.blocs.rounds} rounds. Positions: optimal 1-D k-means (Ckmeans.1d.dp), k by average silhouette. Compromise: Louvain communities of the round's compromise dyads (size ≥ 2 shown).`,
  );
  out.push('');
  for (const row of r.blocs.rows) {
    const fit =
      row.rule === 'one-bloc'
        ? 'no structure'
        : `k ${row.k}, silhouette ${row.silhouette.toFixed(2)} ${silhouetteStrength(row.silhouette)}`;
    out.push(
      `  ${row.round === 0 ? 'Start   ' : `Round ${String(row.round).padEnd(2)}`} positions   ${row.positionBlocs.map(group).join(' · ')}  (${fit})`,
    );
    if (row.communities) {
      const c = row.communities.filter((g) => g.length > 1);
      out.push(
        `           compromise  ${c.length ? c.map(group).join(' · ') : '(none)'}${row.modularity === null ? '' : `  (modularity ${row.modularity.toFixed(2)})`}`,
      );
    }
  }
  if (r.commitment) {
    const c = r.commitment;
    out.push('');
    out.push(
      `Who joins (the commitment model, \`entente commitment\`): ${c.members.length ? c.members.join(', ') : 'nobody'} at ${c.joinLevel} or above — ${Object.entries(
        c.levels,
      )
        .map(([id, l]) => `${id} ${l}`)
        .join(', ')}.`,
      '  The stability analysis below values coalitions by the issue positions alone (spatial payoffs, the block’s coefficients); it shows which coalitions would hold together, not who decides to join.',
    );
  }
  if (r.question) {
    out.push('');
    out.push(...renderQuestion(r.question, r.commitment !== null));
    if (r.question.draws) out.push('', ...drawLines(r.question));
    for (const w of r.question.warnings) out.push(`  Note: ${w}`);
  }
  return out.join('\n');
}

function drawLines(q: CoalitionReport): string[] {
  const d = q.draws!;
  const rows: Cell[][] = q.candidates.map((c) => [
    c,
    d.joins[c]!.inPredicted.toFixed(2),
    d.joins[c]!.joinsLeadSide.toFixed(2),
  ]);
  return [
    renderTable(['Candidate', 'P(in predicted coalition)', `P(joins ${q.lead}'s side)`], rows),
    `  ${d.draws} draws of ${d.ranged} ranged inputs (triangular), seed ${d.seed}.`,
  ];
}

/**
 * The "Who joins" section for a scenario with a commitment model (docs/spec/commitment.md): each
 * candidate's level in the selected equilibrium, its runner-up, the two terms that decide it and
 * P(commits) over 500 draws of the terms' ranges. It replaces the choosing-sides and stability
 * columns, whose costs had no evidence; `entente commitment` has the full answer.
 */
function renderWhoCommits(
  scenario: Scenario,
  options: { seed?: number; draws?: number; commitment?: CommitmentResult | null },
): string[] {
  const r =
    options.commitment ??
    coalitionAnswer(scenario, {
      seed: options.seed ?? DEFAULT_SEED,
      ...(options.draws === undefined ? {} : { coalitionDraws: options.draws }),
    });
  if (!r) return [];
  const out: string[] = [];
  const nameOf = (id: string) => r.candidates.find((c) => c.id === id)?.name ?? id;
  out.push(
    `Who joins: ${r.leadName}'s coalition against ${r.rivalName} (commitment model: each candidate chooses how far to commit)`,
  );
  out.push(
    `  Selected equilibrium: ${r.selected.members.length ? r.selected.members.map(nameOf).join(', ') : 'nobody'} ${r.selected.members.length > 1 ? 'join' : 'joins'} (${r.joinLevel} or above); ${r.selected.ruleText}`,
  );
  const header = [
    'Candidate',
    'Today',
    'Chooses',
    'Runner-up',
    'Deciding terms (chosen − runner-up)',
  ];
  if (r.monteCarlo) header.push('P(commits)');
  const rows: Cell[][] = r.candidates.map((c) => {
    const terms = c.decisive
      .slice(0, 2)
      .map((d) => `${d.term} ${d.difference >= 0 ? '+' : '−'}${Math.abs(d.difference).toFixed(3)}`)
      .join(', ');
    const row: Cell[] = [
      c.name,
      c.current,
      c.commits ? `${c.level} (joins)` : c.level,
      c.runnerUp ?? '–',
      terms,
    ];
    if (c.probabilities)
      row.push(`${c.probabilities.commits.toFixed(2)} ± ${(1.96 * c.probabilities.se).toFixed(2)}`);
    return row;
  });
  out.push(renderTable(header, rows));
  const gaps = nearestToJoin(r);
  if (gaps) out.push(`  ${gaps}`);
  out.push(
    `  ${r.monteCarlo ? `${r.monteCarlo.draws} draws of the terms' evidence ranges, seed ${r.seed}. ` : ''}Why, what would flip each choice, who joins if one joins: \`entente commitment\` (docs/spec/commitment.md).`,
  );
  return out;
}

/** Draws for the forecast's section; skipped for large questions to keep `forecast` quick. */
const WHO_JOINS_DRAWS = 500;
const WHO_JOINS_MAX_CANDIDATES = 8;

/**
 * The "Who joins" section of `entente forecast` for a scenario with a `coalition` block (empty
 * otherwise): per candidate, whether it is in the predicted stable coalition, its choice between the
 * sides, and how often it joins over draws of the scenario's ranges (500 by default when there are
 * at most 8 candidates, else none; seed DEFAULT_SEED unless given).
 */
export function renderWhoJoins(
  scenario: Scenario,
  options: { seed?: number; draws?: number; commitment?: CommitmentResult | null } = {},
): string[] {
  const spec = scenarioCoalitionSpec(scenario);
  if (!spec) return [];
  if (scenario.coalition?.commitment) return renderWhoCommits(scenario, options);
  const draws =
    options.draws ?? (spec.candidates!.length <= WHO_JOINS_MAX_CANDIDATES ? WHO_JOINS_DRAWS : 0);
  const q = coalitionReport(scenario, spec, { draws, seed: options.seed ?? DEFAULT_SEED });
  const predicted = new Set(q.stability.predicted.members);
  const side = new Map(q.sides.map((s) => [s.actor, s]));
  const words = { lead: `joins ${q.lead}`, rival: `joins ${q.rival}`, out: 'stays out' };
  const out: string[] = [];
  out.push(`Who joins: ${q.lead}'s coalition against ${q.rival} (issue ${q.issue})`);
  const stable = q.stability.coalitions.find(
    (c) => c.members.join() === q.stability.predicted.members.join(),
  );
  const flags = stable
    ? [stable.nashStable ? 'Nash stable' : '', stable.coreStable ? 'core stable' : '']
        .filter(Boolean)
        .join(', ') || 'individually rational only'
    : '';
  out.push(
    `  Predicted coalition: ${[q.lead, ...q.stability.predicted.members].join(' + ')}${flags ? ` (${flags})` : ''}`,
  );
  if (q.structure)
    out.push(`  Welfare-maximising structure: ${q.structure.blocs.map(group).join(' ')}`);
  const header = ['Candidate', 'In coalition', 'Sides (margin)'];
  if (q.draws) header.push('P(in coalition)', `P(joins ${q.lead}'s side)`);
  const rows: Cell[][] = q.candidates.map((c) => {
    const s = side.get(c);
    const row: Cell[] = [
      c,
      predicted.has(c) ? 'yes' : 'no',
      s ? `${words[s.choice]} (${s.margin.toFixed(3)})` : '–',
    ];
    if (q.draws) {
      row.push(
        q.draws.joins[c]!.inPredicted.toFixed(2),
        q.draws.joins[c]!.joinsLeadSide.toFixed(2),
      );
    }
    return row;
  });
  out.push(renderTable(header, rows));
  out.push(
    `  In coalition: a bloc with ${q.lead} beats standing alone against ${q.rival}, and the coalition is stable (payoffs from the scenario's coalition block).`,
    `  Sides: its own contribution to ${q.lead}'s odds outweighs its costs (Altfeld & Bueno de Mesquita 1979); "yes" with "stays out" = gains from the coalition but would not pay to tip the contest.`,
    `  ${q.draws ? `${q.draws.draws} draws of the scenario's ranges, seed ${q.draws.seed}. ` : ''}Details: \`entente coalitions\`, \`entente sides\`, docs/coalitions.md.`,
  );
  return out;
}
