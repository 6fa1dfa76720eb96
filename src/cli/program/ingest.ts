import type { Command } from 'commander';
import type { IngestFlags } from '../commands/ingest.ts';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'Draft a scenario from a news or think-tank article: actors, stances and the sentences behind them',
    )
    .argument(
      '<article>',
      'the article: plain text (UTF-8) or a saved HTML page, English, up to 2 MB',
    )
    .option(
      '--issue-name <name>',
      'name of the issue the stances are about (default: guessed from the text)',
    )
    .option(
      '--out <file>',
      'write the draft (or the merged scenario) here instead of stdout / in place',
    )
    .option(
      '--into <scenario>',
      'merge into this scenario file: add evidence and proposed numbers, never touch accepted ones',
    )
    .option(
      '--issue <id>',
      'with --into: the scenario issue the article speaks to (default: the coalition issue or the first)',
    )
    .option(
      '--as-of <date>',
      'the date the scenario describes, YYYY-MM-DD (default: the article’s date, else today)',
    )
    .option('--publisher <name>', 'the publisher, when the text does not name it')
    .option('--source-id <id>', 'id of the article in the scenario’s sources')
    .option('--json', 'print the analysis as JSON')
    .addHelpText(
      'after',
      `
Every number written is status: proposed, with a confidence, and cites evidence items quoting the
sentence with its locator (paragraph, sentence, line). Review them with \`entente evidence FILE\`.

Examples:
  $ entente ingest article.txt --out draft.yaml
  $ entente ingest article.txt --issue-name "A US-led coalition against China" > draft.yaml
  $ entente ingest article.txt --into scenarios/mine.yaml --issue coalition`,
    )
    .action(async (article: string, flags: IngestFlags) => {
      const { ingestCommand } = await import('../commands/ingest.ts');
      ingestCommand(article, flags);
    });
}
