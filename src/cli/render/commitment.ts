/** Text of `entente commitment`: who commits how far, why, and what would change it. Pure. */
import type { CommitmentResult } from '../../coalitions/commitment/commitment-result.ts';
import { nearestToJoin } from '../../coalitions/commitment/explain.ts';
import { renderTable } from '../../report/text/table.ts';

const TERM_WORDS: Record<string, string> = {
  security: 'security (protection kept)',
  prevail: 'stake in the coalition prevailing',
  war: 'expected cost of war',
  coercion: 'rival’s coercion',
  threat: 'entrapment / local threat',
  domestic: 'public opinion',
};

const sign = (x: number, digits = 3) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const pct = (p: number) => `${(100 * p).toFixed(0)}%`;

export function renderCommitment(r: CommitmentResult): string {
  const out: string[] = [];
  const levelLabel = new Map(r.levels.map((l) => [l.id, l.label]));
  out.push(`Who commits: ${r.lead}’s coalition against ${r.rival} (commitment model)`);
  out.push(
    `Scenario ${r.scenario.id} · ${r.scenario.hash.slice(0, 19)}… · seed ${r.seed} · entente ${r.entente}`,
  );
  if (r.question) out.push(`Question: ${r.question}`);
  out.push(
    `Ladder: ${r.levels.map((l) => l.id).join(' < ')}; joining = ${r.joinLevel} or above. Capability measure: ${r.capabilityMeasure}. Credibility of ${r.lead}: ${r.credibility.toFixed(2)}.`,
  );
  out.push('');
  const sel = r.selected;
  out.push(
    `Selected equilibrium (${sel.ruleText}): ${sel.members.length ? sel.members.join(', ') : 'nobody'} join${sel.members.length > 1 ? '' : 's'}; chance the coalition prevails ${sel.prevail.toFixed(2)}.`,
  );
  if (r.equilibria) {
    out.push(
      `Pure equilibria: ${r.equilibria.count} of ${r.equilibria.examined.toLocaleString('en-US')} profiles.`,
    );
  }
  out.push('');
  const mc = r.monteCarlo;
  out.push(
    renderTable(
      [
        'Candidate',
        'Today',
        'Chooses',
        'Runner-up',
        'Margin',
        ...(mc ? ['P(commits)', ...r.levels.slice(1).map((l) => `P(≥ ${l.id})`)] : []),
      ],
      r.candidates.map((c) => [
        c.name,
        c.current,
        c.commits ? `${c.level} (joins)` : c.level,
        c.runnerUp ?? '–',
        c.margin.toFixed(3),
        ...(mc && c.probabilities
          ? [
              `${c.probabilities.commits.toFixed(2)} ± ${(1.96 * c.probabilities.se).toFixed(2)}`,
              ...r.levels.slice(1).map((l) => c.probabilities!.atLeast[l.id]!.toFixed(2)),
            ]
          : []),
      ]),
    ),
  );
  const gaps = nearestToJoin(r);
  if (gaps) out.push(gaps);
  out.push('');
  out.push(
    'Why: each term’s utility at the chosen level minus at the runner-up (+ favours the choice, − favours the runner-up):',
  );
  for (const c of r.candidates) {
    const terms = c.decisive
      .filter((d) => Math.abs(d.difference) >= 5e-4)
      .map((d) => `${TERM_WORDS[d.term] ?? d.term} ${sign(d.difference)}`);
    out.push(
      `  ${c.id} chooses ${c.level} over ${c.runnerUp ?? '–'}: ${terms.length ? terms.join(', ') : 'no term differs'}`,
    );
  }
  if (r.candidates.some((c) => c.withoutTerm)) {
    out.push('');
    out.push('Without each term, P(commits) changes by (same draws):');
    out.push(
      renderTable(
        ['Candidate', ...Object.keys(r.candidates[0]!.withoutTerm ?? {})],
        r.candidates.map((c) => [
          c.id,
          ...Object.values(c.withoutTerm ?? {}).map((d) =>
            Math.abs(d) < 0.005 ? '0' : sign(d, 2),
          ),
        ]),
      ),
    );
  }
  out.push('');
  out.push(
    `What would flip each choice (nearest change ${r.beyondRange ? 'within each input’s natural bounds' : 'within the evidence range'}; who would have to act):`,
  );
  for (const c of r.candidates) {
    const within = c.flips.filter((f) => f.withinRange);
    const flips = (within.length ? within : c.flips).slice(0, 3);
    if (flips.length === 0) {
      out.push(
        `  ${c.id}: nothing ${r.beyondRange ? 'within the inputs’ natural bounds' : 'within the evidence ranges'} moves it from ${c.level}${r.beyondRange ? '' : ' (try --beyond-range)'}`,
      );
      continue;
    }
    if (within.length === 0)
      out.push(`  ${c.id}: nothing within the evidence ranges; beyond them:`);
    out.push(
      `  ${c.id}: ${flips
        .map(
          (f) =>
            `${f.input} ${fmt(f.from)} → ${fmt(f.to)}${f.shareOfRange !== null ? ` (${pct(f.shareOfRange)} of its range)` : ''}${f.withinRange ? '' : ' [outside the evidence]'} by ${f.actor} → ${f.level}`,
        )
        .join('; ')}`,
    );
  }
  out.push('');
  out.push(
    'Who joins if one joins (that candidate held at the join level or its own, the others reply):',
  );
  for (const x of r.ifJoins) {
    out.push(
      `  if ${x.candidate} commits to ${x.level}: ${Object.entries(x.profile.levels)
        .filter(([id]) => id !== x.candidate)
        .map(([id, l]) => `${id} ${l}`)
        .join(', ')} → members ${x.profile.members.join(', ') || 'none'}`,
    );
  }
  if (mc) {
    out.push('');
    out.push(
      `Monte Carlo: ${mc.draws.toLocaleString('en-US')} draws of ${mc.ranged} ranged terms (${mc.sampling.distribution}, ρ = ${mc.sampling.correlation}), seed ${mc.seed}.`,
    );
    if (mc.atLeastMembers) {
      out.push(
        `  P(at least m members): ${mc.atLeastMembers
          .slice(1)
          .map((p, m) => `${m + 1}: ${p.toFixed(2)}`)
          .join(' · ')}`,
      );
    }
    if (mc.memberSets) {
      out.push(
        `  Likeliest member sets: ${mc.memberSets
          .slice(0, 4)
          .map((s) => `{${s.members.join(', ') || 'none'}} ${s.p.toFixed(2)}`)
          .join(' · ')}`,
      );
    }
    if (mc.given) {
      out.push(
        `  Given ${mc.given.candidate} commits to ${mc.given.level}: ${Object.entries(
          mc.given.commits,
        )
          .filter(([id]) => id !== mc.given!.candidate)
          .map(([id, p]) => `P(${id} commits) ${p.toFixed(2)}`)
          .join(', ')}`,
      );
    }
  }
  if (r.equilibria && r.equilibria.count > 1) {
    out.push('');
    out.push('Every pure equilibrium (members; total utility):');
    for (const e of r.equilibria.listed.slice(0, 10)) {
      out.push(
        `  {${e.members.join(', ') || 'none'}}  ${e.totalUtility.toFixed(3)}  ${Object.values(e.levels).join(' · ')}`,
      );
    }
  }
  if (r.warnings.length) {
    out.push('');
    for (const w of r.warnings) out.push(`Warning: ${w}`);
  }
  out.push('');
  out.push(`Levels: ${r.levels.map((l) => `${l.id} = ${levelLabel.get(l.id)}`).join('; ')}`);
  return out.join('\n');
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2);
}
