import type { Command } from 'commander';
import type { InboxFlags } from '../commands/inbox.ts';
import { collect } from './options.ts';

export function registerInbox(program: Command): void {
  program
    .command('inbox')
    .description(
      'The evidence inbox of a draft: each actor’s candidate sentences ranked, with cue and direction; accept, flip or reject each',
    )
    .argument('<draft>', 'a draft scenario written by `entente ingest`')
    .option('--accept <actor:n>', 'accept candidate N of ACTOR (repeatable)', collect, [])
    .option(
      '--flip <actor:n>',
      'accept candidate N of ACTOR read in the other direction (repeatable)',
      collect,
      [],
    )
    .option(
      '--reject <actor:n>',
      'reject candidate N of ACTOR: no longer evidence of its stance (repeatable)',
      collect,
      [],
    )
    .option('--by <name>', 'who decides (required with --accept, --flip, --reject)')
    .option('--out <file>', 'write the reviewed draft here instead of in place')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Each decision is recorded in the draft: the evidence item is marked reviewed, its note and the
scenario's notes say who decided what and when; a rejected sentence leaves the actor's stance
evidence. The proposed numbers stay proposed until the analyst accepts them.

Examples:
  $ entente ingest article.txt --out draft.yaml
  $ entente inbox draft.yaml
  $ entente inbox draft.yaml --accept south-korea:1 --flip china:2 --reject usa:3 --by "A. Analyst"`,
    )
    .action(async (draft: string, flags: InboxFlags) => {
      const { inboxCommand } = await import('../commands/inbox.ts');
      inboxCommand(draft, flags);
    });
}
