import type { Command } from 'commander';
import type { SimulateFlags } from '../commands/simulate.ts';
import {
  addJobFlags,
  addModelFlags,
  distributionOption,
  parseCorrelation,
  parseRunCount,
} from './options.ts';

export function registerSimulate(program: Command): void {
  const cmd = program
    .command('simulate')
    .description(
      'Monte Carlo: draw every ranged input, run the models, report the distribution of outcomes and P(≥ threshold)',
    )
    .argument(
      '[scenario]',
      'a scenario file (YAML/JSON) or a built-in id; default: the East Asia coalition scenario',
    );
  addModelFlags(cmd)
    .option('-n, --runs <n>', 'number of runs (draws)', parseRunCount, 10_000)
    .addOption(distributionOption())
    .option(
      '-c, --correlation <rho>',
      'correlation ρ (0–1) between the inputs of one actor (Gaussian copula); default 0',
      parseCorrelation,
      0,
    );
  addJobFlags(cmd)
    .addHelpText(
      'after',
      `
Ctrl-C stops after the chunks in progress and prints the runs done, marked partial (exit 130).

Examples:
  $ entente simulate                                   # built-in scenario, every model, 10,000 runs
  $ entente simulate --model eum --runs 100000 --workers 2
  $ entente simulate my.yaml --distribution pert --correlation 0.5 --seed 7 --json > mc.json`,
    )
    .action(async (ref: string | undefined, flags: SimulateFlags) => {
      const { simulateCommand } = await import('../commands/simulate.ts');
      await simulateCommand(ref, flags);
    });
}
