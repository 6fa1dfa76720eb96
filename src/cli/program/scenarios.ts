import type { Command } from 'commander';

export function registerScenarios(program: Command): void {
  program
    .command('scenarios')
    .description('List the built-in scenarios')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ entente scenarios\n  $ entente forecast ec-car-emissions-1994',
    )
    .action(async (flags: { json?: boolean }) => {
      const { scenariosCommand } = await import('../commands/scenarios.ts');
      scenariosCommand(flags);
    });
}
