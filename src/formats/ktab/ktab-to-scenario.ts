/**
 * KTAB data → an Entente scenario: one issue per KTAB dimension on a 0–100 scale, capability from
 * KTAB's power (basis "KTAB power"), saliences as written (0–100). Each actor's row is kept as
 * the evidence for its numbers, so a converted scenario says where every number came from.
 */
import type { ScenarioInput, ScenarioSource } from '../../core/scenario.ts';
import { ACTOR_KINDS } from '../../core/scenario.ts';
import type { KtabData } from './ktab-data.ts';

export interface KtabToScenarioOptions {
  /** Scenario id (letters, digits, "_", "-", "."). */
  readonly id: string;
  /** Default: the KTAB scenario name. */
  readonly title?: string;
  /** Default: the KTAB description (KTAB has no separate question). */
  readonly question?: string;
  /** ISO date the scenario describes (the shell gives today's: formats never read the clock). */
  readonly asOf: string;
  /** The file the data came from, named in the evidence locators. */
  readonly file?: string;
  /** The source to cite for every number. Default: the input file itself. */
  readonly source?: ScenarioSource;
  /** Kind given to every actor (KTAB has none). Default `organisation`. */
  readonly kind?: (typeof ACTOR_KINDS)[number];
  /** Extra notes for the scenario. */
  readonly notes?: readonly string[];
}

/** A valid, unique id from a name: "Policy Position" → "policy-position", "SActor-00" → "sactor-00". */
export function idFrom(name: string, used: Set<string>, fallback: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .replace(/-+$/, '') || fallback;
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

export function ktabToScenario(data: KtabData, opts: KtabToScenarioOptions): ScenarioInput {
  const source: ScenarioSource = opts.source ?? {
    id: 'ktab-input',
    title: `KTAB scenario file${opts.file ? ` ${opts.file}` : ''}${data.name ? ` (${data.name})` : ''}`,
    note: 'Imported with entente import ktab.',
  };
  const issueIds = new Set<string>();
  const issues = data.dimensions.map((dim, k) => ({
    id: idFrom(dim, issueIds, `dimension-${k + 1}`),
    name: dim,
    scale: { min: 0, max: 100 },
  }));
  const actorIds = new Set<string>();
  const evidenceIds = new Set<string>();
  const evidence: NonNullable<ScenarioInput['evidence']> = [];
  const actors = data.actors.map((a, i) => {
    const id = idFrom(a.name, actorIds, `actor-${i + 1}`);
    const stances: Record<string, { position: number; salience: number }> = {};
    issues.forEach((issue, k) => {
      stances[issue.id] = { position: a.positions[k]!, salience: a.saliences[k]! };
    });
    const where = a.at
      ? `${opts.file ?? 'input'} line ${a.at.name.line}`
      : `${opts.file ?? 'input'}, actor ${i + 1}`;
    evidence.push({
      id: idFrom(`${id}-ktab`, evidenceIds, `actor-${i + 1}-ktab`),
      source: source.id,
      ...(a.source ? { quote: a.source } : {}),
      locator: where,
      note: `Power, positions and saliences of ${a.name} as given in the KTAB input.`,
      supports: [
        { actor: id, field: 'capability' as const },
        ...issues.flatMap((issue) => [
          { actor: id, issue: issue.id, field: 'position' as const },
          { actor: id, issue: issue.id, field: 'salience' as const },
        ]),
      ],
    });
    return {
      id,
      name: a.name || id,
      kind: opts.kind ?? 'organisation',
      ...(a.description ? { description: a.description } : {}),
      capability: { value: a.power, basis: 'KTAB power' },
      stances,
    };
  });
  const title = opts.title ?? (data.name || opts.id);
  return {
    id: opts.id,
    title,
    question: opts.question ?? (data.description || `Where do the actors of ${title} settle?`),
    asOf: opts.asOf,
    ...(data.description ? { description: data.description } : {}),
    sources: [source],
    issues,
    actors,
    evidence,
    ...(opts.notes && opts.notes.length > 0 ? { notes: [...opts.notes] } : {}),
  };
}
