/**
 * `entente inbox DRAFT.yaml`: the evidence inbox of a draft scenario — for each actor, the
 * candidate sentences ranked, with the cue that fired and the proposed direction — and the
 * analyst's decisions (`--accept/--flip/--reject ACTOR:N --by NAME`), recorded in the file with
 * who decided and when. The clock is read here, at the edge; `evidence/inbox.ts` stays pure.
 * Options: program/inbox.ts.
 */
import { InputError } from '../../core/errors.ts';
import {
  applyInbox,
  type InboxAction,
  type InboxDecision,
  readInbox,
} from '../../evidence/inbox.ts';
import { io } from '../io.ts';
import { readTextFile } from '../load.ts';

export interface InboxFlags {
  accept: string[];
  flip: string[];
  reject: string[];
  by?: string;
  out?: string;
  json?: boolean;
}

const PAST: Record<InboxAction, string> = {
  accept: 'accepted',
  flip: 'flipped',
  reject: 'rejected',
};

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function inboxCommand(
  file: string,
  flags: InboxFlags,
  now: () => Date = () => new Date(),
): void {
  const text = readTextFile(file);
  const decisions: InboxDecision[] = (['accept', 'flip', 'reject'] as InboxAction[]).flatMap(
    (action) => flags[action].map((ref) => ({ action, ref })),
  );
  if (decisions.length > 0) {
    if (flags.by === undefined)
      throw new InputError('--by NAME is required with --accept, --flip or --reject: who decides');
    const at = now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const result = applyInbox(text, decisions, flags.by, at, file);
    const target = flags.out ?? file;
    io.write(target, result.text);
    if (flags.json) {
      io.json({ file: target, by: flags.by, at, applied: result.applied });
      return;
    }
    for (const a of result.applied)
      io.out(
        `${PAST[a.action]} ${a.actor}:${a.n} (${a.evidenceId})${a.action === 'flip' && a.direction ? ` → ${a.direction}` : ''}`,
      );
    io.out(
      `Recorded ${result.applied.length} decision${result.applied.length > 1 ? 's' : ''} by ${flags.by} at ${at} in ${target}.`,
    );
    return;
  }
  const inbox = readInbox(text, file);
  if (flags.json) {
    io.json({ file, ...inbox });
    return;
  }
  const lines: string[] = [];
  for (const actor of inbox.actors) {
    const pos = actor.positions
      .map((p) => `${p.issue} = ${p.value}${p.status === 'proposed' ? ' (proposed)' : ''}`)
      .join(', ');
    lines.push(`${actor.id} (${actor.name})${pos ? `: ${pos}` : ''}`);
    if (actor.candidates.length === 0) lines.push('    no candidate sentence');
    for (const c of actor.candidates) {
      const cues = c.cues
        .map((x) => `“${x.cue}” → ${x.direction} ${x.strength.toFixed(2)}`)
        .join('; ');
      const done = c.decided
        ? `  [${PAST[c.decided.action]} by ${c.decided.by} at ${c.decided.at}]`
        : '';
      lines.push(`  ${actor.id}:${c.n}  ${cues || 'no cue'}${done}`);
      lines.push(`      ${c.locator ? `${c.locator}: ` : ''}“${clip(c.quote ?? '', 150)}”`);
    }
  }
  lines.push(
    '',
    `Decide with: entente inbox ${file} --accept ACTOR:N --flip ACTOR:N --reject ACTOR:N --by NAME`,
  );
  io.out(lines.join('\n'));
}
