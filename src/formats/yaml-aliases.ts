/**
 * YAML aliases (`*name`) checked before a document is turned into values: every alias must
 * follow its anchor (`&name`), must not sit inside the node it names (a cycle), and all aliases
 * together may add at most {@link MAX_ALIAS_VALUES} values — a "billion laughs" document (anchors
 * of anchors, 9^9 values from a few lines) is refused at its alias instead of stalling the
 * validator. Pure: returns the problems with their offsets; the caller maps them to lines.
 */
import { type Document, isAlias, isCollection, isPair, isScalar, visit } from 'yaml';
import type { Alias, Node } from 'yaml';

/** The most values aliases may add to a scenario file (docs/hardening.md). */
export const MAX_ALIAS_VALUES = 100_000;

export interface AliasProblem {
  /** Offset of the alias in the text. */
  readonly offset: number;
  readonly message: string;
}

/** The problems of `doc`'s aliases; empty when the document has none or they are sound. */
export function aliasProblems(doc: Document): AliasProblem[] {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const problems: AliasProblem[] = [];
  // visit walks the document in order, a node before its children, so an alias sees exactly the
  // anchors defined before it (the YAML rule).
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
        else
          problems.push({
            offset: node.range?.[0] ?? 0,
            message: `not valid YAML: alias *${node.source} has no anchor &${node.source} before it`,
          });
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  if (problems.length > 0 || targets.size === 0) return problems;

  // Values each node stands for once its aliases are expanded, capped just above the limit.
  const cap = MAX_ALIAS_VALUES + 1;
  const size = new Map<unknown, number>();
  const open = new Set<unknown>();
  let cycle: Alias | undefined;
  const count = (node: unknown): number => {
    if (node === null || node === undefined || isScalar(node)) return 1;
    const known = size.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) return cap; // reached again while inside it: a cycle
    open.add(node);
    let n = 1;
    if (isAlias(node)) {
      const target = targets.get(node)!;
      if (open.has(target)) cycle ??= node;
      n = count(target);
    } else if (isPair(node)) n = count(node.key) + count(node.value);
    else if (isCollection(node)) for (const item of node.items) n += count(item);
    open.delete(node);
    n = Math.min(n, cap);
    size.set(node, n);
    return n;
  };
  // The same count with every alias as one value: what the text itself holds.
  const written = (node: unknown): number => {
    if (isPair(node)) return written(node.key) + written(node.value);
    if (isCollection(node)) return node.items.reduce((n: number, item) => n + written(item), 1);
    return 1;
  };
  const plain = written(doc.contents);
  const total = count(doc.contents);
  if (cycle) {
    return [
      {
        offset: cycle.range?.[0] ?? 0,
        message: `alias *${cycle.source} is inside the node &${cycle.source} it names (a cycle): a scenario cannot contain itself`,
      },
    ];
  }
  if (total - plain > MAX_ALIAS_VALUES || total >= cap) {
    // Point at the alias that expands the most (the last rung of a "billion laughs").
    let worst: Alias | undefined;
    for (const alias of targets.keys()) if (!worst || count(alias) > count(worst)) worst = alias;
    return [
      {
        offset: worst?.range?.[0] ?? 0,
        message: `aliases expand to more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values (a "billion laughs" document?): write the values out, or use fewer aliases`,
      },
    ];
  }
  return [];
}
