import type { Command } from 'commander';
import type { CommitmentFlags } from '../commands/commitment.ts';
import { addJobFlags, distributionOption, parseCorrelation, parseDraws } from './options.ts';

export function registerCommitment(program: Command): void {
  const cmd = program
    .command('commitment')
    .description(
      'Who commits, and why: each candidate’s choice of commitment level, the equilibria over who else joins, P(commits) over the evidence ranges, and what would flip each choice (docs/spec/commitment.md)',
    )
    .argument(
      '[scenario]',
      'a scenario with a coalition.commitment block, or a built-in id; default: the East Asia coalition scenario',
    )
    .option(
      '--draws <n>',
      'Monte Carlo draws over the terms’ evidence ranges (0: the point analysis only)',
      parseDraws,
      2000,
    )
    .option(
      '--measure <name>',
      'capability measure for the chance the coalition prevails (default: the scenario’s capabilityMeasure)',
    )
    .option(
      '--if <candidate>',
      'who joins if this candidate joins: its P(commits) given that, with draws',
    )
    .option(
      '--beyond-range',
      'levers may go beyond the evidence ranges, to each input’s natural bounds',
    )
    .option('--no-knockout', 'skip the Monte Carlo runs with each term knocked out')
    .addOption(distributionOption())
    .option(
      '-c, --correlation <rho>',
      'correlation ρ (0–1) between the terms of one candidate (Gaussian copula); default 0',
      parseCorrelation,
      0,
    );
  addJobFlags(cmd, {
    issue: false,
    workers:
      'worker threads (default 1: inline, the built-in question takes well under a second); results do not depend on it',
  })
    .addHelpText(
      'after',
      `
Examples:
  $ entente commitment                                 # the built-in East Asia question
  $ entente commitment --measure cinc                  # capability by COW CINC instead of military spending
  $ entente commitment --if japan-gov --draws 10000    # who joins if Japan joins
  $ entente commitment --draws 100000 --workers 2 --json > commitment.json`,
    )
    .action(async (ref: string | undefined, flags: CommitmentFlags) => {
      const { commitmentCommand } = await import('../commands/commitment.ts');
      await commitmentCommand(ref, flags);
    });
}
