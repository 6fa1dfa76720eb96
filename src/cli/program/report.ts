import { InvalidArgumentError, type Command } from 'commander';
import { checkRuns } from '../../core/limits.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { ReportFormat } from '../../report/scenario-report/render.ts';
import type { ReportFlags } from '../commands/report.ts';
import { addModelFlags, collect, parseSeed } from './options.ts';

function parseFormat(value: string): ReportFormat {
  if (value === 'html' || value === 'pdf' || value === 'md') return value;
  throw new InvalidArgumentError('expected html, pdf or md');
}

function parseRuns(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
    throw new InvalidArgumentError('expected an integer from 0 to 1000000');
  checkRuns(n, '--runs');
  return n;
}

export function registerReport(program: Command): void {
  const cmd = program
    .command('report')
    .description(
      'Write a self-contained report: the question, the scenario with its evidence, every model’s forecast, uncertainty, dyads, assumptions and caveats',
    )
    .argument(
      '[scenario]',
      'a scenario file (YAML/JSON) or a built-in id; default: the East Asia coalition scenario',
    );
  addModelFlags(cmd)
    .option('-f, --format <format>', 'html, pdf or md', parseFormat, 'html' as ReportFormat)
    .option('--out <file>', 'write here (default: stdout for html/md, <scenario id>.pdf for pdf)')
    .option(
      '--runs <n>',
      'Monte Carlo runs for intervals and P(≥ threshold); 0 = none',
      parseRuns,
      0,
    )
    .option('--tornado', 'add a one-at-a-time sensitivity (tornado) for every model')
    .option('-t, --target <target>', 'add levers toward a target, e.g. coalition>=75 (first model)')
    .option(
      '--variants <ids>',
      'the variants in the "Variants" section, comma-separated (repeatable); default: every variant of the scenario; "none" for no section',
      collect,
      [],
    )
    .option('--seed <n>', 'seed for stochastic models and the Monte Carlo', parseSeed, DEFAULT_SEED)
    .addHelpText(
      'after',
      `
PDF printing uses Debian's Chromium (/usr/bin/chromium; ENTENTE_CHROMIUM overrides).

Examples:
  $ entente report --out east-asia.html
  $ entente report my.yaml --format pdf --out my.pdf --runs 2000 --tornado
  $ entente report --model eum --target 'coalition>=75' --out levers.html
  $ entente report ec-car-emissions-1994 --format md > report.md
  $ entente report --variants usfk-drawdown,us-credibility-shock --out variants.html`,
    )
    .action(async (ref: string | undefined, flags: ReportFlags) => {
      const { reportCommand } = await import('../commands/report.ts');
      await reportCommand(ref, flags);
    });
}
