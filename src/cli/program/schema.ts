import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the scenario format (for editor autocompletion)')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ entente schema > scenario.schema.json\n  $ entente schema --out schema/scenario.schema.json',
    )
    .action(async (flags: { out?: string }) => {
      const { schemaCommand } = await import('../commands/schema.ts');
      schemaCommand(flags);
    });
}
