/** `entente scenarios`: the built-in scenarios (options: program/scenarios.ts). */
import { basename, extname } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import { io } from '../io.ts';
import { builtinScenarioFiles, readTextFile } from '../load.ts';
import { renderTable } from '../../report/text/table.ts';

export function scenariosCommand(flags: { json?: boolean }): void {
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
}
