/**
 * The one glossary: every term Entente's output uses that a reader may not know, each with a
 * short definition in the project's words and where it comes from. The CLI (`entente glossary`),
 * the explanations (`src/analysis/explain/`), the reports and `docs/glossary.md` (generated from
 * this list and tested equal to it) all read it. Pure data and lookups.
 */

export interface GlossaryTerm {
  /** Lower-case, hyphenated id: what `entente glossary ID` and explanations' `glossaryTerms` use. */
  readonly id: string;
  /** The term as printed. */
  readonly term: string;
  /** Other spellings `entente glossary` accepts. */
  readonly aliases?: readonly string[];
  readonly definition: string;
  /** Where it comes from: the literature and the spec or doc that states it here. */
  readonly source: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'band',
    term: 'Band (10–90%)',
    aliases: ['10-90', 'interval', 'band-10-90'],
    definition:
      'The range between the 10th and the 90th percentile of a forecast over the Monte Carlo draws of the inputs within their evidence ranges: four draws in five fall inside it.',
    source: 'docs/uncertainty.md, "Monte Carlo (`src/analysis/monte-carlo/`)"',
  },
  {
    id: 'capability',
    term: 'Capability',
    definition:
      'How much an actor can bring to bear on the outcome (votes, money, force…), on one measure chosen for the question and cited from evidence. Only ratios between actors matter to the bargaining models.',
    source: 'docs/scenario-format.md; Bueno de Mesquita (1994)',
  },
  {
    id: 'capability-x-salience',
    term: 'Capability × salience',
    aliases: ['weight', 'weight-share', 'c-s', 'c·s'],
    definition:
      'An actor’s weight on an issue: its capability times the salience of the issue to it (salience 0–100 read as 0–1). Its share is this weight over the sum of all actors’ weights on the issue.',
    source: 'docs/spec/models.md; Achen (2006)',
  },
  {
    id: 'capitulation',
    term: 'Capitulation',
    definition:
      'In the expected utility model, an actor that expects to lose from challenging another (E(U) < 0) while the other’s gain from challenging it is no larger than its loss gives way entirely and moves to the other’s position. Off by default in the Scholz et al. (2011) variant (“capitulation is off”): the actor then holds out.',
    source: 'docs/spec/eum.md step 7; Bueno de Mesquita (1994)',
  },
  {
    id: 'challenge',
    term: 'Challenge (SMP)',
    definition:
      'In the spatial model of politics, each turn every actor picks the one actor whose defeat would gain it most in expected utility, and proposes a bargain between their two positions; the bargains then compete in elections over each actor’s queue.',
    source: 'docs/spec/smp.md, "Formulas"; KTAB smp.cpp',
  },
  {
    id: 'commitment-level',
    term: 'Commitment level',
    aliases: ['level', 'ladder'],
    definition:
      'A rung on the commitment model’s ladder (e.g. neutral < access < support < fight): each candidate chooses one, weighing six named terms; at the join level or above it counts as joining the coalition.',
    source: 'docs/spec/commitment.md, "1. The question and the ladder"',
  },
  {
    id: 'commitment-terms',
    term: 'Commitment terms',
    aliases: ['terms', 'decisive-terms'],
    definition:
      'The six parts of a candidate’s utility for a level: security (protection kept), prevail (stake in the coalition prevailing), war (expected cost of war), coercion (the rival’s economic coercion), threat (local threat left uncovered), domestic (public opinion). The deciding terms are those that differ most between the chosen level and the runner-up.',
    source: 'docs/spec/commitment.md, "2. Utility of a level: six named terms"',
  },
  {
    id: 'compel',
    term: 'Compel',
    aliases: ['compels', 'compulsion'],
    definition:
      'An EUM octant: one actor expects to gain from challenging the other, the other expects to lose, and the loss outweighs the gain’s counterpart, so the first can force the second to its position (a capitulation, when capitulation is on).',
    source: 'docs/spec/eum.md, "Dyad octants"; Bueno de Mesquita (1994)',
  },
  {
    id: 'compromise',
    term: 'Compromise',
    definition:
      'An EUM octant: the receiver expects to lose from challenging the other (a < 0) and the other expects to gain more than that (b > |a|), so the receiver moves part of the way, by |a/b| of the distance, toward the other’s position.',
    source: 'docs/spec/eum.md step 7; Bueno de Mesquita (1994)',
  },
  {
    id: 'confrontation',
    term: 'Confrontation',
    aliases: ['conflict'],
    definition:
      'An EUM octant: both actors expect to gain from challenging each other; the one expecting less (b > a > 0 from the receiver’s view) gives way and moves to the other’s position.',
    source: 'docs/spec/eum.md step 7',
  },
  {
    id: 'dictator',
    term: 'Dictator (veto player)',
    aliases: ['veto-player'],
    definition:
      'An actor holding more than half of capability × salience on an issue: the weighted median is its position whatever the others do.',
    source: 'src/analysis/diagnostics.ts; Felsenthal & Machover (1998)',
  },
  {
    id: 'equilibrium-selection',
    term: 'Equilibrium selection rule',
    aliases: ['selection-rule', 'best-response-path', 'welfare'],
    definition:
      'Which pure equilibrium of the commitment game the forecast reports: the one reached from today’s levels when each candidate in turn moves to its best reply (best-response path); when that path cycles, the equilibrium with the highest total utility (welfare).',
    source: 'docs/spec/commitment.md, "3. Equilibria (exact)"',
  },
  {
    id: 'expected-utility',
    term: 'E(U) (expected utility of a challenge)',
    aliases: ['e-u', 'eu', 'e(u)'],
    definition:
      'What an actor expects to gain by challenging another in the EUM: the chance it prevails times the value of winning, minus what it risks, against the status quo. a = E(U_ij) is i’s reading of its own challenge of j, b = E(U_ji) its reading of j’s challenge of it.',
    source: 'docs/spec/eum.md step 5; Bueno de Mesquita (1994)',
  },
  {
    id: 'fallback',
    term: 'Fallback',
    definition:
      'A model that cannot apply its own rule returns another rule’s answer and says so: the Nash bargaining solution falls back to the weighted mean when no outcome gives every actor a gain over the status quo (actors on both sides of it, or one at it).',
    source: 'docs/spec/models.md, "Asymmetric Nash bargaining (`nash`)"',
  },
  {
    id: 'jump',
    term: 'Jump',
    definition:
      'An actor’s move in one round or turn of more than a tenth of the issue’s scale. Every jump in an SMP trajectory is explained by the challenge and bargain behind it.',
    source: 'src/analysis/explain/smp.ts',
  },
  {
    id: 'knife-edge',
    term: 'Knife-edge',
    definition:
      'A verdict that flips within the evidence ranges: the point forecast says yes (no) but between 10% and 90% of the Monte Carlo draws say the opposite.',
    source: 'docs/results.md, "Diagnostics"',
  },
  {
    id: 'nash-bargaining',
    term: 'Nash bargaining solution',
    aliases: ['nash'],
    definition:
      'The outcome that maximises the weighted product of every actor’s gain over disagreement (the status quo when known). It exists only where some outcome gives every actor a gain.',
    source: 'docs/spec/models.md, "Asymmetric Nash bargaining (`nash`)"; Nash (1950); Kalai (1977)',
  },
  {
    id: 'nash-stable',
    term: 'Nash stable',
    definition:
      'A coalition structure in which no player gains by moving alone to another bloc (or to standing alone); stronger than individually rational, weaker than core stable.',
    source:
      'docs/coalitions.md, "4. Stability of the coalition question"; Bogomolnaia & Jackson (2002)',
  },
  {
    id: 'p-commit',
    term: 'P(commit)',
    aliases: ['p-commits', 'p(commits)', 'p(commit)'],
    definition:
      'The share of Monte Carlo draws of the commitment terms (within their evidence ranges) in which a candidate’s level in the selected equilibrium is the join level or above; ± is 1.96 standard errors.',
    source: 'docs/spec/commitment.md, "5. Uncertainty"',
  },
  {
    id: 'pivotal-actor',
    term: 'Pivotal actor',
    aliases: ['pivot'],
    definition:
      'The actor at whose position the weight of the actors at or below it first reaches half of the total capability × salience: its position is the weighted median.',
    source: 'docs/spec/models.md, "Weighted median (`median`)"; Black (1948)',
  },
  {
    id: 'risk-exponent',
    term: 'Risk exponent',
    aliases: ['risk', 'r-i'],
    definition:
      'In the EUM, r_i in [0.5, 2] bends actor i’s utilities: actors whose positions are secure (others gain little by challenging them) take more risk. Computed each round from the security values S_i.',
    source: 'docs/spec/eum.md step 6; Bueno de Mesquita (1994)',
  },
  {
    id: 'salience',
    term: 'Salience',
    definition:
      'How much an issue matters to an actor relative to its other concerns, 0–100 in scenario files (0–1 inside the models): the share of its capability it would spend on this issue.',
    source: 'docs/scenario-format.md; Bueno de Mesquita (1994)',
  },
  {
    id: 'silhouette',
    term: 'Silhouette',
    definition:
      'How well an actor sits in its bloc of positions: near 1 when it is much closer to its own bloc than to the next, near 0 between blocs. The number of blocs is chosen for the widest average silhouette.',
    source: 'docs/coalitions.md, "3. Blocs"; Rousseeuw (1987)',
  },
  {
    id: 'stalemate',
    term: 'Stalemate',
    definition:
      'An EUM octant: neither actor expects to gain by challenging the other (both E(U) < 0), so neither moves on account of the pair.',
    source: 'docs/spec/eum.md, "Dyad octants"',
  },
  {
    id: 'status-quo',
    term: 'Status quo (reference point)',
    aliases: ['reference-point', 'reference', 'disagreement-point'],
    definition:
      'Where an issue stands if nothing is agreed, on the issue’s scale: the disagreement point of the Nash solution and the base from which the explanations measure each actor’s pull.',
    source: 'docs/scenario-format.md; docs/spec/models.md',
  },
  {
    id: 'threshold-tolerance',
    term: 'Threshold tolerance',
    aliases: ['tolerance', 'at-threshold'],
    definition:
      'A forecast within 10⁻⁹ × the width of the scale of the threshold counts as reaching it, so 49.99999999995 reads “yes” at threshold 50; the diagnostic at-threshold says so.',
    source: 'docs/results.md, "Diagnostics"',
  },
  {
    id: 'weighted-mean',
    term: 'Weighted mean',
    aliases: ['mean', 'compromise-model'],
    definition:
      'Σ weight × position / Σ weight with weight = capability × salience: the compromise model. Each actor pulls it from any reference by its share times its distance from that reference.',
    source: 'docs/spec/models.md, "Weighted mean — the compromise model (`mean`)"; Achen (2006)',
  },
  {
    id: 'weighted-median',
    term: 'Weighted median',
    aliases: ['median'],
    definition:
      'The position at which the actors at or below it first hold half of capability × salience (lowest on ties): the position no majority of weight prefers to move from (Condorcet winner).',
    source: 'docs/spec/models.md, "Weighted median (`median`)"; Black (1948)',
  },
];

const BY_ID = new Map(GLOSSARY.map((t) => [t.id, t]));

/** Lower-case, spaces and underscores as hyphens. */
function normalise(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** The term with this id, name or alias (case-insensitive), or undefined. */
export function findTerm(query: string): GlossaryTerm | undefined {
  const q = normalise(query);
  return (
    BY_ID.get(q) ??
    GLOSSARY.find(
      (t) => normalise(t.term) === q || (t.aliases ?? []).some((a) => normalise(a) === q),
    )
  );
}

/** The term with this id; throws on an unknown id (a programming error: ids are constants). */
export function glossaryTerm(id: string): GlossaryTerm {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`no glossary term "${id}"`);
  return t;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** Up to `limit` ids nearest the query: names containing it first, then by edit distance. */
export function nearestTerms(query: string, limit = 3): string[] {
  const q = normalise(query);
  const scored = GLOSSARY.map((t) => {
    const names = [t.id, normalise(t.term), ...(t.aliases ?? []).map(normalise)];
    const contains = names.some((n) => n.includes(q) || (q.length >= 3 && q.includes(n)));
    const distance = Math.min(...names.map((n) => editDistance(q, n)));
    return { id: t.id, score: (contains ? 0 : 1000) + distance };
  });
  return scored
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((s) => s.id);
}

/** `docs/glossary.md`, generated from {@link GLOSSARY} (a test keeps the file equal to it). */
export function glossaryMarkdown(): string {
  const out = [
    '# Glossary',
    '',
    '<!-- Generated from src/core/glossary.ts by `entente glossary --markdown`; edit that file, not this one. -->',
    '',
    'The terms Entente’s forecasts, explanations and reports use, in the project’s words. `entente glossary TERM` prints one.',
    '',
  ];
  for (const t of GLOSSARY) {
    out.push(`## ${t.term}`, '', `<a id="${t.id}"></a>`, '', t.definition, '');
    out.push(`_Source:_ ${t.source}. _Id:_ \`${t.id}\`.`, '');
  }
  return out.join('\n');
}
