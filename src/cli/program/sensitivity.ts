import { type Command, Option } from 'commander';
import { availableParallelism } from 'node:os';
import type { SensitivityFlags } from '../commands/sensitivity.ts';
import { addJobFlags, addModelFlags, distributionOption, parsePositiveInt } from './options.ts';

export function registerSensitivity(program: Command): void {
  const cmd = program
    .command('sensitivity')
    .description(
      'Which inputs drive the forecast: a one-at-a-time tornado, or global Sobol indices',
    )
    .argument(
      '[scenario]',
      'a scenario file (YAML/JSON) or a built-in id; default: the East Asia coalition scenario',
    );
  addModelFlags(cmd)
    .addOption(
      new Option(
        '--method <method>',
        'tornado (each input low → high, 2k + 1 runs) or sobol (N·(k + 2) runs)',
      )
        .choices(['tornado', 'sobol'])
        .default('tornado'),
    )
    .option('-N, --samples <n>', 'sobol: base sample size N', parsePositiveInt, 1000)
    .addOption(distributionOption())
    .option('--top <n>', 'inputs shown per table (all are in --json)', parsePositiveInt, 12);
  addJobFlags(cmd, {
    workers: `worker threads (sobol default: one per core, here ${availableParallelism()}; tornado default: 1, inline, as it is short); 1 runs inline. Results do not depend on it`,
  })
    .addHelpText(
      'after',
      `
Examples:
  $ entente sensitivity                                # tornado of the built-in scenario, every model
  $ entente sensitivity --model mean --method sobol --samples 2000
  $ entente sensitivity my.yaml --issue coalition --json > tornado.json`,
    )
    .action(async (ref: string | undefined, flags: SensitivityFlags) => {
      const { sensitivityCommand } = await import('../commands/sensitivity.ts');
      await sensitivityCommand(ref, flags);
    });
}
