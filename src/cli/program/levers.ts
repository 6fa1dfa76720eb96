import { type Command, Option } from 'commander';
import { COMMITMENT_TARGET_SYNTAX, TARGET_SYNTAX } from '../../analysis/levers/target.ts';
import { InputError } from '../../core/errors.ts';
import type { LeversFlags } from '../commands/levers.ts';
import { MODELS, addJobFlags, addModelFlags, parseDraws } from './options.ts';

/** The model levers use when none is named: the EUM when registered, else the weighted mean. */
export function defaultLeverModel(): string {
  return MODELS.some((m) => m.id === 'eum') ? 'eum' : 'mean';
}

function parsePairs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InputError({ path: '--pairs', message: `"${value}" is not a whole number ≥ 0` });
  return n;
}

export function registerLevers(program: Command): void {
  const cmd = program
    .command('levers')
    .description(
      'What would it take: the smallest single and paired input changes that reach a target',
    )
    .argument(
      '[scenario]',
      'a scenario file (YAML/JSON) or a built-in id; default: the East Asia coalition scenario',
    )
    .option(
      '-t, --target <target>',
      `what to reach: ${TARGET_SYNTAX}; for the commitment model ${COMMITMENT_TARGET_SYNTAX}`,
    );
  addModelFlags(cmd)
    .addOption(
      new Option(
        '--within <where>',
        'search each input over its whole scale, or only its evidence range low–high (default: range when the scenario marks levers, else scale)',
      ).choices(['scale', 'range']),
    )
    .option(
      '--beyond-range',
      'search beyond the evidence ranges: to each input’s scale (the commitment terms: their natural bounds)',
    )
    .option('--pairs <k>', 'pair the k most promising inputs (0: no pairs)', parsePairs, 8)
    .option(
      '--draws <n>',
      'commitment model: Monte Carlo draws per value tried (0: the point answer)',
      parseDraws,
      200,
    )
    .option(
      '--measure <name>',
      'commitment model: capability measure (default: the scenario’s capabilityMeasure)',
    );
  addJobFlags(cmd, { issue: false })
    .addHelpText(
      'after',
      `
Targets:
  coalition>=75                  the model's outcome on issue "coalition" at least 75
  actor:korea-gov:coalition>=50  the final position of actor "korea-gov" on "coalition" at least 50
  commit:korea-gov>=0.5          commitment model: P(korea-gov commits) at least 0.5
  members:3>=0.5                 commitment model: P(at least 3 candidates commit) at least 0.5
  Operators: >=, >, <=, <. When the target already holds, levers show what would undo it.

One model at a time (default: ${defaultLeverModel()}; commitment for commit: and members: targets).
When the scenario marks inputs actionable (levers: in the file, docs/scenario-format.md), only
those are searched, within their evidence ranges unless --beyond-range, and each lever names who
would have to act and how. Without markings every input is searched (a note says so).

Examples:
  $ entente levers --target 'coalition>=75'
  $ entente levers --target 'actor:korea-gov:coalition>=50' --model eum --beyond-range
  $ entente levers --target 'commit:korea-gov>=0.5' --draws 500
  $ entente levers my.yaml --target 'budget<=40' --model mean --json`,
    )
    .action(async (ref: string | undefined, flags: LeversFlags) => {
      const { leversCommand } = await import('../commands/levers.ts');
      await leversCommand(ref, flags);
    });
}
