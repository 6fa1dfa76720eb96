import { type Command, InvalidArgumentError } from 'commander';
import type { ExportKtabFlags } from '../commands/export.ts';
import { collect } from './options.ts';

export function registerExport(program: Command): void {
  const cmd = program.command('export').description('Write a scenario in another tool’s format');
  cmd
    .command('ktab')
    .description('Write a scenario as a KTAB CSV, or XML with the SMP options as model parameters')
    .argument('[scenario]', 'scenario file or built-in id (default: the East Asia scenario)')
    .option(
      '--format <csv|xml>',
      'KTAB format',
      (v) => {
        if (v !== 'csv' && v !== 'xml') throw new InvalidArgumentError('expected csv or xml');
        return v;
      },
      'csv',
    )
    .option(
      '--smp-option <KEY=VALUE>',
      'an SMP option written to <ModelParameters> (xml; repeatable)',
      collect,
      [],
    )
    .option('--out <file>', 'write here instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ entente export ktab scenarios/ktab-dummy-3dim.yaml --out dummy.csv
  $ entente export ktab my.yaml --format xml --smp-option votingRule=Binary --out my.xml

KTAB needs every actor on every dimension and saliences summing to at most 100 per actor;
conversion notes (e.g. actors without a stance) are printed on stderr.`,
    )
    .action(async (ref: string | undefined, flags: ExportKtabFlags) => {
      const { exportKtabCommand } = await import('../commands/export.ts');
      exportKtabCommand(ref, flags);
    });
}
