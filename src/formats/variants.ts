/**
 * Scenario variants (docs/scenario-format.md, "Variants"): a base scenario and a list of changes —
 * `set`, `scale`, `add`, `remove` at dot paths whose list elements are addressed by id — give a
 * new scenario, validated again with the same schema and cross-field rules as a file. Every
 * problem points at the change that caused it (`file:line:col path: message`, from the YAML
 * positions the parsers keep); numbers set outside their evidence range are kept (a what-if may go
 * anywhere) and listed as warnings. Pure: text in, scenario or `InputError` out.
 */
import type { ZodError } from 'zod';
import { InputError, type Location, type Problem } from '../core/errors.ts';
import { type FieldPath, formatPath } from '../core/path.ts';
import { Scenario } from '../core/scenario.ts';
import { validateScenario } from '../core/validate.ts';
import { CHANGE_KINDS, type ChangeKind, OverlayFile, type Variant } from '../core/variant.ts';
import { lazyLocate, readYamlDocument } from './yaml-document.ts';

/** Maps a field path of a file to its place (line and column). */
export type Locate = (path: FieldPath, preferKey?: boolean) => Location;

/** Where a change was written: a file (scenario or overlay) or the command line. */
export type ChangeSource =
  | { readonly kind: 'file'; readonly locate: Locate; readonly path: FieldPath }
  | { readonly kind: 'argv'; readonly text: string };

/** One change, with where it came from. */
export interface Change {
  readonly kind: ChangeKind;
  /** The dot path as written. */
  readonly target: string;
  readonly value?: unknown;
  readonly by?: number;
  readonly note?: string;
  readonly evidence?: readonly string[];
  /** The variant it belongs to, if any. */
  readonly variant?: string;
  readonly source: ChangeSource;
}

/** A variant with the file it was written in. */
export interface VariantEntry {
  readonly variant: Variant;
  readonly locate: Locate;
  /** Its path in that file, e.g. ['variants', 2]. */
  readonly path: FieldPath;
}

/** What applying changes did. */
export interface AppliedChange {
  readonly kind: ChangeKind;
  readonly target: string;
  readonly variant: string | null;
  readonly note: string | null;
  /** The evidence ids the change cites (its rationale's sources). */
  readonly evidence: readonly string[];
  /** The fields changed (with list elements by id), more than one for `*`. */
  readonly fields: string[];
  /** Also done: e.g. a removed actor leaving the coalition block. */
  readonly effects: string[];
}

export interface Overlaid {
  readonly scenario: Scenario;
  readonly changes: AppliedChange[];
  /** Numbers now outside their evidence range, ranges clamped to natural bounds. */
  readonly warnings: string[];
}

const NOWHERE: Locate = () => ({});

// ────────────────────────────────────────────────────────────────────────────────────────────────
// The schema as a guide: which fields exist, which are measures, lists or records.

interface ZodLike {
  readonly _zod: { readonly def: Record<string, unknown> & { type: string } };
}

function unwrap(s: ZodLike | undefined): ZodLike | undefined {
  let cur = s;
  for (let i = 0; cur && i < 10; i++) {
    const def = cur._zod.def;
    if (
      def.type === 'optional' ||
      def.type === 'default' ||
      def.type === 'nullable' ||
      def.type === 'prefault'
    )
      cur = def.innerType as ZodLike;
    else break;
  }
  return cur;
}

function childSchema(s: ZodLike | undefined, key: string | number): ZodLike | undefined {
  const u = unwrap(s);
  if (!u) return undefined;
  const def = u._zod.def;
  switch (def.type) {
    case 'object':
      return (def.shape as Record<string, ZodLike>)[String(key)];
    case 'record':
      return def.valueType as ZodLike;
    case 'array':
      return def.element as ZodLike;
    case 'tuple':
      return (def.items as ZodLike[])[Number(key)];
    case 'union':
      for (const o of def.options as ZodLike[]) {
        const c = childSchema(o, key);
        if (c) return c;
      }
      return undefined;
    default:
      return undefined;
  }
}

function typeOf(s: ZodLike | undefined): string | undefined {
  return unwrap(s)?._zod.def.type;
}

/** The fields of an object schema (or of the object option of a union), else null. */
function fieldsOf(s: ZodLike | undefined): string[] | null {
  const u = unwrap(s);
  if (!u) return null;
  const def = u._zod.def;
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') {
    for (const o of def.options as ZodLike[]) {
      const f = fieldsOf(o);
      if (f) return f;
    }
  }
  return null;
}

/** A measure: a number or { value, low, high, … }. */
function isMeasureSchema(s: ZodLike | undefined): boolean {
  const u = unwrap(s);
  if (!u || u._zod.def.type !== 'union') return false;
  const f = fieldsOf(u);
  return !!f && f.includes('value') && f.includes('low') && f.includes('high');
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// Paths.

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isMeasureObject = (x: unknown): x is Json & { value: number } =>
  isObject(x) && typeof x.value === 'number';

/** A change's failure: what is wrong, and whether its value (not its path) is at fault. */
class ChangeFailure extends Error {
  constructor(
    message: string,
    readonly at: 'target' | 'value' = 'target',
    /** How far the path resolved (for placing a command-line change in the base file). */
    readonly resolved: FieldPath = [],
  ) {
    super(message);
  }
}

interface Slot {
  readonly parent: Json | unknown[];
  readonly key: string | number;
  readonly path: (string | number)[];
  readonly schema: ZodLike | undefined;
  /** The path with list elements by id, as a user writes it. */
  readonly shown: string;
}

const idOf = (x: unknown): string | undefined =>
  typeof x === 'string' ? x : isObject(x) && typeof x.id === 'string' ? x.id : undefined;

function listIds(list: readonly unknown[]): string {
  const ids = list.map(idOf).filter((x): x is string => x !== undefined);
  if (ids.length === 0) return `indexes 0..${list.length - 1}`;
  return ids.length > 25 ? `${ids.slice(0, 25).join(', ')}, … (${ids.length})` : ids.join(', ');
}

const join = (shown: string, key: string | number) => (shown ? `${shown}.${key}` : String(key));

/**
 * The slots a dot path names. Ids may contain dots: the longest id that matches wins. `create`
 * makes missing objects on the way (for `set` and `add`).
 */
function resolve(root: Json, target: string, create: boolean): Slot[] {
  const tokens = target.split('.');
  if (tokens.some((t) => t.trim() === ''))
    throw new ChangeFailure(`"${target}" is not a path: expected names separated by dots`);
  if (tokens[0] === 'variants' || tokens[0] === '$schema')
    throw new ChangeFailure(`a change cannot touch ${tokens[0]}`);
  const out: Slot[] = [];
  const walk = (
    node: unknown,
    schema: ZodLike | undefined,
    path: (string | number)[],
    shown: string,
    i: number,
  ): void => {
    const tok = tokens[i]!;
    const step = (
      parent: Json | unknown[],
      key: string | number,
      label: string,
      next: number,
    ): void => {
      const childS = childSchema(schema, key);
      const p = [...path, key];
      const s = join(shown, label);
      if (next === tokens.length) {
        out.push({ parent, key, path: p, schema: childS, shown: s });
        return;
      }
      let child = (parent as Record<string | number, unknown>)[key];
      if (typeof child === 'number' && isMeasureSchema(childS)) {
        // A plain number measure grows into { value } to take a field (low, high, evidence…).
        child = { value: child };
        (parent as Record<string | number, unknown>)[key] = child;
      } else if (child === undefined && create) {
        const t = typeOf(childS);
        if (t === 'object' || t === 'record') {
          child = {};
          (parent as Json)[key] = child;
        } else if (t === 'array') {
          child = [];
          (parent as Json)[key] = child;
        }
      }
      if (child === undefined)
        throw new ChangeFailure(`${s} is not set: nothing to change in it`, 'target', p);
      walk(child, childS, p, s, next);
    };
    if (Array.isArray(node)) {
      if (tok === '*') {
        if (node.length === 0) throw new ChangeFailure(`${shown} is empty: "*" matches nothing`);
        node.forEach((e, idx) => step(node, idx, idOf(e) ?? String(idx), i + 1));
        return;
      }
      for (let m = tokens.length - i; m >= 1; m--) {
        const id = tokens.slice(i, i + m).join('.');
        const idx = node.findIndex((e) => idOf(e) === id);
        if (idx >= 0) return step(node, idx, id, i + m);
      }
      if (/^\d+$/.test(tok) && Number(tok) < node.length)
        return step(node, Number(tok), tok, i + 1);
      throw new ChangeFailure(
        `unknown id "${tok}" in ${shown || 'the scenario'}; known: ${listIds(node)}`,
        'target',
        path,
      );
    }
    if (isObject(node)) {
      if (tok === '*') {
        const keys = Object.keys(node);
        if (keys.length === 0) throw new ChangeFailure(`${shown} is empty: "*" matches nothing`);
        for (const k of keys) step(node, k, k, i + 1);
        return;
      }
      for (let m = tokens.length - i; m >= 1; m--) {
        const key = tokens.slice(i, i + m).join('.');
        if (Object.hasOwn(node, key)) return step(node, key, key, i + 1);
      }
      const t = typeOf(schema);
      if (t === 'record') {
        const keys = Object.keys(node);
        // A new key in a record (a stance on another issue, a new capability measure) is allowed
        // only at the end of the path or when creating.
        if (i === tokens.length - 1 || create) return step(node, tok, tok, i + 1);
        throw new ChangeFailure(
          `unknown key "${tok}" in ${shown || 'the scenario'}; known: ${keys.join(', ') || 'none'}`,
          'target',
          path,
        );
      }
      const fields = fieldsOf(schema);
      if (fields && fields.includes(tok)) return step(node, tok, tok, i + 1);
      throw new ChangeFailure(
        `unknown field "${tok}" in ${shown || 'the scenario'}; fields: ${(fields ?? Object.keys(node)).filter((f) => f !== '$schema' && f !== 'variants').join(', ')}`,
        'target',
        path,
      );
    }
    throw new ChangeFailure(
      `${shown} is ${node === null ? 'null' : `a ${typeof node}`}: it has no field "${tok}"`,
    );
  };
  walk(root, Scenario as unknown as ZodLike, [], '', 0);
  return out;
}

/** A concrete path shown with list elements by id, as far as `root` still has them. */
function showPath(root: unknown, path: FieldPath): string {
  let node: unknown = root;
  let shown = '';
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') {
      const e: unknown = node[key];
      shown = join(shown, idOf(e) ?? String(key));
      node = e;
    } else {
      shown = join(shown, key);
      node = isObject(node) ? node[String(key)] : undefined;
    }
  }
  return shown;
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// The four operations.

const clone = <T>(x: T): T => structuredClone(x);
const fmt = (x: number) => String(Number(x.toPrecision(6)));

interface Context {
  readonly root: Json;
  readonly warnings: string[];
  readonly label: string;
}

/** Cites the change's evidence and note on a changed measure. */
function annotate(slot: Slot, change: Change, ctx: Context): void {
  if (!change.note && !change.evidence?.length) return;
  const parent = slot.parent as Record<string | number, unknown>;
  let m = parent[slot.key];
  if (typeof m === 'number' && isMeasureSchema(slot.schema)) {
    m = { value: m };
    parent[slot.key] = m;
  }
  if (!isMeasureObject(m)) return;
  if (change.evidence?.length) {
    const cited = Array.isArray(m.evidence) ? (m.evidence as string[]) : [];
    m.evidence = [...new Set([...cited, ...change.evidence])];
  }
  if (change.note) {
    const before = typeof m.derivation === 'string' ? ` (base: ${m.derivation})` : '';
    m.derivation = `${ctx.label}: ${change.note}${before}`;
  }
}

/** Widens a measure's range to hold its value, with a warning when it did not. */
function keepInRange(m: Json & { value: number }, shown: string, ctx: Context): void {
  const low = typeof m.low === 'number' ? m.low : undefined;
  const high = typeof m.high === 'number' ? m.high : undefined;
  if (low === undefined && high === undefined) return;
  const lo = low ?? m.value;
  const hi = high ?? m.value;
  if (m.value >= Math.min(lo, hi) && m.value <= Math.max(lo, hi)) return;
  const range = `${fmt(lo)}–${fmt(hi)}`;
  if (low !== undefined) m.low = Math.min(low, m.value);
  if (high !== undefined) m.high = Math.max(high, m.value);
  ctx.warnings.push(
    `${shown}: ${fmt(m.value)} lies outside its evidence range ${range} (${ctx.label}); the range for draws is widened to ${fmt((m.low as number | undefined) ?? m.value)}–${fmt((m.high as number | undefined) ?? m.value)}`,
  );
}

function applySet(slot: Slot, change: Change, ctx: Context): void {
  const parent = slot.parent as Record<string | number, unknown>;
  const current = parent[slot.key];
  const value = change.value;
  if (isMeasureObject(current) && typeof value === 'number') {
    current.value = value;
    keepInRange(current, slot.shown, ctx);
  } else if (isMeasureObject(current) && isObject(value) && isMeasureSchema(slot.schema)) {
    // Fields given replace the measure's own; the others (evidence, derivation…) stay.
    const merged = { ...current, ...clone(value) };
    parent[slot.key] = merged;
    if (typeof merged.value === 'number' && !('low' in value) && !('high' in value))
      keepInRange(merged, slot.shown, ctx);
  } else {
    parent[slot.key] = clone(value);
  }
  annotate(slot, change, ctx);
}

function scaleMeasure(
  parent: Record<string | number, unknown>,
  key: string | number,
  by: number,
  shown: string,
  ctx: Context,
): boolean {
  const m = parent[key];
  if (typeof m === 'number') {
    parent[key] = m * by;
    return true;
  }
  if (!isMeasureObject(m)) return false;
  const low = typeof m.low === 'number' ? m.low : undefined;
  const high = typeof m.high === 'number' ? m.high : undefined;
  m.value *= by;
  const lo = low === undefined ? undefined : low * by;
  const hi = high === undefined ? undefined : high * by;
  if (by < 0) {
    if (hi !== undefined) m.low = hi;
    else delete m.low;
    if (lo !== undefined) m.high = lo;
    else delete m.high;
  } else {
    if (lo !== undefined) m.low = lo;
    if (hi !== undefined) m.high = hi;
  }
  if ((low !== undefined && m.value < low) || (high !== undefined && m.value > high)) {
    ctx.warnings.push(
      `${shown}: ${fmt(m.value)} (×${fmt(by)}) lies outside its evidence range ${fmt(low ?? m.value / by)}–${fmt(high ?? m.value / by)} (${ctx.label})`,
    );
  }
  return true;
}

/** The slots a scale changes: the measure itself, or every measure directly under it. */
function applyScale(slot: Slot, change: Change, ctx: Context): Slot[] {
  const by = change.by!;
  if (!Number.isFinite(by)) throw new ChangeFailure(`by ${by} is not a finite number`, 'value');
  const parent = slot.parent as Record<string | number, unknown>;
  const current = parent[slot.key];
  if (scaleMeasure(parent, slot.key, by, slot.shown, ctx)) {
    annotate(slot, change, ctx);
    return [slot];
  }
  const done: Slot[] = [];
  if (isObject(current) || Array.isArray(current)) {
    const container = current as Record<string | number, unknown>;
    const keys = Array.isArray(current) ? current.map((_, i) => i) : Object.keys(current);
    for (const key of keys) {
      const e = container[key];
      const childS = childSchema(slot.schema, key);
      if (typeof e !== 'number' && !(isMeasureObject(e) && isMeasureSchema(childS))) continue;
      const shown = join(slot.shown, Array.isArray(current) ? (idOf(e) ?? key) : key);
      scaleMeasure(container, key, by, shown, ctx);
      const child: Slot = {
        parent: container,
        key,
        path: [...slot.path, key],
        schema: childS,
        shown,
      };
      annotate(child, change, ctx);
      done.push(child);
    }
  }
  if (done.length === 0)
    throw new ChangeFailure(`${slot.shown} is not a number or measure, nor holds any to scale`);
  return done;
}

function applyAdd(slot: Slot, change: Change): void {
  const parent = slot.parent as Record<string | number, unknown>;
  let list = parent[slot.key];
  if (list === undefined && typeOf(slot.schema) === 'array') {
    list = [];
    parent[slot.key] = list;
  }
  if (!Array.isArray(list))
    throw new ChangeFailure(
      `${slot.shown} is not a list: add appends to a list such as actors, evidence, sources`,
    );
  list.push(clone(change.value));
}

/** Removes an actor everywhere it is named in the coalition block and in evidence `supports`. */
function removeActorRefs(root: Json, id: string): string[] {
  const effects: string[] = [];
  const coalition = root.coalition as Json | undefined;
  if (coalition) {
    const candidates = coalition.candidates as string[] | undefined;
    if (candidates?.includes(id)) {
      coalition.candidates = candidates.filter((c) => c !== id);
      effects.push(`left coalition.candidates`);
    }
    const parties = coalition.parties as Record<string, Json> | undefined;
    if (parties) {
      if (parties[id]) {
        delete parties[id];
        effects.push(`coalition.parties.${id} removed`);
      }
      for (const [pid, party] of Object.entries(parties)) {
        if (party.public === id) {
          delete party.public;
          effects.push(`coalition.parties.${pid}.public removed`);
        }
      }
    }
    const ties = coalition.allianceTies as { between: string[] }[] | undefined;
    if (ties?.some((t) => t.between.includes(id))) {
      coalition.allianceTies = ties.filter((t) => !t.between.includes(id));
      effects.push('its alliance ties removed');
    }
    const cm = coalition.commitment as Json | undefined;
    const terms = cm?.candidates as Record<string, unknown> | undefined;
    if (terms?.[id] !== undefined) {
      delete terms[id];
      effects.push(`coalition.commitment.candidates.${id} removed`);
    }
  }
  for (const e of (root.evidence as Json[] | undefined) ?? []) {
    const supports = e.supports as { actor?: string }[] | undefined;
    if (supports?.some((s) => s.actor === id)) e.supports = supports.filter((s) => s.actor !== id);
  }
  effects.push(...removeLeverRefs(root, id, true));
  return effects;
}

/**
 * Drops the `levers:` markings that name a removed actor or issue in their path, and the actor
 * from every `by` (a marking left with no one to act goes too).
 */
function removeLeverRefs(root: Json, id: string, actor: boolean): string[] {
  const marks = root.levers as { path?: unknown; by?: unknown }[] | undefined;
  if (!Array.isArray(marks)) return [];
  const kept = marks.filter((m) => {
    if (typeof m.path === 'string' && `.${m.path}.`.includes(`.${id}.`)) return false;
    if (actor && Array.isArray(m.by) && m.by.includes(id)) {
      m.by = m.by.filter((b) => b !== id);
      return (m.by as unknown[]).length > 0;
    }
    return true;
  });
  if (kept.length === marks.length) return [];
  root.levers = kept;
  return [`${marks.length - kept.length} lever marking(s) removed`];
}

/** Removes an evidence id from every measure and tie that cites it. */
function removeEvidenceRefs(node: unknown, id: string, top = true): number {
  let n = 0;
  if (Array.isArray(node)) for (const e of node) n += removeEvidenceRefs(e, id, false);
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (top && k === 'variants') continue;
      if (k === 'evidence' && Array.isArray(v) && v.every((x) => typeof x === 'string')) {
        if (v.includes(id)) {
          node[k] = v.filter((x) => x !== id);
          n++;
        }
      } else n += removeEvidenceRefs(v, id, false);
    }
  }
  return n;
}

function removeIssueRefs(root: Json, id: string): string[] {
  let stances = 0;
  for (const a of (root.actors as Json[] | undefined) ?? []) {
    const s = a.stances as Record<string, unknown> | undefined;
    if (s && id in s) {
      delete s[id];
      stances++;
    }
  }
  for (const e of (root.evidence as Json[] | undefined) ?? []) {
    const supports = e.supports as { issue?: string }[] | undefined;
    if (supports?.some((s) => s.issue === id)) e.supports = supports.filter((s) => s.issue !== id);
  }
  return [
    ...(stances ? [`${stances} stance(s) on it removed`] : []),
    ...removeLeverRefs(root, id, false),
  ];
}

function applyRemove(slots: Slot[], root: Json): string[] {
  const effects: string[] = [];
  // Last index first, so earlier indexes stay valid.
  const ordered = [...slots].sort((a, b) =>
    typeof a.key === 'number' && typeof b.key === 'number' ? b.key - a.key : 0,
  );
  for (const slot of ordered) {
    const parent = slot.parent as Record<string | number, unknown>;
    const removed = parent[slot.key];
    if (removed === undefined)
      throw new ChangeFailure(`${slot.shown} is not set: nothing to remove`);
    if (Array.isArray(slot.parent) && typeof slot.key === 'number') slot.parent.splice(slot.key, 1);
    else delete parent[slot.key];
    const id = idOf(removed);
    if (slot.path.length === 2 && id !== undefined) {
      if (slot.path[0] === 'actors') effects.push(...removeActorRefs(root, id));
      else if (slot.path[0] === 'evidence') {
        const n = removeEvidenceRefs(root, id);
        if (n) effects.push(`citations of it removed from ${n} number(s)`);
      } else if (slot.path[0] === 'issues') effects.push(...removeIssueRefs(root, id));
    }
  }
  return effects;
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// Applying, and pointing every problem at its change.

function labelOf(c: Change): string {
  if (c.source.kind === 'argv') return `--set ${c.source.text}`;
  const what = c.kind === 'scale' ? `scale ${c.target} by ${c.by}` : `${c.kind} ${c.target}`;
  return c.variant ? `variant "${c.variant}": ${what}` : what;
}

interface Record_ {
  readonly change: Change;
  paths: FieldPath[];
}

const startsWith = (a: FieldPath, b: FieldPath) =>
  b.length <= a.length && b.every((k, i) => a[i] === k);

function problemAt(
  rec: Record_,
  message: string,
  at: 'target' | 'value',
  rest: FieldPath,
  baseLocate: Locate,
): Problem {
  const { change } = rec;
  const src = change.source;
  if (src.kind === 'argv') {
    const where = baseLocate(rec.paths[0] ?? []);
    return { ...where, path: change.target, message: `${labelOf(change)}: ${message}` };
  }
  const field: FieldPath =
    at === 'value' && (change.kind === 'set' || change.kind === 'add')
      ? [...src.path, 'value', ...rest]
      : at === 'value' && change.kind === 'scale'
        ? [...src.path, 'by']
        : [...src.path, change.kind];
  return {
    ...src.locate(field),
    path: formatPath(src.path),
    message: `${labelOf(change)}: ${message}`,
  };
}

function zodIssues(error: ZodError): { path: FieldPath; message: string }[] {
  const out: { path: FieldPath; message: string }[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...path, key], message: `unknown field "${key}"` });
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && issue.input === undefined)
      message = `missing: expected ${issue.expected}`;
    else if (
      (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
      issue.input !== undefined &&
      !message.includes('got')
    )
      message += `; got ${(JSON.stringify(issue.input) as string | undefined)?.slice(0, 60) ?? typeof issue.input}`;
    out.push({ path, message });
  }
  return out;
}

/**
 * Applies `changes` in order to a copy of `base` and validates the result. `baseLocate` places
 * command-line changes in the base file. Throws an {@link InputError} listing every problem, each
 * at the change that caused it.
 */
export function applyChanges(
  base: Scenario,
  changes: readonly Change[],
  options: { baseLocate?: Locate; extraVariants?: readonly Variant[] } = {},
): Overlaid {
  const baseLocate = options.baseLocate ?? NOWHERE;
  const root = clone(base) as unknown as Json;
  if (options.extraVariants?.length) {
    const extra = options.extraVariants;
    const kept = ((root.variants as Variant[] | undefined) ?? []).filter(
      (v) => !extra.some((e) => e.id === v.id),
    );
    root.variants = [...kept, ...clone(extra)];
  }
  const warnings: string[] = [];
  const problems: Problem[] = [];
  const records: Record_[] = [];
  let structural = (options.extraVariants?.length ?? 0) > 0;
  const applied: AppliedChange[] = [];
  for (const change of changes) {
    const rec: Record_ = { change, paths: [] };
    records.push(rec);
    const ctx: Context = { root, warnings, label: labelOf(change) };
    try {
      const slots = resolve(root, change.target, change.kind === 'set' || change.kind === 'add');
      let effects: string[] = [];
      let done = slots;
      // Only numbers of measures changed in place: the structure needs no second schema check.
      const inPlace = (slot: Slot) => {
        const current = (slot.parent as Record<string | number, unknown>)[slot.key];
        return (
          isMeasureSchema(slot.schema) && (typeof current === 'number' || isMeasureObject(current))
        );
      };
      if (
        !(change.kind === 'set' && typeof change.value === 'number' && slots.every(inPlace)) &&
        !(change.kind === 'scale' && slots.every(inPlace))
      )
        structural = true;
      if (change.kind === 'set') for (const s of slots) applySet(s, change, ctx);
      else if (change.kind === 'scale') done = slots.flatMap((s) => applyScale(s, change, ctx));
      else if (change.kind === 'add') for (const s of slots) applyAdd(s, change);
      else effects = applyRemove(slots, root);
      rec.paths = done.map((s) => s.path);
      applied.push({
        kind: change.kind,
        target: change.target,
        variant: change.variant ?? null,
        note: change.note ?? null,
        evidence: change.evidence ?? [],
        fields: done.map((s) => s.shown),
        effects,
      });
    } catch (err) {
      if (!(err instanceof ChangeFailure)) throw err;
      if (rec.paths.length === 0 && err.resolved.length) rec.paths = [err.resolved];
      problems.push(problemAt(rec, err.message, err.at, [], baseLocate));
    }
  }
  if (problems.length) throw new InputError(problems);

  // The evidence a change cites must exist.
  const evidenceIds = new Set(((root.evidence as Json[] | undefined) ?? []).map(idOf));
  for (const rec of records) {
    for (const id of rec.change.evidence ?? []) {
      if (!evidenceIds.has(id))
        problems.push(
          problemAt(
            rec,
            `unknown evidence id "${id}" in the change's evidence`,
            'target',
            [],
            baseLocate,
          ),
        );
    }
  }
  if (problems.length) throw new InputError(problems);

  /** The change a problem at `path` comes from: the last that touched it, else the last add/remove. */
  const attribute = (path: FieldPath, message: string): Problem => {
    let best: Record_ | undefined;
    let rest: FieldPath = [];
    for (const rec of records) {
      for (const p of rec.paths) {
        if (startsWith(path, p)) {
          best = rec;
          rest = path.slice(p.length);
        } else if (startsWith(p, path)) {
          best = rec;
          rest = [];
        }
      }
    }
    if (best) {
      const exact = rest.length === 0 && best.paths.some((p) => p.length === path.length);
      const text = exact ? message : `${showPath(root, path)}: ${message}`;
      return problemAt(best, text, 'value', rest, baseLocate);
    }
    const structural = [...records]
      .reverse()
      .find((r) => r.change.kind === 'add' || r.change.kind === 'remove');
    const rec = structural ?? records[records.length - 1]!;
    return problemAt(rec, `then ${showPath(root, path)}: ${message}`, 'target', [], baseLocate);
  };

  // The schema again, unless only measures' numbers changed (a clone of a parsed scenario with
  // numbers changed in place is still one; the cross-field rules below check their ranges).
  let parsed: { data: Scenario };
  if (structural) {
    const checked = Scenario.safeParse(root, { reportInput: true });
    if (!checked.success)
      throw new InputError(zodIssues(checked.error).map((p) => attribute(p.path, p.message)));
    parsed = checked;
  } else parsed = { data: root as unknown as Scenario };

  // A scaled range may cross a natural bound (a probability's high × 1.5 > 1): clamp the range
  // there, not the value, and say so.
  let cross = validateScenario(parsed.data);
  const scaled = records.filter((r) => r.change.kind === 'scale');
  let clamped = false;
  for (const p of cross) {
    const end = p.path[p.path.length - 1];
    if (end !== 'low' && end !== 'high') continue;
    const owner = p.path.slice(0, -1);
    if (!scaled.some((r) => r.paths.some((q) => q.length === owner.length && startsWith(owner, q))))
      continue;
    const m = /expected within (-?[\d.e+]+)\.\.(-?[\d.e+]+)/.exec(p.message);
    if (!m) continue;
    let node: unknown = parsed.data;
    for (const k of owner) node = (node as Record<string | number, unknown>)[k];
    if (!isMeasureObject(node)) continue;
    const bound = end === 'low' ? Number(m[1]) : Number(m[2]);
    warnings.push(
      `${showPath(root, owner)}: ${end} ${fmt(node[end] as number)} clamped to ${fmt(bound)}, its natural bound`,
    );
    node[end] = bound;
    clamped = true;
  }
  if (clamped) cross = validateScenario(parsed.data);
  if (cross.length) throw new InputError(cross.map((p) => attribute(p.path, p.message)));
  return { scenario: parsed.data, changes: applied, warnings };
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// Variants: chains and checks.

/** The variants of a scenario, each placed in its file by `locate`. */
export function variantEntries(scenario: Scenario, locate: Locate = NOWHERE): VariantEntry[] {
  return (scenario.variants ?? []).map((variant, i) => ({
    variant,
    locate,
    path: ['variants', i],
  }));
}

/** The changes of a variant as written at `entry`, tagged with their source. */
function changesOf(entry: VariantEntry): Change[] {
  return entry.variant.changes.map((c, j) => {
    const kind = CHANGE_KINDS.find((k) => c[k] !== undefined)!;
    return {
      kind,
      target: c[kind]!,
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.by !== undefined ? { by: c.by } : {}),
      ...(c.note !== undefined ? { note: c.note } : {}),
      ...(c.evidence !== undefined ? { evidence: c.evidence } : {}),
      variant: entry.variant.id,
      source: { kind: 'file', locate: entry.locate, path: [...entry.path, 'changes', j] },
    };
  });
}

/**
 * The changes of variant `id`, those of the variants it extends first. An unknown id, an unknown
 * `extends` or a cycle is an {@link InputError}.
 */
export function variantChanges(entries: readonly VariantEntry[], id: string): Change[] {
  const byId = new Map(entries.map((e) => [e.variant.id, e]));
  const first = byId.get(id);
  if (!first) {
    const known = entries.map((e) => e.variant.id);
    throw new InputError({
      path: '--variant',
      message: `unknown variant "${id}"; ${known.length ? `variants: ${known.join(', ')}` : 'the scenario has no variants'}`,
    });
  }
  const chain: VariantEntry[] = [];
  for (let e: VariantEntry | undefined = first; e;) {
    if (chain.includes(e)) {
      const ids = [...chain.slice(chain.indexOf(e)), e].map((x) => x.variant.id);
      const at = chain[chain.length - 1]!;
      throw new InputError({
        ...at.locate([...at.path, 'extends']),
        path: formatPath([...at.path, 'extends']),
        message: `variant cycle: ${ids.join(' → ')}`,
      });
    }
    chain.push(e);
    const parent = e.variant.extends;
    if (parent === undefined) break;
    const next = byId.get(parent);
    if (!next) {
      throw new InputError({
        ...e.locate([...e.path, 'extends']),
        path: formatPath([...e.path, 'extends']),
        message: `unknown variant "${parent}"; variants: ${[...byId.keys()].join(', ')}`,
      });
    }
    e = next;
  }
  return chain.reverse().flatMap(changesOf);
}

/** Applies variant `id` (after the variants it extends) to `base`. */
export function applyVariant(
  base: Scenario,
  id: string,
  entries: readonly VariantEntry[] = variantEntries(base),
): Overlaid {
  return applyChanges(base, variantChanges(entries, id));
}

/**
 * Every problem of a scenario's variants: duplicate ids, unknown `extends`, cycles, and each
 * variant applied and validated. Called when a scenario file is read, so a broken variant is a
 * problem of the file.
 */
export function checkVariants(scenario: Scenario, locate: Locate = NOWHERE): Problem[] {
  const entries = variantEntries(scenario, locate);
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const first = seen.get(e.variant.id);
    if (first !== undefined) {
      const path = [...e.path, 'id'];
      problems.push({
        ...locate(path),
        path: formatPath(path),
        message: `duplicate variant id "${e.variant.id}" (first used by variants[${first}])`,
      });
    } else seen.set(e.variant.id, i);
  });
  if (problems.length) return problems;
  const out = new Map<string, Problem>();
  for (const e of entries) {
    try {
      applyChanges(scenario, variantChanges(entries, e.variant.id));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const p of err.problems) out.set(`${p.line}:${p.column}:${p.path}:${p.message}`, p);
    }
  }
  return [...out.values()];
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// The command line and overlay files.

/** `PATH=VALUE` of `--set`: VALUE as JSON when it parses, else as a string. */
export function parseSetArg(text: string): Change {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new InputError({
      path: '--set',
      message: `"${text}" is not PATH=VALUE (e.g. --set coalition.commitment.credibility=0.4)`,
    });
  }
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the text itself.
  }
  return { kind: 'set', target: text.slice(0, eq).trim(), value, source: { kind: 'argv', text } };
}

/** A lazily built locator over a YAML/JSON text (built on the first problem only). */
export const lazyLocator: (text: string, file: string | undefined) => Locate = lazyLocate;

/** An overlay file (`--overlay`): its changes and variants, each placed in the file. */
export function parseOverlayText(
  text: string,
  file: string,
): { changes: Change[]; variants: VariantEntry[] } {
  const { raw, locate } = readYamlDocument(text, file);
  // A bare list is a list of variants.
  const bare = Array.isArray(raw);
  const parsed = OverlayFile.safeParse(bare ? { variants: raw } : raw, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(
      zodIssues(parsed.error).map((p) => {
        const path = bare ? p.path.slice(1) : p.path;
        return { ...locate(path), path: formatPath(path), message: p.message };
      }),
    );
  }
  if (!parsed.data.changes && !parsed.data.variants) {
    throw new InputError({
      ...locate([]),
      path: '',
      message: 'an overlay needs changes: [...] or variants: [...] (or is a list of variants)',
    });
  }
  const variants: VariantEntry[] = (parsed.data.variants ?? []).map((variant, i) => ({
    variant,
    locate,
    path: bare ? [i] : ['variants', i],
  }));
  const changes = changesOf({
    variant: { id: '', name: '', changes: parsed.data.changes ?? [] },
    locate,
    path: [],
  }).map((c) => {
    const { variant: _unused, ...rest } = c;
    return rest;
  });
  return { changes, variants };
}
