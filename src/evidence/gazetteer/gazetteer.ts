/**
 * The gazetteer: every name an entity goes by, compiled into a token trie for longest-match
 * lookup. Built from the tables in `states.ts` and `organisations.ts`, and extendable with a
 * scenario's own actors and aliases so a draft can speak the scenario's ids.
 */
import { tokenize } from '../tokens.ts';
import { ORGANISATIONS_TABLE, PLACES, SOURCES_TABLE } from './organisations.ts';
import { STATES_TABLE } from './states.ts';

export type EntityKind =
  | 'state'
  | 'bloc'
  | 'alliance'
  | 'body'
  | 'court'
  | 'group'
  | 'thinktank'
  | 'media'
  | 'pollster'
  | 'place'
  /** An actor taken from a scenario (its kind is the scenario's). */
  | 'scenario';

/** Parties negotiate; sources make or carry claims; places are only shadowed. */
export type EntityRole = 'party' | 'source' | 'place';

export interface Entity {
  readonly id: string;
  /** The display name (the first name in the table). */
  readonly name: string;
  readonly kind: EntityKind;
  readonly role: EntityRole;
  readonly names: readonly string[];
  /** Capitals, seats and metonyms ("Washington", "the Kremlin"). */
  readonly seats: readonly string[];
  /** Adjectives ("South Korean"): a mention only before an official or public noun. */
  readonly demonyms: readonly string[];
  /** Plural nouns for the people ("South Koreans"): a mention of the public. */
  readonly people: readonly string[];
  readonly leaders: readonly string[];
  readonly region?: string;
  /** For sources and organisations: the home state's id. */
  readonly country?: string;
  readonly monarchy?: boolean;
  readonly island?: boolean;
  /** For scenario actors: the actor is a public (kind `public`). */
  readonly isPublic?: boolean;
  /** For scenario actors: the scenario's grouping (e.g. "South Korea"). */
  readonly group?: string;
}

/** How a name refers to its entity. */
export type NameVia = 'name' | 'seat' | 'demonym' | 'people' | 'leader';

interface TrieNode {
  next: Map<string, TrieNode>;
  hits: { entity: Entity; via: NameVia }[];
}

export interface Gazetteer {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly root: TrieNode;
}

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

function parseStates(table: string): Entity[] {
  return rows(table).map((f) => {
    const flags = list(f[7]?.replace(/\s+/g, ';'));
    const names = list(f[1]);
    return {
      id: f[0]!,
      name: names[0]!,
      kind: 'state',
      role: 'party',
      names,
      seats: list(f[2]),
      demonyms: list(f[3]),
      people: list(f[4]),
      leaders: list(f[5]),
      region: f[6],
      monarchy: flags.includes('monarchy'),
      island: flags.includes('island'),
    } satisfies Entity;
  });
}

function parseOrganisations(table: string): Entity[] {
  return rows(table).map((f) => {
    const names = list(f[2]);
    return {
      id: f[0]!,
      name: names[0]!,
      kind: f[1] as EntityKind,
      role: 'party',
      names,
      seats: list(f[3]),
      demonyms: list(f[4]),
      people: [],
      leaders: list(f[5]),
      region: f[6],
    } satisfies Entity;
  });
}

function parseSources(table: string): Entity[] {
  return rows(table).map((f) => {
    const names = list(f[2]);
    const country = f[3]?.trim();
    return {
      id: f[0]!,
      name: names[0]!,
      kind: f[1] as EntityKind,
      role: 'source',
      names,
      seats: [],
      demonyms: [],
      people: [],
      leaders: [],
      ...(country ? { country } : {}),
    } satisfies Entity;
  });
}

function rows(table: string): string[][] {
  return table
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => l.split('|').map((x) => x.trim()));
}

function placeEntity(name: string): Entity {
  return {
    id: `place:${name}`,
    name,
    kind: 'place',
    role: 'place',
    names: [name],
    seats: [],
    demonyms: [],
    people: [],
    leaders: [],
  };
}

function emptyNode(): TrieNode {
  return { next: new Map(), hits: [] };
}

function insert(root: TrieNode, phrase: string, entity: Entity, via: NameVia): void {
  let node = root;
  for (const t of tokenize(phrase)) {
    let child = node.next.get(t.text);
    if (!child) node.next.set(t.text, (child = emptyNode()));
    node = child;
  }
  if (!node.hits.some((h) => h.entity.id === entity.id && h.via === via))
    node.hits.unshift({ entity, via });
}

/** Builds a gazetteer over `entities` (later entities take precedence on equal names). */
export function buildGazetteer(entities: readonly Entity[]): Gazetteer {
  const root = emptyNode();
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    byId.set(e.id, e);
    e.names.forEach((n) => insert(root, n, e, 'name'));
    e.seats.forEach((n) => insert(root, n, e, 'seat'));
    e.demonyms.forEach((n) => insert(root, n, e, 'demonym'));
    e.people.forEach((n) => insert(root, n, e, 'people'));
    e.leaders.forEach((n) => insert(root, n, e, 'leader'));
  }
  return { entities: byId, root };
}

/** Every built-in entity: states, organisations, sources and shadowing places. */
export function builtinEntities(): Entity[] {
  return [
    ...PLACES.map(placeEntity),
    ...parseStates(STATES_TABLE),
    ...parseOrganisations(ORGANISATIONS_TABLE),
    ...parseSources(SOURCES_TABLE),
  ];
}

let cached: Gazetteer | undefined;
/** The built-in gazetteer (built once). */
export function defaultGazetteer(): Gazetteer {
  return (cached ??= buildGazetteer(builtinEntities()));
}

/** A scenario actor as the gazetteer needs it. */
export interface ScenarioActorNames {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly group?: string | undefined;
  readonly aliases?: readonly string[] | undefined;
}

/**
 * The built-in entities plus one entity per scenario actor, named by its name and aliases, so that
 * "Takaichi government" or "Korean voters" find the scenario's own actor.
 */
export function extendGazetteer(actors: readonly ScenarioActorNames[]): Gazetteer {
  const extra: Entity[] = actors.map((a) => ({
    id: a.id,
    name: a.name,
    kind: 'scenario',
    role: 'party',
    names: [a.name, ...(a.aliases ?? [])],
    seats: [],
    demonyms: [],
    people: [],
    leaders: [],
    isPublic: a.kind === 'public',
    ...(a.group ? { group: a.group } : {}),
  }));
  return buildGazetteer([...builtinEntities(), ...extra]);
}

/** Longest match of a gazetteer name at token `i`: the entity, how it was named, and its length. */
export function matchAt(
  g: Gazetteer,
  tokens: readonly { text: string }[],
  i: number,
): { entity: Entity; via: NameVia; length: number }[] {
  let node: TrieNode | undefined = g.root;
  let best: { hits: TrieNode['hits']; length: number } | undefined;
  for (let j = i; j < tokens.length && node; j++) {
    node = node.next.get(tokens[j]!.text);
    if (node && node.hits.length > 0) best = { hits: node.hits, length: j - i + 1 };
  }
  return best ? best.hits.map((h) => ({ ...h, length: best.length })) : [];
}
