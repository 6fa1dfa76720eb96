/**
 * Maps a field path in a parsed YAML/JSON document to its line and column, so that every problem
 * in a user's file points at the spot. When the field is missing, the nearest enclosing field.
 */
import { type Document, LineCounter, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Location } from '../core/errors.ts';
import type { FieldPath } from '../core/path.ts';

export function locator(doc: Document, lines: LineCounter, file: string | undefined) {
  const at = (offset: number | undefined): Location => {
    if (offset === undefined) return file === undefined ? {} : { file };
    const { line, col } = lines.linePos(offset);
    return { ...(file === undefined ? {} : { file }), line, column: col };
  };
  return (path: FieldPath, preferKey = false): Location => {
    let node: unknown = doc.contents;
    let offset = doc.contents?.range?.[0];
    for (let step = 0; step < path.length; step++) {
      const key = path[step];
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
        );
        if (!pair) break;
        const last = step === path.length - 1;
        const keyNode = pair.key as Node;
        const valueNode = pair.value as Node | null;
        offset =
          last && preferKey ? keyNode.range?.[0] : (valueNode?.range?.[0] ?? keyNode.range?.[0]);
        node = valueNode;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0];
        node = item;
      } else break;
    }
    return at(offset);
  };
}

export { LineCounter };
