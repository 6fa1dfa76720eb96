import type { Command } from 'commander';

export function registerEvidence(program: Command): void {
  program
    .command('evidence')
    .description(
      'List every number of a scenario with its evidence (quote, source, locator); flag numbers with none and proposed ones',
    )
    .argument('[file]', 'scenario file or built-in id (default: the built-in East Asia scenario)')
    .option('--missing', 'list only numbers without evidence or still proposed')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ entente evidence scenarios/east-asia-coalition-2025.yaml
  $ entente evidence draft.yaml --missing`,
    )
    .action(async (file: string | undefined, flags: { missing?: boolean; json?: boolean }) => {
      const { evidenceCommand } = await import('../commands/evidence.ts');
      evidenceCommand(file, flags);
    });
}
