/** A path to a field in a scenario document, e.g. ['actors', 3, 'stances', 'coalition']. */
export type FieldPath = readonly (string | number)[];

/** Formats a path as `actors[3].stances.coalition` (numbers as indexes). */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}
