import type { Command } from 'commander';
import { runForecast, type ModelRun } from '../../analysis/forecast.ts';
import { InputError } from '../../core/errors.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import { parseModelOptions } from '../../models/options.ts';
import { defaultModelIds, getModel, listModels } from '../../models/registry.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderForecast } from '../render/forecast.ts';
import { renderWhoJoins } from '../render/coalitions.ts';
import { modelExtras } from '../render/model-extras.ts';
import { collect, parseSeed, splitList } from './shared.ts';

interface ForecastFlags {
  model: string[];
  issue: string[];
  option: string[];
  json?: boolean;
  seed: number;
  /** `--<model>-option` values arrive as `<model>Option`. */
  [perModelOption: string]: unknown;
}

/** Resolves `--model` and the `--option MODEL.KEY=VALUE` / `--<model>-option KEY=VALUE` flags. */
export function resolveModelRuns(flags: {
  model: string[];
  option: string[];
  [k: string]: unknown;
}): ModelRun[] {
  const ids = flags.model.length ? flags.model.flatMap(splitList) : defaultModelIds();
  const runs = [...new Set(ids)].map((id) => ({ model: getModel(id), pairs: [] as string[] }));
  for (const opt of flags.option) {
    const dot = opt.indexOf('.');
    const eq = opt.indexOf('=');
    if (dot <= 0 || (eq >= 0 && eq < dot)) {
      throw new InputError({
        path: '--option',
        message: `"${opt}" is not MODEL.KEY=VALUE (e.g. eum.rounds=20)`,
      });
    }
    const id = opt.slice(0, dot);
    const run = runs.find((r) => r.model.id === id);
    if (!run)
      throw new InputError({
        path: '--option',
        message: `"${opt}" names model "${id}", which is not being run (--model)`,
      });
    run.pairs.push(opt.slice(dot + 1));
  }
  for (const model of listModels()) {
    const pairs = flags[`${camel(model.id)}Option`] as string[] | undefined;
    if (!pairs?.length) continue;
    const run = runs.find((r) => r.model.id === model.id);
    if (!run)
      throw new InputError({
        path: `--${model.id}-option`,
        message: `model "${model.id}" is not being run (--model)`,
      });
    run.pairs.push(...pairs);
  }
  return runs.map((r) => ({ model: r.model, options: parseModelOptions(r.model, r.pairs) }));
}

function camel(id: string): string {
  return id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Adds `--model`, `--option`, `--<model>-option` flags shared by commands that run models. */
export function addModelFlags(cmd: Command): Command {
  cmd
    .option(
      '-m, --model <ids>',
      `models to run, comma-separated (${defaultModelIds().join(', ')}); default all`,
      collect,
      [],
    )
    .option(
      '-o, --option <MODEL.KEY=VALUE>',
      'a model option, e.g. nash.exponent=1 (repeatable)',
      collect,
      [],
    );
  for (const model of listModels()) {
    if (Object.keys(model.options).length === 0) continue;
    cmd.option(
      `--${model.id}-option <KEY=VALUE>`,
      `an option of the ${model.id} model (repeatable)`,
      collect,
      [],
    );
  }
  return cmd;
}

export function registerForecast(program: Command): void {
  const cmd = program
    .command('forecast')
    .description('Run the bargaining models on a scenario and print their forecasts')
    .argument(
      '[scenario]',
      'a scenario file (YAML/JSON) or a built-in id; default: the East Asia coalition scenario',
    );
  addModelFlags(cmd)
    .option('-i, --issue <ids>', 'only these issues, comma-separated', collect, [])
    .option('--seed <n>', 'seed for stochastic models', parseSeed, DEFAULT_SEED)
    .option('--json', 'print the result as JSON (shape: docs/results.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente forecast                                   # the built-in East Asia coalition scenario
  $ entente forecast scenarios/ec-car-emissions-1994.yaml --model mean,median
  $ entente forecast my.yaml --issue coalition --json > result.json
  $ entente forecast --model nash --option nash.exponent=1`,
    )
    .action((ref: string | undefined, flags: ForecastFlags) => {
      const { scenario } = loadScenario(ref);
      const issueIds = flags.issue.flatMap(splitList);
      for (const id of issueIds) {
        if (!scenario.issues.some((i) => i.id === id)) {
          throw new InputError({
            path: '--issue',
            message: `unknown issue "${id}"; issues: ${scenario.issues.map((i) => i.id).join(', ')}`,
          });
        }
      }
      const runs = resolveModelRuns(flags);
      const result = runForecast(scenario, runs, {
        seed: flags.seed,
        ...(issueIds.length ? { issueIds } : {}),
        trace: true,
      });
      if (flags.json) io.json(result);
      else {
        io.out(renderForecast(result, (issueId) => modelExtras(result, scenario, issueId)));
        const whoJoins = renderWhoJoins(scenario, { seed: flags.seed });
        if (whoJoins.length) io.out(['', ...whoJoins].join('\n'));
      }
    });
}
