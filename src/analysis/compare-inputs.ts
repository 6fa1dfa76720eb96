/**
 * The columns of a comparison (`compareScenarios`): the base scenario and each chosen variant
 * applied to it, with every input the variant changes — its path, the base value and the
 * variant's, and the change's note and evidence (its stated rationale). One builder for every
 * face (`entente compare`, the reports' "Variants" section, the workbench's Variants view), so
 * they compare the same scenarios. Pure: a scenario in, columns out; a bad id is an `InputError`.
 */
import { InputError } from '../core/errors.ts';
import type { Scenario } from '../core/scenario.ts';
import {
  type VariantEntry,
  applyChanges,
  variantChanges,
  variantEntries,
} from '../formats/variants.ts';
import type { CompareInput, CompareInputChange, InputValue } from './compare.ts';

/** How the base column is named and what (if anything) was already applied to it. */
export interface CompareBase {
  readonly name: string;
  readonly changes: readonly CompareInputChange[];
  readonly warnings: readonly string[];
}

export interface CompareInputsOptions {
  /** The variant ids, in the order wanted; undefined: every variant of the scenario. */
  readonly variants?: readonly string[] | undefined;
  /** The field an unknown id is reported at (`--variants` on the command line, `variants` in a request). */
  readonly path?: string;
  readonly base?: CompareBase;
  /** The variants to choose from, placed in their files; default the scenario's own. */
  readonly entries?: readonly VariantEntry[];
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const idOf = (x: unknown): string | undefined =>
  isObject(x) && typeof x.id === 'string' ? x.id : typeof x === 'string' ? x : undefined;

/**
 * The value at a dot path as `applyChanges` reports it (list elements by id; ids and keys may
 * contain dots, the longest match wins); undefined when absent.
 */
export function valueAtPath(root: unknown, path: string): unknown {
  const tokens = path.split('.');
  let node: unknown = root;
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let m = tokens.length - i; m >= 1 && !matched; m--) {
      const key = tokens.slice(i, i + m).join('.');
      if (Array.isArray(node)) {
        const list = node as unknown[];
        const found = list.find((e) => idOf(e) === key);
        const child: unknown = found ?? (/^\d+$/.test(key) ? list[Number(key)] : undefined);
        if (child !== undefined) {
          node = child;
          i += m;
          matched = true;
        }
      } else if (isObject(node) && Object.hasOwn(node, key)) {
        node = node[key];
        i += m;
        matched = true;
      }
    }
    if (!matched) return undefined;
  }
  return node;
}

/** A value for display: a number or measure as numbers, anything else as short text. */
export function inputValue(x: unknown): InputValue | null {
  if (x === undefined) return null;
  if (typeof x === 'number') return { value: x, low: null, high: null };
  if (isObject(x) && typeof x.value === 'number') {
    return {
      value: x.value,
      low: typeof x.low === 'number' ? x.low : null,
      high: typeof x.high === 'number' ? x.high : null,
    };
  }
  if (typeof x === 'string') return { text: x };
  if (Array.isArray(x)) return { text: `${x.length} item${x.length === 1 ? '' : 's'}` };
  const id = idOf(x);
  const json = JSON.stringify(x) ?? typeof x;
  return { text: id !== undefined ? `${id} (${json.length} characters)` : json.slice(0, 80) };
}

/**
 * The base and the chosen variants of `scenario` as comparison columns. Variants that extend
 * another apply its changes first (each change says which variant it came from).
 */
export function compareInputs(scenario: Scenario, o: CompareInputsOptions = {}): CompareInput[] {
  const entries = o.entries ?? variantEntries(scenario);
  const known = entries.map((e) => e.variant.id);
  const wanted = o.variants ? [...new Set(o.variants)] : known;
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length) {
    throw new InputError({
      path: o.path ?? 'variants',
      message: `unknown variant${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; ${known.length ? `variants: ${known.join(', ')}` : 'the scenario has no variants'}`,
    });
  }
  const base = o.base ?? { name: 'Base', changes: [], warnings: [] };
  const inputs: CompareInput[] = [
    { id: 'base', name: base.name, scenario, changes: base.changes, warnings: base.warnings },
  ];
  for (const id of wanted) {
    const entry = entries.find((e) => e.variant.id === id)!;
    const applied = applyChanges(scenario, variantChanges(entries, id));
    inputs.push({
      id,
      name: entry.variant.name,
      ...(entry.variant.description !== undefined
        ? { description: entry.variant.description }
        : {}),
      ...(entry.variant.extends !== undefined ? { extends: entry.variant.extends } : {}),
      scenario: applied.scenario,
      changes: applied.changes.map((c) => ({
        kind: c.kind,
        target: c.target,
        note: c.note,
        variant: c.variant,
        evidence: [...c.evidence],
        effects: c.effects,
        fields: c.fields.map((path) => ({
          path,
          base: inputValue(valueAtPath(scenario, path)),
          variant: inputValue(valueAtPath(applied.scenario, path)),
        })),
      })),
      warnings: applied.warnings,
    });
  }
  return inputs;
}
