import type { Command } from 'commander';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { ForecastFlags } from '../commands/forecast.ts';
import { addModelFlags, collect, parseSeed } from './options.ts';

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
    .action(async (ref: string | undefined, flags: ForecastFlags) => {
      const { forecastCommand } = await import('../commands/forecast.ts');
      forecastCommand(ref, flags);
    });
}
