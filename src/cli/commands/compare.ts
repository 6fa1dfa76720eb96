/** `entente compare`: the base scenario and its variants side by side (options: program/compare.ts). */
import { compareScenarios } from '../../analysis/compare.ts';
import { compareInputs } from '../../analysis/compare-inputs.ts';
import { InputError } from '../../core/errors.ts';
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
  const over = loaded.overlay;
  const inputs = compareInputs(scenario, {
    variants: wanted,
    entries: variants,
    path: '--variants',
    base: {
      name: over ? 'Base (with the command line’s overlay)' : 'Base',
      changes: over ? over.changes.map((c) => ({ kind: 'overlay', target: c, note: null })) : [],
      warnings: over?.warnings ?? [],
    },
  });
  const result = compareScenarios(inputs, {
    models: resolveModelRuns(flags, loaded.scenario.actors.length),
    seed: flags.seed,
    draws: flags.draws,
    commitmentDraws: flags.commitmentDraws,
  });
  if (flags.json) io.json(result);
  else io.out(renderCompare(result));
}
