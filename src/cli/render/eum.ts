/**
 * Human output of the expected utility model's detail (one issue): the round table, the strongest
 * dyads in words, and the full dyad table. Pure: returns text. `actorNames[i]` names the input's
 * actor i (the detail's indexes are the input's).
 */
import { InputError } from '../../core/errors.ts';
import type { EumDyad, EumIssueDetail, EumRoundDetail } from '../../models/eum/detail.ts';
import type { EumOctant } from '../../models/eum/octant.ts';
import { renderTable } from '../../report/text/table.ts';

/** Digits for positions: two on short scales (EC: 0–10 years), one otherwise. */
function positionDigits(detail: EumIssueDetail): number {
  return detail.range > 0 && detail.range <= 20 ? 2 : 1;
}

function fmt(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** Short unique column labels: initials of multi-word names, else the first 7 characters. */
function shortLabels(names: readonly string[]): string[] {
  const used = new Map<string, number>();
  return names.map((name) => {
    const words = name.split(/[\s_-]+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
    let label =
      words.length > 1
        ? words
            .map((w) => w[0]!.toUpperCase())
            .join('')
            .slice(0, 7)
        : name.replace(/\s+/g, '').slice(0, 7);
    const seen = used.get(label) ?? 0;
    used.set(label, seen + 1);
    if (seen > 0) label = `${label.slice(0, 6)}${seen + 1}`;
    return label;
  });
}

const nameOf = (names: readonly string[], i: number) => names[i] ?? `actor ${i + 1}`;

function roundOf(
  detail: EumIssueDetail,
  round: number,
  issueName = detail.issueId,
): EumRoundDetail {
  const r = detail.rounds[round - 1];
  if (!r) {
    throw new InputError({
      path: '--round',
      message:
        detail.rounds.length === 0
          ? `no bargaining rounds on ${issueName}: every actor taking part starts at one position`
          : `round ${round} is not in 1..${detail.rounds.length} on ${issueName}`,
    });
  }
  return r;
}

/**
 * The round table: per round the median, the c·s-weighted mean and every actor's position
 * (round 0 = the start), then the forecast line.
 */
export function renderEumRounds(
  detail: EumIssueDetail,
  actorNames: readonly string[],
  issueName: string,
): string {
  const digits = positionDigits(detail);
  const actors = [...detail.participants, ...detail.excluded].sort((a, b) => a - b);
  const labels = shortLabels(actors.map((i) => nameOf(actorNames, i)));
  const pad = (s: string, w: number) => s.padStart(w);
  const header = ['Round', 'Median', 'Mean', ...labels];
  const width = header.map((h) => Math.max(h.length, digits + 4));
  const rows = detail.trajectory.map((positions, t) => {
    const median = t === 0 ? detail.initialMedian : detail.medians[t - 1]!;
    const mean = t === 0 ? detail.initialMean : detail.means[t - 1]!;
    return [
      t === 0 ? 'start' : String(t),
      fmt(median, digits),
      fmt(mean, digits),
      ...actors.map((i) => fmt(positions[i], digits)),
    ].map((cell, c) => pad(cell, width[c]!));
  });
  const out = [
    `Expected utility model on ${issueName}: median, mean and each actor's position by round`,
  ];
  out.push(
    renderTable(
      header.map((h, c) => pad(h, width[c]!)),
      rows,
    ),
  );
  const legend = actors.map((i, c) => `${labels[c]} = ${nameOf(actorNames, i)}`).join(' · ');
  out.push(`  ${legend}`);
  if (detail.excluded.length > 0) {
    out.push(
      `  Not bargaining (zero capability × salience): ${detail.excluded.map((i) => nameOf(actorNames, i)).join(', ')}`,
    );
  }
  const tail = Math.min(detail.tail, detail.roundsRun);
  out.push(
    `  Forecast (final median) ${fmt(detail.finalMedian, digits)} · mean of the last ${tail} median${tail === 1 ? '' : 's'} ${fmt(detail.tailMean, digits)} · ` +
      `${detail.roundsRun} round${detail.roundsRun === 1 ? '' : 's'}, ${detail.converged ? 'converged' : 'not converged (BDM’s model may oscillate)'}`,
  );
  return out.join('\n');
}

/** Which side each octant favours: the presser and the pressed, and the verb. */
const PRESSURE: Record<EumOctant, { presser: 'i' | 'j'; verb: string } | null> = {
  'conflict-i-prevails': { presser: 'i', verb: 'confronts and expects to prevail over' },
  'conflict-j-prevails': { presser: 'j', verb: 'confronts and expects to prevail over' },
  'compromise-j-concedes': { presser: 'i', verb: 'wins a compromise from' },
  'compromise-i-concedes': { presser: 'j', verb: 'wins a compromise from' },
  'i-compels-j': { presser: 'i', verb: 'compels' },
  'j-compels-i': { presser: 'j', verb: 'compels' },
  stalemate: null,
  'same-position': null,
  indeterminate: null,
};

/**
 * The strongest dyads of a round in words, e.g. "United States compels South Korea's
 * government: moves from 25 to 40". Pairs where one side presses the other (conflict, compromise,
 * compulsion) come first, stalemates after; within each, strength is |a − b|, the gap between what
 * the two sides expect from challenging each other; each pair of actors appears once (its stronger
 * reading).
 * What the pressed actor does comes from its own reading of the pair (its offer, and whether it
 * took it).
 */
export function renderStrongestDyads(
  detail: EumIssueDetail,
  actorNames: readonly string[],
  round = 1,
  limit = 8,
): string {
  if (detail.rounds.length === 0) {
    return `No bargaining on ${detail.issueId}: every actor taking part starts at one position.`;
  }
  const r = roundOf(detail, round);
  const digits = positionDigits(detail);
  const start = detail.trajectory[round - 1]!;
  const byPair = new Map<string, EumDyad>();
  for (const d of r.dyads) {
    if (d.octant === 'same-position' || d.octant === 'indeterminate') continue;
    const key = d.i < d.j ? `${d.i},${d.j}` : `${d.j},${d.i}`;
    const best = byPair.get(key);
    if (!best || Math.abs(d.a - d.b) > Math.abs(best.a - best.b)) byPair.set(key, d);
  }
  const strongest = [...byPair.values()]
    // Pressure (conflict, compromise, compulsion) before stalemates, then by strength.
    .sort(
      (x, y) =>
        (PRESSURE[x.octant] ? 0 : 1) - (PRESSURE[y.octant] ? 0 : 1) ||
        Math.abs(y.a - y.b) - Math.abs(x.a - x.b) ||
        x.i - y.i ||
        x.j - y.j,
    )
    .slice(0, limit);
  const receiverView = new Map(r.dyads.map((d) => [`${d.i},${d.j}`, d]));
  const lines = strongest.map((d, n) => {
    const values = `(a = ${fmt(d.a, 3)}, b = ${fmt(d.b, 3)})`;
    const pressure = PRESSURE[d.octant];
    if (!pressure) {
      return `${n + 1}. ${nameOf(actorNames, d.i)} and ${nameOf(actorNames, d.j)}: stalemate, neither expects to gain by challenging ${values}`;
    }
    const presser = pressure.presser === 'i' ? d.i : d.j;
    const pressed = pressure.presser === 'i' ? d.j : d.i;
    const own = receiverView.get(`${pressed},${presser}`);
    const from = fmt(start[pressed], digits);
    let outcome: string;
    if (own?.taken && own.offer)
      outcome = `moves from ${from} to ${fmt(own.offer.position, digits)}`;
    else if (own?.offer)
      outcome = `would move from ${from} to ${fmt(own.offer.position, digits)}, but takes another offer`;
    else if (own?.octant === 'j-compels-i') outcome = `holds out at ${from} (capitulation is off)`;
    else outcome = `holds out at ${from}`;
    return `${n + 1}. ${nameOf(actorNames, presser)} ${pressure.verb} ${nameOf(actorNames, pressed)}: ${outcome} ${values}`;
  });
  return [
    `Strongest dyads in round ${round} on ${detail.issueId} (pressure first, by |a − b|; a = E(U_ij), b = E(U_ji) as the first-named actor of each pair reads them):`,
    ...lines.map((l) => `  ${l}`),
  ].join('\n');
}

const OFFER_WORD = {
  confrontation: 'confront',
  compromise: 'compromise',
  capitulation: 'capitulate',
} as const;

/** The full dyad table of a round: receiver i, other j, a, b, P_ij, octant, j's offer to i. */
export function renderDyadTable(
  detail: EumIssueDetail,
  actorNames: readonly string[],
  round: number,
): string {
  const r = roundOf(detail, round);
  const digits = positionDigits(detail);
  const num = (x: number, d = 3) => fmt(x, d).padStart(7);
  const rows = r.dyads.map((d) => [
    nameOf(actorNames, d.i),
    nameOf(actorNames, d.j),
    num(d.a),
    num(d.b),
    num(d.p),
    d.octant,
    d.offer
      ? `${OFFER_WORD[d.offer.type]} → ${fmt(d.offer.position, digits)}${d.taken ? ' (taken)' : ''}`
      : '',
  ]);
  return [
    `Dyads in round ${round} on ${detail.issueId}: i's view of each other actor j (a = E(U_ij), b = E(U_ji), P = P_ij; offer = j's offer to i)`,
    renderTable(['i', 'j', '      a', '      b', '      P', 'Octant', 'Offer'], rows),
  ].join('\n');
}
