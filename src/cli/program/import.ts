import { type Command, InvalidArgumentError } from 'commander';
import type { ImportCsvFlags } from '../commands/import.ts';

function parseScale(value: string): { min: number; max: number } {
  const [min, max] = value.split(/[,:]/).map(Number);
  if (
    min === undefined ||
    max === undefined ||
    !Number.isFinite(min) ||
    !Number.isFinite(max) ||
    !(min < max)
  ) {
    throw new InvalidArgumentError('expected MIN,MAX with MIN < MAX, e.g. 0,100');
  }
  return { min, max };
}

export function registerImport(program: Command): void {
  const cmd = program
    .command('import')
    .description('Convert other formats to an Entente scenario (YAML)');
  cmd
    .command('csv')
    .description('Convert an actor,capability,position,salience table (one issue) to a scenario')
    .argument('<file>', 'CSV with a header naming actor, capability, position, salience')
    .option('--out <file>', 'write the scenario here instead of stdout')
    .option('--id <id>', 'scenario id (default: from the file name)')
    .option('--title <text>', 'scenario title')
    .option('--issue-id <id>', 'issue id', 'issue')
    .option('--issue-name <text>', 'issue name')
    .option('--scale <min,max>', 'issue scale (default 0,100 when positions fit)', parseScale)
    .option(
      '--salience-scale <1|100>',
      'salience scale of the file (default: 1 when all ≤ 1)',
      (v) => {
        if (v !== '1' && v !== '100') throw new InvalidArgumentError('expected 1 or 100');
        return Number(v) as 1 | 100;
      },
    )
    .addHelpText(
      'after',
      `
Examples:
  $ entente import csv ../shared/data/bdm/iran2013_presidential_preana.csv --out iran.yaml
  $ entente import csv stakeholders.csv --scale 0,10 --issue-name "Years of delay"`,
    )
    .action(async (file: string, flags: ImportCsvFlags) => {
      const { importCsvCommand } = await import('../commands/import.ts');
      importCsvCommand(file, flags);
    });
  cmd
    .command('ktab')
    .description(
      'Convert a KTAB scenario (CSV, or XML with model parameters) to an Entente scenario',
    )
    .argument('<file>', 'KTAB .csv (name,description,nActors,nDims; header; actor rows) or .xml')
    .option('--out <file>', 'write the scenario here instead of stdout')
    .option('--id <id>', 'scenario id (default: from the file name)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente import ktab ../shared/data/ktab/dummyData_3Dim.csv --out dummy.yaml
  $ entente import ktab study.xml > study.yaml
  $ entente forecast dummy.yaml --model smp

XML model parameters are printed as a comment with the --smp-option flags that reproduce them.`,
    )
    .action(async (file: string, flags: { out?: string; id?: string }) => {
      const { importKtabCommand } = await import('../commands/import.ts');
      importKtabCommand(file, flags);
    });
}
