/** `entente power`: exact Shapley–Shubik and Banzhaf indices (options: program/power.ts). */
import { DEFAULT_RESOLUTION } from '../../coalitions/power/integer-weights.ts';
import { explicitPowerResult, scenarioPowerResult } from '../../coalitions/power/power-result.ts';
import { MAX_TABLE_CELLS, shapleyShubikTableCells } from '../../coalitions/power/shapley-shubik.ts';
import { weightedGameProblem } from '../../coalitions/power/weighted-game.ts';
import { InputError } from '../../core/errors.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderPower } from '../render/coalitions.ts';
import { splitList } from '../program/options.ts';
import { resolveIssue } from './issues.ts';

export interface PowerFlags {
  weights?: string;
  quota?: string;
  names?: string;
  issue?: string;
  quotaFraction?: string;
  resolution?: string;
  json?: boolean;
}

const usage = (path: string, message: string) => new InputError({ path, message });

function parseWeights(text: string): number[] {
  const parts = splitList(text);
  if (parts.length === 0)
    throw usage('--weights', 'expected comma-separated integers, e.g. 4,4,4,2,2,1');
  return parts.map((p) => {
    const w = Number(p);
    if (!/^\d+$/.test(p) || !Number.isSafeInteger(w)) {
      throw usage('--weights', `"${p}" is not a non-negative integer`);
    }
    return w;
  });
}

function parseNumber(
  path: string,
  text: string,
  ok: (x: number) => boolean,
  expected: string,
): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || !ok(x))
    throw usage(path, `"${text}" is not valid: expected ${expected}`);
  return x;
}

function checkTableSize(weights: number[], quota: number, path: string): void {
  const cells = shapleyShubikTableCells({ weights, quota });
  if (cells > MAX_TABLE_CELLS) {
    throw usage(
      path,
      `the game is too large for the exact Shapley–Shubik table (${cells} cells, limit ${MAX_TABLE_CELLS}): use smaller weights or a lower --resolution`,
    );
  }
}

export function powerCommand(ref: string | undefined, flags: PowerFlags): void {
  if (flags.weights !== undefined) {
    if (ref !== undefined)
      throw usage('--weights', 'give either --weights or a scenario, not both');
    for (const f of ['issue', 'quotaFraction', 'resolution'] as const) {
      if (flags[f] !== undefined) {
        const name = f === 'quotaFraction' ? '--quota-fraction' : `--${f}`;
        throw usage(name, 'applies to a scenario, not to --weights (give --quota instead)');
      }
    }
    const weights = parseWeights(flags.weights);
    if (flags.quota === undefined) throw usage('--quota', 'required with --weights');
    const quota = parseNumber('--quota', flags.quota, Number.isSafeInteger, 'an integer');
    const problem = weightedGameProblem({ weights, quota });
    if (problem) throw usage(`--${problem.field}`, problem.message);
    const names = flags.names === undefined ? undefined : splitList(flags.names);
    if (names && names.length !== weights.length) {
      throw usage(
        '--names',
        `expected ${weights.length} names (one per weight), got ${names.length}`,
      );
    }
    checkTableSize(weights, quota, '--weights');
    const result = explicitPowerResult({ weights, quota }, names);
    if (flags.json) io.json(result);
    else io.out(renderPower(result));
    return;
  }
  for (const f of ['quota', 'names'] as const) {
    if (flags[f] !== undefined)
      throw usage(`--${f}`, 'applies to --weights (for a scenario use --quota-fraction)');
  }
  const { scenario } = loadScenario(ref);
  const issue = resolveIssue(scenario, flags.issue);
  const quotaFraction =
    flags.quotaFraction === undefined
      ? 0.5
      : parseNumber(
          '--quota-fraction',
          flags.quotaFraction,
          (x) => x > 0 && x < 1,
          'a number between 0 and 1 (exclusive)',
        );
  const resolution =
    flags.resolution === undefined
      ? DEFAULT_RESOLUTION
      : parseNumber(
          '--resolution',
          flags.resolution,
          (x) => Number.isInteger(x) && x >= 1 && x <= 1e7,
          'an integer within 1..10000000',
        );
  const hasWeight = scenario.actors.some((a) => {
    const st = a.stances[issue];
    return st !== undefined;
  });
  if (!hasWeight) throw usage('--issue', `no actor takes a stance on issue "${issue}"`);
  const result = scenarioPowerResult(scenario, issue, { quotaFraction, resolution });
  if (flags.json) io.json(result);
  else io.out(renderPower(result));
}
