/**
 * Editing the evidence behind a number, on the draft (pure, immutable): the measure's derivation
 * and UNVERIFIED flag, the quotes (evidence items) that support it — found, added, unlinked —,
 * the scenario's sources, and the kinds the schema allows (src/core/scenario.ts; kept here as
 * plain lists so the page does not load the schema library, and checked equal by a test).
 */
import { type Draft, type Json, getIn, setIn } from './doc.ts';
import { renameId } from './rename.ts';

/** src/core/scenario.ts ACTOR_KINDS. */
export const ACTOR_KINDS = ['state', 'government', 'public', 'faction', 'organisation'] as const;
/** src/core/scenario.ts SOURCE_GRADES. */
export const SOURCE_GRADES = ['primary', 'secondary', 'mirror', 'memory'] as const;

/** The number being looked at (the Editor's focus). */
export interface NumberRef {
  actor?: string;
  issue?: string;
  field: 'position' | 'salience' | 'capability' | 'referencePoint';
  /** Path of the measure in the draft. */
  path: (string | number)[];
}

type Obj = { [k: string]: Json };
const isObj = (x: Json | undefined): x is Obj =>
  x !== null && x !== undefined && typeof x === 'object' && !Array.isArray(x);
const arr = (x: Json | undefined): Json[] => (Array.isArray(x) ? x : []);
const str = (x: Json | undefined) => (typeof x === 'string' ? x : '');

/** An evidence item's `supports` entry names this number. */
function supportsNumber(s: Json, n: NumberRef): boolean {
  if (!isObj(s) || str(s.field) !== n.field) return false;
  if (n.field === 'referencePoint') return str(s.issue) === n.issue;
  if (str(s.actor) !== n.actor) return false;
  return n.field === 'capability' || str(s.issue) === n.issue;
}

export interface QuoteRef {
  /** Index in the draft's `evidence` list. */
  index: number;
  id: string;
  /** Cited on the measure itself (its `evidence` list), not only by the item's `supports`. */
  cited: boolean;
  /** How many other places cite the item (other numbers, ties, levers, variants). */
  elsewhere: number;
}

/** The evidence items behind a number: cited on its measure or claiming it in `supports`. */
export function quotesFor(draft: Draft, n: NumberRef): QuoteRef[] {
  const m = getIn(draft, n.path);
  const cited = new Set(isObj(m) ? arr(m.evidence).map(str) : []);
  const out: QuoteRef[] = [];
  arr(draft.evidence).forEach((e, index) => {
    if (!isObj(e)) return;
    const id = str(e.id);
    const claims = arr(e.supports).some((s) => supportsNumber(s, n));
    if (!cited.has(id) && !claims) return;
    const all = referencesTo(draft, 'evidence', id).length + arr(e.supports).length;
    const here =
      (cited.has(id) ? 1 : 0) + arr(e.supports).filter((s) => supportsNumber(s, n)).length;
    out.push({ index, id, cited: cited.has(id), elsewhere: Math.max(0, all - here) });
  });
  return out;
}

const SENTINEL = '\u0000ref\u0000';

/**
 * Where an id is referred to (paths such as `actors[0].capability.evidence[1]`), its own list
 * entry excepted: found by renaming it to a marker with {@link renameId}, so this knows exactly
 * the references the rename knows.
 */
export function referencesTo(
  draft: Draft,
  kind: 'actor' | 'issue' | 'source' | 'evidence',
  id: string,
): string[] {
  const renamed = renameId(draft, kind, id, SENTINEL);
  const out: string[] = [];
  const walk = (x: Json, p: string) => {
    if (typeof x === 'string') {
      if (x.includes(SENTINEL)) out.push(p);
    } else if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${p}[${i}]`));
    else if (isObj(x))
      for (const [k, v] of Object.entries(x)) {
        const q = p ? `${p}.${k}` : k;
        if (k === SENTINEL) out.push(q.replace(SENTINEL, id));
        else walk(v, q);
      }
  };
  walk(renamed, '');
  const own = { actor: 'actors', issue: 'issues', source: 'sources', evidence: 'evidence' }[kind];
  return out.filter((p) => !new RegExp(`^${own}\\[\\d+\\]\\.id$`).test(p));
}

/** An id not yet used in `taken`: `prefix`, else `prefix-2`, `prefix-3`, … */
export function freshId(taken: Iterable<string>, prefix: string): string {
  const set = new Set(taken);
  if (!set.has(prefix)) return prefix;
  for (let k = 2; ; k++) if (!set.has(`${prefix}-${k}`)) return `${prefix}-${k}`;
}

/**
 * A new evidence item supporting the number (an empty quote, the first source), appended to
 * `evidence`; returns the draft and the item's id.
 */
export function addQuote(draft: Draft, n: NumberRef): { draft: Draft; id: string } {
  const list = arr(draft.evidence);
  const base = [n.actor, n.issue, n.field].filter(Boolean).join('-');
  const id = freshId(
    list.map((e) => (isObj(e) ? str(e.id) : '')),
    base || 'evidence',
  );
  const source = arr(draft.sources).map((s) => (isObj(s) ? str(s.id) : ''))[0] ?? '';
  const support: Obj = { field: n.field };
  if (n.actor !== undefined) support.actor = n.actor;
  if (n.issue !== undefined && n.field !== 'capability') support.issue = n.issue;
  const item: Obj = { id, source, quote: '', supports: [support] };
  return { draft: setIn(draft, ['evidence', list.length], item), id };
}

/**
 * The item no longer supports this number: dropped from the measure's `evidence` list and from
 * the item's `supports`. An item then cited nowhere and supporting nothing is removed (`deleted`).
 */
export function removeQuote(
  draft: Draft,
  n: NumberRef,
  id: string,
): { draft: Draft; deleted: boolean } {
  let d = draft;
  const m = getIn(d, n.path);
  if (isObj(m) && Array.isArray(m.evidence)) {
    const rest = m.evidence.filter((x) => x !== id);
    const next: Obj = { ...m };
    if (rest.length) next.evidence = rest;
    else delete next.evidence;
    d = setIn(d, n.path, next);
  }
  const index = arr(d.evidence).findIndex((e) => isObj(e) && e.id === id);
  if (index < 0) return { draft: d, deleted: false };
  const item = arr(d.evidence)[index] as Obj;
  const supports = arr(item.supports).filter((s) => !supportsNumber(s, n));
  const next: Obj = { ...item };
  if (supports.length) next.supports = supports;
  else delete next.supports;
  d = setIn(d, ['evidence', index], next);
  if (
    supports.length === 0 &&
    next.context !== true &&
    referencesTo(d, 'evidence', id).length === 0
  ) {
    return {
      draft: setIn(
        d,
        ['evidence'],
        arr(d.evidence).filter((_, k) => k !== index),
      ),
      deleted: true,
    };
  }
  return { draft: d, deleted: false };
}

/**
 * The measure at `path` with its derivation or UNVERIFIED flag set; '' or false removes it. A bare
 * number becomes `{ value, … }` to hold it.
 */
export function setMeasureNote(
  draft: Draft,
  path: (string | number)[],
  key: 'derivation' | 'unverified',
  v: string | boolean,
): Draft {
  const m = getIn(draft, path);
  const obj: Obj = isObj(m) ? { ...m } : { value: (m as Json) ?? 0 };
  if (v === '' || v === false) delete obj[key];
  else obj[key] = v;
  return setIn(draft, path, obj);
}

/** One field of the `index`-th list element set; '' (or undefined) removes an optional field. */
export function setListField(
  draft: Draft,
  list: 'sources' | 'evidence',
  index: number,
  key: string,
  v: Json | undefined,
  { keepEmpty = false }: { keepEmpty?: boolean } = {},
): Draft {
  const item = arr(draft[list])[index];
  const next: Obj = isObj(item) ? { ...item } : {};
  if (v === undefined || v === false || (v === '' && !keepEmpty)) delete next[key];
  else next[key] = v;
  return setIn(draft, [list, index], next);
}

/** A new source with a fresh id, appended. */
export function addSource(draft: Draft): { draft: Draft; id: string } {
  const list = arr(draft.sources);
  const id = freshId(
    list.map((s) => (isObj(s) ? str(s.id) : '')),
    `source-${list.length + 1}`,
  );
  return { draft: setIn(draft, ['sources', list.length], { id, title: 'New source' }), id };
}

/** The draft without its `index`-th source (the items citing it are left to validation). */
export function removeSource(draft: Draft, index: number): Draft {
  return setIn(
    draft,
    ['sources'],
    arr(draft.sources).filter((_, k) => k !== index),
  );
}
