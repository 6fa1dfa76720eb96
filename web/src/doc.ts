/**
 * The scenario being edited: a plain JSON object (as the API sends it), changed immutably. Helpers
 * read and write measures (a number or { value, low, high, … }) and list numbers for diffs.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Draft = { [k: string]: Json };

export type MeasureField = 'value' | 'low' | 'high';

export interface MeasureView {
  value: number | string | undefined;
  low: number | undefined;
  high: number | undefined;
  evidence: string[];
  derivation: string | undefined;
  unverified: boolean;
}

export function readMeasure(m: Json | undefined): MeasureView {
  if (typeof m === 'number' || typeof m === 'string')
    return {
      value: m,
      low: undefined,
      high: undefined,
      evidence: [],
      derivation: undefined,
      unverified: false,
    };
  if (m && typeof m === 'object' && !Array.isArray(m)) {
    const num = (x: Json | undefined) => (typeof x === 'number' ? x : undefined);
    return {
      value: typeof m.value === 'number' || typeof m.value === 'string' ? m.value : undefined,
      low: num(m.low),
      high: num(m.high),
      evidence: Array.isArray(m.evidence)
        ? m.evidence.filter((x): x is string => typeof x === 'string')
        : [],
      derivation: typeof m.derivation === 'string' ? m.derivation : undefined,
      unverified: m.unverified === true,
    };
  }
  return {
    value: undefined,
    low: undefined,
    high: undefined,
    evidence: [],
    derivation: undefined,
    unverified: false,
  };
}

/**
 * A measure with one field set. A bare number stays a bare number when only its value changes;
 * setting a range turns it into `{ value, low, high }`. `undefined` removes low/high.
 */
export function writeMeasure(
  m: Json | undefined,
  field: MeasureField,
  v: number | string | undefined,
): Json {
  if (field === 'value' && (m === undefined || typeof m === 'number' || typeof m === 'string'))
    return v === undefined ? '' : v;
  const obj: { [k: string]: Json } =
    m && typeof m === 'object' && !Array.isArray(m)
      ? { ...m }
      : { value: (m as number | string | undefined) ?? 0 };
  if (v === undefined) delete obj[field];
  else obj[field] = v;
  return obj;
}

type Key = string | number;

export function getIn(root: Json, path: readonly Key[]): Json | undefined {
  let cur: Json | undefined = root;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<Key, Json>)[k];
  }
  return cur;
}

/** A copy of `root` with the value at `path` replaced (containers on the path are copied). */
export function setIn<T extends Json>(root: T, path: readonly Key[], value: Json): T {
  if (path.length === 0) return value as T;
  const [k, ...rest] = path as [Key, ...Key[]];
  const copy: Json = Array.isArray(root) ? [...root] : { ...(root as object) };
  const child = (root as Record<Key, Json>)[k];
  (copy as Record<Key, Json>)[k] = setIn(
    (child ?? (typeof rest[0] === 'number' ? [] : {})) as Json,
    rest,
    value,
  );
  return copy as T;
}

/** Every number in a scenario with its path (`actors[2].stances.x.salience.value`), for diffs. */
export function numbersOf(root: Json, prefix = ''): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (x: Json, p: string) => {
    if (typeof x === 'number') out.set(p, x);
    else if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${p}[${i}]`));
    else if (x && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) walk(v, p ? `${p}.${k}` : k);
  };
  walk(root, prefix);
  return out;
}

/** Changed, added and removed numbers between two versions, with the actor id in the label. */
export function diffNumbers(
  a: Json,
  b: Json,
): { path: string; from: number | null; to: number | null }[] {
  const na = numbersOf(a);
  const nb = numbersOf(b);
  const keys = [...new Set([...na.keys(), ...nb.keys()])].sort();
  return keys
    .filter((k) => na.get(k) !== nb.get(k))
    .map((k) => ({ path: k, from: na.get(k) ?? null, to: nb.get(k) ?? null }));
}

export function newScenario(): Draft {
  return {
    id: 'my-scenario',
    title: 'A new negotiation',
    question: 'Where will the negotiation end?',
    asOf: new Date().toISOString().slice(0, 10),
    sources: [],
    issues: [
      {
        id: 'deal',
        name: 'Depth of the deal',
        scale: {
          min: 0,
          max: 100,
          anchors: [
            { value: 0, label: 'No deal' },
            { value: 100, label: 'Full deal' },
          ],
        },
        threshold: { value: 50, label: 'A deal worth signing' },
      },
    ],
    actors: [
      {
        id: 'a',
        name: 'Party A',
        kind: 'government',
        capability: 1,
        stances: { deal: { position: 80, salience: 60 } },
      },
      {
        id: 'b',
        name: 'Party B',
        kind: 'government',
        capability: 1,
        stances: { deal: { position: 20, salience: 60 } },
      },
    ],
    evidence: [],
  };
}

/**
 * A lever's dot path (`actors.korea-gov.stances.usfk-flexibility.salience`: list elements by id,
 * as `levers:` and `--set` name them) → the draft's path with list indices; null when it names
 * nothing. An id containing dots spans several tokens: the longest match wins.
 */
export function resolveIdPath(root: Json, dotPath: string): (string | number)[] | null {
  const tokens = dotPath.split('.');
  const out: (string | number)[] = [];
  let cur: Json | undefined = root;
  for (let i = 0; i < tokens.length;) {
    if (Array.isArray(cur)) {
      let found = -1;
      let used = 0;
      for (let k = tokens.length; k > i && found < 0; k--) {
        const id = tokens.slice(i, k).join('.');
        found = cur.findIndex(
          (x) => x !== null && typeof x === 'object' && !Array.isArray(x) && x.id === id,
        );
        used = k - i;
      }
      if (found < 0) return null;
      out.push(found);
      cur = cur[found];
      i += used;
    } else if (cur !== null && typeof cur === 'object') {
      let key = tokens[i]!;
      let k = i + 1;
      // A key containing dots (an issue id in `stances`): the longest that exists.
      for (let j = tokens.length; j > i + 1; j--) {
        const joined = tokens.slice(i, j).join('.');
        if (joined in cur) {
          key = joined;
          k = j;
          break;
        }
      }
      if (!(key in cur)) return null;
      out.push(key);
      cur = (cur as Record<string, Json>)[key];
      i = k;
    } else return null;
  }
  return out;
}
