/**
 * The "Who commits" section of a scenario report (HTML and Markdown), from the commitment
 * model's result: each candidate's level and runner-up, P(commits) with its 95% Monte Carlo
 * interval drawn as a bar, the terms that decide each choice, what would flip it and who would
 * have to act, and who joins if one joins. Pure.
 */
import { nearestToJoin } from '../../coalitions/commitment/explain.ts';
import type { CommitmentResult } from '../../coalitions/commitment/commitment-result.ts';
import type { Charts } from './charts.ts';
import { escapeHtml as e, escapeMarkdown as m } from './escape.ts';

const TERM_WORDS: Record<string, string> = {
  security: 'protection kept',
  prevail: 'stake in prevailing',
  war: 'cost of war',
  coercion: 'rival’s coercion',
  threat: 'local threat',
  domestic: 'public opinion',
};

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

function why(c: CommitmentResult['candidates'][number]): string {
  const terms = c.decisive.filter((d) => Math.abs(d.difference) >= 5e-4).slice(0, 3);
  return terms.length
    ? terms.map((d) => `${TERM_WORDS[d.term] ?? d.term} ${signed(d.difference)}`).join(', ')
    : 'no term differs';
}

function flipText(c: CommitmentResult['candidates'][number]): string {
  const f = c.flips.filter((x) => x.withinRange).slice(0, 2);
  return f.length
    ? f
        .map(
          (x) =>
            `${x.input} ${x.from.toFixed(2)} → ${x.to.toFixed(2)} (by ${x.actor}) → ${x.level}`,
        )
        .join('; ')
    : 'nothing within the evidence ranges';
}

function pText(c: CommitmentResult['candidates'][number]): string {
  const p = c.probabilities;
  return p ? `${p.commits.toFixed(2)} ± ${(1.96 * p.se).toFixed(2)}` : '–';
}

export function commitmentHtml(r: CommitmentResult, charts: Charts): string {
  const out: string[] = [];
  out.push(
    `<section id="commitment"><h2>Who commits</h2><p>${e(r.lead)}’s coalition against ${e(r.rival)}: each candidate chooses a level on the ladder ${r.levels.map((l) => e(l.label)).join(' &lt; ')}; joining = ${e(r.joinLevel)} or above. Selected equilibrium: <strong>${r.selected.members.length ? r.selected.members.map(e).join(', ') : 'nobody'}</strong> ${r.selected.members.length > 1 ? 'join' : 'joins'} (${e(r.selected.ruleText)}); chance the coalition prevails ${r.selected.prevail.toFixed(2)} on ${e(r.capabilityMeasure)}.${r.equilibria ? ` ${r.equilibria.count} pure equilibri${r.equilibria.count === 1 ? 'um' : 'a'}.` : ''}</p>`,
  );
  out.push(
    '<div style="overflow-x:auto"><table><thead><tr><th>Candidate</th><th>Today</th><th>Chooses</th><th>Runner-up</th><th>P(commits)</th><th>Why (chosen minus runner-up)</th><th>What would flip it</th></tr></thead><tbody>',
  );
  for (const c of r.candidates) {
    const p = c.probabilities?.commits;
    const bar =
      p === undefined
        ? ''
        : `<span class="bar" style="display:inline-block;height:0.6em;width:${(60 * p).toFixed(1)}px;background:#3b6ea5;margin-right:4px" aria-hidden="true"></span>`;
    out.push(
      `<tr><td>${e(c.name)}</td><td>${e(c.current)}</td><td><strong>${e(c.level)}</strong>${c.commits ? ' (joins)' : ''}</td><td>${e(c.runnerUp ?? '–')}</td><td>${bar}${e(pText(c))}</td><td>${e(why(c))}</td><td>${e(flipText(c))}</td></tr>`,
    );
  }
  out.push('</tbody></table></div>');
  const gaps = nearestToJoin(r);
  if (gaps) out.push(`<p>${e(gaps)}.</p>`);
  const chart = charts.commitment(r);
  if (chart) out.push(`<figure>${chart}</figure>`);
  out.push('<h3>Who joins if one joins</h3><ul>');
  for (const x of r.ifJoins) {
    out.push(
      `<li>If ${e(x.candidate)} commits to ${e(x.level)}: members ${x.profile.members.map(e).join(', ') || 'none'}.</li>`,
    );
  }
  out.push('</ul>');
  const mc = r.monteCarlo;
  if (mc?.atLeastMembers) {
    out.push(
      `<p class="meta">${mc.draws} draws of ${mc.ranged} ranged terms, seed ${mc.seed}. P(at least m members): ${mc.atLeastMembers
        .slice(1)
        .map((p, i) => `${i + 1}: ${p.toFixed(2)}`)
        .join(' · ')}.</p>`,
    );
  }
  for (const w of r.warnings) out.push(`<p class="meta">${e(w)}</p>`);
  out.push('</section>');
  return out.join('');
}

export function commitmentMarkdown(r: CommitmentResult): string[] {
  const out: string[] = ['## Who commits', ''];
  out.push(
    `${m(r.lead)}’s coalition against ${m(r.rival)}; joining = ${m(r.joinLevel)} or above. Selected equilibrium: **${r.selected.members.map(m).join(', ') || 'nobody'}** (${m(r.selected.ruleText)}); chance the coalition prevails ${r.selected.prevail.toFixed(2)}.`,
    '',
    '| Candidate | Today | Chooses | Runner-up | P(commits) | Why | What would flip it |',
    '|---|---|---|---|---|---|---|',
  );
  for (const c of r.candidates) {
    out.push(
      `| ${m(c.name)} | ${m(c.current)} | ${m(c.level)}${c.commits ? ' (joins)' : ''} | ${m(c.runnerUp ?? '–')} | ${m(pText(c))} | ${m(why(c))} | ${m(flipText(c))} |`,
    );
  }
  out.push('');
  const gaps = nearestToJoin(r);
  if (gaps) out.push(`${m(gaps)}.`, '');
  for (const x of r.ifJoins) {
    out.push(
      `- If ${m(x.candidate)} commits to ${m(x.level)}: members ${x.profile.members.map(m).join(', ') || 'none'}.`,
    );
  }
  out.push('');
  return out;
}
