import type { Command } from 'commander';
import { basename, extname } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import { io } from '../io.ts';
import { builtinScenarioFiles, readTextFile } from '../load.ts';
import { renderTable } from '../render/table.ts';

export function registerScenarios(program: Command): void {
  program
    .command('scenarios')
    .description('List the built-in scenarios')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ entente scenarios\n  $ entente forecast ec-car-emissions-1994',
    )
    .action((flags: { json?: boolean }) => {
      const rows = builtinScenarioFiles().map((file) => {
        const id = basename(file, extname(file));
        try {
          const s = parseScenarioText(readTextFile(file), file);
          return {
            id,
            title: s.title,
            asOf: s.asOf,
            actors: s.actors.length,
            issues: s.issues.map((i) => i.id),
          };
        } catch (err) {
          if (err instanceof InputError)
            return {
              id,
              title: `INVALID: ${err.message.split('\n')[0]}`,
              asOf: '',
              actors: 0,
              issues: [],
            };
          throw err;
        }
      });
      if (flags.json) io.json(rows);
      else
        io.out(
          renderTable(
            ['Id', 'Title', 'As of', 'Actors', 'Issues'],
            rows.map((r) => [r.id, r.title, r.asOf, String(r.actors), r.issues.join(', ')]),
            '',
          ),
        );
    });
}
