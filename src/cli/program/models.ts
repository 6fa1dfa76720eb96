import type { Command } from 'commander';

export function registerModels(program: Command): void {
  program
    .command('models')
    .description('List the models, their options and defaults')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ entente models\n  $ entente forecast --model nash --option nash.exponent=1',
    )
    .action(async (flags: { json?: boolean }) => {
      const { modelsCommand } = await import('../commands/models.ts');
      modelsCommand(flags);
    });
}
