/** `entente compare`: the base scenario and its variants side by side (options: program/compare.ts). */
import { type CompareInput, compareScenarios } from '../../analysis/compare.ts';
import { InputError } from '../../core/errors.ts';
import { applyChanges, variantChanges } from '../../formats/variants.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { splitList } from '../program/options.ts';
import { renderCompare } from '../render/compare.ts';
import { resolveModelRuns } from './model-runs.ts';

export interface CompareFlags {
  variants: string[];
  model: string[];
  option: string[];
  draws: number;
  commitmentDraws: number;
  seed: number;
  json?: boolean;
  [perModelOption: string]: unknown;
}

export function compareCommand(ref: string | undefined, flags: CompareFlags): void {
  const loaded = loadScenario(ref);
  const { scenario, variants } = loaded;
  const known = variants.map((e) => e.variant.id);
  const wanted = flags.variants.length ? [...new Set(flags.variants.flatMap(splitList))] : known;
  if (wanted.length === 0) {
    throw new InputError({
      file: loaded.file,
      path: 'variants',
      message:
        'the scenario has no variants to compare: add a variants: list (docs/scenario-format.md, "Variants") or give --overlay FILE',
    });
  }
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length) {
    throw new InputError({
      path: '--variants',
      message: `unknown variant${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; ${known.length ? `variants: ${known.join(', ')}` : 'the scenario has no variants'}`,
    });
  }
  const over = loaded.overlay;
  const inputs: CompareInput[] = [
    {
      id: 'base',
      name: over ? 'Base (with the command line’s overlay)' : 'Base',
      scenario,
      changes: over ? over.changes.map((c) => ({ kind: 'overlay', target: c, note: null })) : [],
      warnings: over?.warnings ?? [],
    },
  ];
  for (const id of wanted) {
    const entry = variants.find((e) => e.variant.id === id)!;
    const applied = applyChanges(scenario, variantChanges(variants, id));
    inputs.push({
      id,
      name: entry.variant.name,
      ...(entry.variant.description !== undefined
        ? { description: entry.variant.description }
        : {}),
      ...(entry.variant.extends !== undefined ? { extends: entry.variant.extends } : {}),
      scenario: applied.scenario,
      changes: applied.changes.map((c) => ({ kind: c.kind, target: c.target, note: c.note })),
      warnings: applied.warnings,
    });
  }
  const result = compareScenarios(inputs, {
    models: resolveModelRuns(flags, loaded.scenario.actors.length),
    seed: flags.seed,
    draws: flags.draws,
    commitmentDraws: flags.commitmentDraws,
  });
  if (flags.json) io.json(result);
  else io.out(renderCompare(result));
}
