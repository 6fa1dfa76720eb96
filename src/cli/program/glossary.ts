import type { Command } from 'commander';

export function registerGlossary(program: Command): void {
  program
    .command('glossary')
    .description('Explain a term the forecasts, explanations and reports use (or list them all)')
    .argument('[term]', 'a term, its id or an alias, e.g. capitulation, "weighted median"')
    .option('--json', 'print as JSON')
    .option('--markdown', 'print the whole glossary as Markdown (docs/glossary.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente glossary                      # every term with its id
  $ entente glossary capitulation
  $ entente glossary "weighted median" --json`,
    )
    .action(async (term: string | undefined, flags: { json?: boolean; markdown?: boolean }) => {
      const { glossaryCommand } = await import('../commands/glossary.ts');
      glossaryCommand(term, flags);
    });
}
