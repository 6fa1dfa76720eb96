import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check scenario files and report every problem as file:line:column path: message')
    .argument('<files...>', 'scenario files (YAML or JSON)')
    .option('--json', 'print a JSON report')
    .addHelpText(
      'after',
      `
Examples:
  $ entente validate scenarios/east-asia-coalition-2025.yaml
  $ entente validate a.yaml b.json --json`,
    )
    .action(async (files: string[], flags: { json?: boolean }) => {
      const { validateCommand } = await import('../commands/validate.ts');
      validateCommand(files, flags);
    });
}
