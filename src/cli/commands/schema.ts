import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../core/scenario.ts';
import { io } from '../io.ts';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the scenario format (for editor autocompletion)')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ entente schema > scenario.schema.json\n  $ entente schema --out schema/scenario.schema.json',
    )
    .action((flags: { out?: string }) => {
      io.write(flags.out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
