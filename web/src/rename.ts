/**
 * Renaming an id everywhere in a draft scenario: an actor, issue, source or evidence id changes in
 * its own list and in every field that refers to it (src/core/scenario.ts): stance keys, evidence
 * `supports` and `source`, measures' `evidence` lists, the coalition block (issue, lead, rival,
 * candidates, parties and their publics, alliance ties, commitment candidates), levers (`path`,
 * `by`, `evidence`) and variants (change paths, and values set or added at an id field, e.g.
 * `add: coalition.candidates` with an actor id, or an added actor's stances). Pure: JSON in, JSON
 * out; nothing else changes (text that merely contains the id, such as a note, is left alone).
 */
import type { Draft, Json } from './doc.ts';

export type IdKind = 'actor' | 'issue' | 'source' | 'evidence';

/** Where in a scenario a string is an id, by its location (list indices and record keys → `#`). */
const ID_FIELDS: Record<string, IdKind> = {
  'actors.#.id': 'actor',
  'evidence.#.supports.#.actor': 'actor',
  'coalition.lead': 'actor',
  'coalition.rival': 'actor',
  'coalition.candidates.#': 'actor',
  'coalition.parties.#.public': 'actor',
  'coalition.allianceTies.#.between.#': 'actor',
  'levers.#.by.#': 'actor',
  'issues.#.id': 'issue',
  'evidence.#.supports.#.issue': 'issue',
  'coalition.issue': 'issue',
  'sources.#.id': 'source',
  'evidence.#.source': 'source',
  'evidence.#.id': 'evidence',
};

/** Records whose keys are ids. */
const ID_KEYS: Record<string, IdKind> = {
  'actors.#.stances': 'issue',
  'coalition.parties': 'actor',
  'coalition.commitment.candidates': 'actor',
};

/** Lists whose elements are named by id in a dot path (`actors.usa…`), with the id's kind. */
const ID_LISTS: Record<string, IdKind | 'other'> = {
  actors: 'actor',
  issues: 'issue',
  sources: 'source',
  evidence: 'evidence',
  'coalition.candidates': 'actor',
  'coalition.commitment.levels': 'other',
  variants: 'other',
};

const CHANGE_KINDS = ['set', 'scale', 'add', 'remove'] as const;

type Obj = { [k: string]: Json };
const isObj = (x: Json | undefined): x is Obj =>
  x !== null && x !== undefined && typeof x === 'object' && !Array.isArray(x);

/** The ids a list or record holds (elements' `id`, string elements, or keys). */
function idsIn(node: Json | undefined): string[] {
  if (Array.isArray(node))
    return node
      .map((e) => (typeof e === 'string' ? e : isObj(e) && typeof e.id === 'string' ? e.id : ''))
      .filter(Boolean);
  if (isObj(node)) return Object.keys(node);
  return [];
}

function childOf(node: Json | undefined, id: string): Json | undefined {
  if (Array.isArray(node)) return node.find((e) => e === id || (isObj(e) && e.id === id));
  if (isObj(node)) return node[id];
  return undefined;
}

/**
 * A dot path (`actors.korea-gov.stances.coalition.salience`, list elements by id, `*` for every
 * one) with the id renamed where it names an element of its kind; ids containing dots are matched
 * whole against the draft's ids. Also returns the path's location (ids → `#`), so a change's value
 * can be renamed as what it is.
 */
export function renameInPath(
  path: string,
  root: Json,
  kind: IdKind,
  from: string,
  to: string,
): { path: string; location: string[] } {
  const tokens = path.split('.');
  const out: string[] = [];
  const location: string[] = [];
  let node: Json | undefined = root;
  let i = 0;
  while (i < tokens.length) {
    const loc = location.join('.');
    const listKind = ID_LISTS[loc] ?? ID_KEYS[loc];
    if (listKind !== undefined) {
      const fromTokens = from.split('.');
      const here = tokens.slice(i, i + fromTokens.length).join('.');
      let used = 1;
      let id = tokens[i]!;
      if (listKind === kind && here === from) {
        used = fromTokens.length;
        id = from;
        out.push(to);
      } else {
        if (id !== '*') {
          // The longest id of the list that the tokens spell (ids may contain dots).
          const known = new Set(idsIn(node));
          for (let k = tokens.length; k > i + 1; k--) {
            const joined = tokens.slice(i, k).join('.');
            if (known.has(joined)) {
              used = k - i;
              id = joined;
              break;
            }
          }
        }
        out.push(id);
      }
      node = id === '*' ? (Array.isArray(node) ? node[0] : undefined) : childOf(node, id);
      location.push('#');
      i += used;
    } else {
      const t = tokens[i]!;
      out.push(t);
      // A list addressed by index (or `*`) where no id names its elements.
      if (Array.isArray(node) && (t === '*' || /^\d+$/.test(t))) {
        node = node[t === '*' ? 0 : Number(t)];
        location.push('#');
      } else {
        node = isObj(node) ? node[t] : undefined;
        location.push(t);
      }
      i += 1;
    }
  }
  return { path: out.join('.'), location };
}

/**
 * `draft` with the `kind` id `from` renamed to `to` everywhere it is referred to. The caller checks
 * that `to` is a valid, unused id (the workbench refuses a rename that would merge two ids).
 */
export function renameId<T extends Json = Draft>(
  draft: T,
  kind: IdKind,
  from: string,
  to: string,
): T {
  if (from === to) return draft;
  const walk = (x: Json, loc: string[]): Json => {
    const key = loc.join('.');
    if (typeof x === 'string') {
      if (ID_FIELDS[key] === kind && x === from) return to;
      // A measure's (or tie's, lever's, change's) list of evidence ids; the top-level `evidence`
      // list holds objects, never strings.
      if (
        kind === 'evidence' &&
        loc.length >= 2 &&
        loc[loc.length - 2] === 'evidence' &&
        x === from
      )
        return to;
      if (key === 'levers.#.path') return renameInPath(x, draft, kind, from, to).path;
      return x;
    }
    if (Array.isArray(x)) return x.map((e) => walk(e, [...loc, '#']));
    if (!isObj(x)) return x;
    if (key === 'variants.#.changes.#') return renameChange(x, loc);
    const keyKind = ID_KEYS[key];
    const out: Obj = {};
    for (const [k, v] of Object.entries(x)) {
      const newKey = keyKind === kind && k === from ? to : k;
      out[newKey] = walk(v, [...loc, keyKind !== undefined ? '#' : k]);
    }
    return out;
  };
  /** A variant's change: its path renamed, and its value renamed as what sits at that path. */
  const renameChange = (change: Obj, loc: string[]): Json => {
    const out: Obj = {};
    let valueLocation: string[] | null = null;
    for (const [k, v] of Object.entries(change)) {
      if ((CHANGE_KINDS as readonly string[]).includes(k) && typeof v === 'string') {
        const r = renameInPath(v, draft, kind, from, to);
        out[k] = r.path;
        if (k === 'set') valueLocation = r.location;
        if (k === 'add') valueLocation = [...r.location, '#'];
      } else out[k] = walk(v, [...loc, k]);
    }
    if (valueLocation && change.value !== undefined) out.value = walk(change.value, valueLocation);
    return out;
  };
  return walk(draft, []) as T;
}

/** Every id of a kind in the draft, in order (duplicates kept, so the caller can see them). */
export function idsOfKind(draft: Draft, kind: IdKind): string[] {
  const list = { actor: 'actors', issue: 'issues', source: 'sources', evidence: 'evidence' }[kind];
  const arr = draft[list];
  return Array.isArray(arr)
    ? arr.map((e) => (isObj(e) && typeof e.id === 'string' ? e.id : ''))
    : [];
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const LISTS = {
  actor: 'actors',
  issue: 'issues',
  source: 'sources',
  evidence: 'evidence',
} as const;

/**
 * Why `id` cannot be the id of the `index`-th element of its list, in the words of
 * `entente validate` (src/core/scenario.ts, src/core/validate.ts), with the field's path; or
 * null when it can.
 */
export function idProblem(draft: Draft, kind: IdKind, index: number, id: string): string | null {
  const at = `${LISTS[kind]}[${index}].id`;
  if (id === '') return `${at}: empty: expected an id (letters, digits, "_", "-" or ".")`;
  if (!ID_PATTERN.test(id))
    return `${at}: "${id}" is not an id: letters, digits, "_", "-" or ".", starting with a letter or digit (e.g. "south-korea")`;
  const other = idsOfKind(draft, kind).findIndex((x, k) => x === id && k !== index);
  if (other >= 0)
    return `${at}: duplicate ${kind} id "${id}" (already used by ${LISTS[kind]}[${other}])`;
  return null;
}
