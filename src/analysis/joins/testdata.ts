/** The training file, parsed once for the tests of this folder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWarJoin, type WarJoinRow } from '../../formats/warjoin.ts';

export const TRAIN_FILE = join(import.meta.dirname, 'data', 'warjoin_candidates_train.csv');

let cached: readonly WarJoinRow[] | undefined;
export function trainingRows(): readonly WarJoinRow[] {
  cached ??= parseWarJoin(readFileSync(TRAIN_FILE, 'utf8'), 'train.csv').rows;
  return cached;
}
