/**
 * The evidence inbox: for each actor of a draft scenario, the candidate sentences behind its
 * proposed stance, ranked, with the cue that fired and the direction it proposes; and the
 * analyst's decisions on them (accept, flip, reject), recorded in the scenario with who decided
 * and when. Pure: text in, text out; the CLI reads the files and the clock.
 *
 * A candidate is an evidence item whose `supports` names the actor's position. Its cues are read
 * from the item's note as `entente ingest` writes it (`cue “reluctant” → against (strength
 * 0.60)`). Candidates are ranked by their strongest cue, then by their order in the file; the
 * ranking ignores decisions, so `ACTOR:N` keeps naming the same sentence after a review.
 *
 * Decisions: accept marks the item reviewed (`status: accepted`); flip marks it reviewed and read
 * in the other direction; reject marks it reviewed and removes it from the actor's stance evidence
 * (position and salience), keeping the item and its `supports` so the numbering holds. Each
 * decision is appended to the item's note and to the scenario's `notes`
 * (`inbox 2026-05-01T10:00:00Z: Ana flipped south-korea:2 …`). The proposed numbers themselves
 * stay proposed: the analyst revises and accepts them (the derivation says what was reviewed).
 */
import { isMap, isSeq, LineCounter, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError, type Problem } from '../core/errors.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';

export type InboxDirection = 'for' | 'against' | 'hedging';

export interface InboxCue {
  /** `cue`, `proponent role`, `target role`, `beneficiary role`. */
  readonly kind: string;
  readonly cue: string;
  readonly direction: InboxDirection;
  readonly strength: number;
}

export type InboxAction = 'accept' | 'flip' | 'reject';

export interface InboxCandidate {
  /** 1-based rank within the actor: the `N` of `ACTOR:N`. */
  readonly n: number;
  readonly evidenceId: string;
  readonly quote?: string;
  readonly locator?: string;
  readonly cues: readonly InboxCue[];
  /** The strongest cue's direction (the one the ranking used); undefined without a cue. */
  readonly direction?: InboxDirection;
  /** A decision already recorded in the file. */
  readonly decided?: { action: InboxAction; by: string; at: string };
}

export interface InboxActor {
  readonly id: string;
  readonly name: string;
  /** The actor's proposed position on each issue ("coalition = 32.6"). */
  readonly positions: readonly { issue: string; value: number; status?: string }[];
  readonly candidates: readonly InboxCandidate[];
}

export interface Inbox {
  readonly actors: readonly InboxActor[];
}

const CUE_NOTE =
  /(cue|proponent role|target role|beneficiary role) “([^”]*)” → (for|against|hedging) \(strength ([\d.]+)/g;
const DECISION_NOTE = /\[inbox: (accepted|flipped|rejected) by (.+?) at (.+?)(?=\]|: )/;
const ACTION_PAST = { accept: 'accepted', flip: 'flipped', reject: 'rejected' } as const;
const PAST_ACTION = { accepted: 'accept', flipped: 'flip', rejected: 'reject' } as const;

export function cuesOfNote(note: string | undefined): InboxCue[] {
  if (!note) return [];
  return [...note.matchAll(CUE_NOTE)].map((m) => ({
    kind: m[1]!,
    cue: m[2]!,
    direction: m[3] as InboxDirection,
    strength: Number(m[4]),
  }));
}

/** The inbox of a draft scenario (`file` names it in messages). */
export function readInbox(text: string, file?: string): Inbox {
  const scenario = parseScenarioText(text, file);
  const actors = scenario.actors.map((actor) => {
    const items = scenario.evidence
      .map((e, order) => ({ e, order }))
      .filter(({ e }) =>
        (e.supports ?? []).some((s) => s.actor === actor.id && s.field === 'position'),
      )
      .map(({ e, order }) => {
        const cues = cuesOfNote(e.note);
        const top = [...cues].sort((a, b) => b.strength - a.strength)[0];
        const d = e.note?.match(DECISION_NOTE);
        return {
          order,
          strength: top?.strength ?? 0,
          candidate: {
            evidenceId: e.id,
            ...(e.quote !== undefined ? { quote: e.quote } : {}),
            ...(e.locator !== undefined ? { locator: e.locator } : {}),
            cues,
            ...(top ? { direction: top.direction } : {}),
            ...(d
              ? {
                  decided: {
                    action: PAST_ACTION[d[1] as keyof typeof PAST_ACTION],
                    by: d[2]!,
                    at: d[3]!,
                  },
                }
              : {}),
          },
        };
      })
      .sort((a, b) => b.strength - a.strength || a.order - b.order);
    return {
      id: actor.id,
      name: actor.name,
      positions: Object.entries(actor.stances).map(([issue, st]) => {
        const p = st.position;
        return typeof p === 'number'
          ? { issue, value: p }
          : { issue, value: p.value, ...(p.status ? { status: p.status } : {}) };
      }),
      candidates: items.map((x, i) => ({ n: i + 1, ...x.candidate })),
    };
  });
  return { actors };
}

export interface InboxDecision {
  readonly action: InboxAction;
  /** `ACTOR:N` as given on the command line. */
  readonly ref: string;
}

export interface AppliedDecision {
  readonly action: InboxAction;
  readonly actor: string;
  readonly n: number;
  readonly evidenceId: string;
  readonly direction?: InboxDirection;
}

/** A scalar's text; '' for anything else. */
const textOf = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

const FLIPPED: Record<InboxDirection, InboxDirection> = {
  for: 'against',
  against: 'for',
  hedging: 'hedging',
};

/**
 * Applies the analyst's decisions to a draft's text: every reference is checked first (all
 * problems reported at once, nothing applied when one is wrong). `by` is who decides, `at` when
 * (an ISO timestamp the caller reads from the clock).
 */
export function applyInbox(
  text: string,
  decisions: readonly InboxDecision[],
  by: string,
  at: string,
  file?: string,
): { text: string; applied: AppliedDecision[] } {
  const inbox = readInbox(text, file);
  const problems: Problem[] = [];
  const usage = (message: string) => problems.push({ path: '', message });
  if (decisions.length > 0 && by.trim() === '') usage('--by NAME: who decides must be named');
  const resolved: { d: InboxDecision; actor: InboxActor; c: InboxCandidate }[] = [];
  const seen = new Map<string, InboxAction>();
  for (const d of decisions) {
    const m = d.ref.match(/^(.+):(\d+)$/);
    if (!m) {
      usage(`--${d.action} ${d.ref}: expected ACTOR:N (e.g. south-korea:1)`);
      continue;
    }
    const actor = inbox.actors.find((a) => a.id === m[1]);
    if (!actor) {
      usage(
        `--${d.action} ${d.ref}: no actor "${m[1]}" in ${file ?? 'the draft'} (actors: ${inbox.actors.map((a) => a.id).join(', ')})`,
      );
      continue;
    }
    const n = Number(m[2]);
    const c = actor.candidates[n - 1];
    if (!c) {
      usage(
        `--${d.action} ${d.ref}: ${actor.id} has ${actor.candidates.length === 0 ? 'no candidate sentences' : `${actor.candidates.length} candidate sentence${actor.candidates.length > 1 ? 's' : ''} (1-${actor.candidates.length})`}`,
      );
      continue;
    }
    const key = `${actor.id}:${n}`;
    const before = seen.get(key);
    if (before && before !== d.action) {
      usage(`${key}: both --${before} and --${d.action}; choose one`);
      continue;
    }
    seen.set(key, d.action);
    if (!before) resolved.push({ d, actor, c });
  }
  if (problems.length > 0) throw new InputError(problems);

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const evidence = doc.get('evidence') as YAMLSeq<YAMLMap>;
  const actors = doc.get('actors') as YAMLSeq<YAMLMap>;
  const applied: AppliedDecision[] = [];
  const log: string[] = [];
  for (const { d, actor, c } of resolved) {
    const item = evidence.items.find((x) => isMap(x) && x.get('id') === c.evidenceId)!;
    const direction = c.direction && d.action === 'flip' ? FLIPPED[c.direction] : c.direction;
    const what =
      d.action === 'flip' && c.direction
        ? `: read as ${direction}, not ${c.direction}`
        : d.action === 'reject'
          ? `: not evidence of ${actor.id}'s stance`
          : '';
    const note = textOf(item.get('note'));
    item.set(
      'note',
      `${note}${note ? ' ' : ''}[inbox: ${ACTION_PAST[d.action]} by ${by} at ${at}${what}]`,
    );
    item.set('status', 'accepted');
    const actorNode = actors.items.find((x) => isMap(x) && x.get('id') === actor.id)!;
    const stances = actorNode.get('stances') as YAMLMap | undefined;
    for (const pair of stances?.items ?? []) {
      const stance = pair.value as YAMLMap | null;
      if (!isMap(stance)) continue;
      for (const field of ['position', 'salience']) {
        const measure = stance.get(field, true);
        if (!isMap(measure)) continue;
        if (d.action === 'reject') {
          const list = measure.get('evidence', true);
          if (isSeq(list)) {
            const idx = list.items.findIndex(
              (x) => String((x as { value?: unknown }).value ?? x) === c.evidenceId,
            );
            if (idx >= 0) list.items.splice(idx, 1);
          }
        }
        if (field === 'position') {
          const der = textOf(measure.get('derivation'));
          const line = `Inbox: ${by} ${ACTION_PAST[d.action]} #${c.n} (${c.evidenceId}) at ${at}.`;
          measure.set('derivation', `${der}${der ? ' ' : ''}${line}`);
        }
      }
    }
    const cue = c.cues.find((x) => x.direction === c.direction);
    log.push(
      `inbox ${at}: ${by} ${ACTION_PAST[d.action]} ${actor.id}:${c.n} (${c.evidenceId}${cue ? `, “${cue.cue}” → ${c.direction}` : ''})${what}`,
    );
    applied.push({
      action: d.action,
      actor: actor.id,
      n: c.n,
      evidenceId: c.evidenceId,
      ...(direction ? { direction } : {}),
    });
  }
  if (log.length > 0) {
    const notes = doc.get('notes');
    if (isSeq(notes)) for (const l of log) notes.add(l);
    else doc.set('notes', log);
  }
  const indentSeq = !/^[^\s#][^\n]*:\s*\n-\s/m.test(text);
  const out = doc.toString({ lineWidth: 0, indentSeq, flowCollectionPadding: false });
  parseScenarioText(out, file);
  return { text: out, applied };
}
