/** The evidence inbox: ranking, the three decisions, and bad references (issue 19, item 4). */
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { parseScenarioText, scenarioToYaml } from '../formats/scenario-file.ts';
import { analyseArticle } from './analyse.ts';
import { buildDraft } from './draft.ts';
import { applyInbox, readInbox } from './inbox.ts';

const ARTICLE = [
  'Allies weigh the US-led coalition against China',
  'South Korea is reluctant to join the US-led coalition.',
  'Japan strongly supports the US-led coalition.',
  'Seoul is also wary of the US-led coalition.',
  'Japan may take part in the US-led coalition.',
].join('\n\n');
const draftText = () =>
  scenarioToYaml(
    buildDraft(analyseArticle(`${ARTICLE}\n`), { file: 'a.txt', asOf: '2025-01-01' }).scenario,
  );
const AT = '2025-02-03T04:05:06Z';

describe('reading the inbox', () => {
  it('lists each actor’s candidate sentences ranked by their strongest cue, with cue and direction', () => {
    const japan = readInbox(draftText()).actors.find((a) => a.id === 'japan')!;
    expect(japan.candidates.length).toBe(2);
    expect(japan.candidates[0]!.quote).toMatch(/strongly supports/);
    expect(japan.candidates[0]!.direction).toBe('for');
    expect(japan.candidates[0]!.cues[0]!.cue).toMatch(/support/);
    const strengths = japan.candidates.map((c) => Math.max(...c.cues.map((x) => x.strength)));
    expect(strengths[0]).toBeGreaterThan(strengths[1]!);
    const korea = readInbox(draftText()).actors.find((a) => a.id === 'south-korea')!;
    expect(korea.candidates.every((c) => c.direction === 'against')).toBe(true);
  });
});

describe('decisions', () => {
  it('accept marks the item reviewed and records who and when, in the item and in the notes', () => {
    const { text, applied } = applyInbox(
      draftText(),
      [{ action: 'accept', ref: 'japan:1' }],
      'Ana',
      AT,
    );
    expect(applied).toEqual([expect.objectContaining({ action: 'accept', actor: 'japan', n: 1 })]);
    const s = parseScenarioText(text);
    const item = s.evidence.find((e) => e.id === applied[0]!.evidenceId)!;
    expect(item.status).toBe('accepted');
    expect(item.note).toContain(`[inbox: accepted by Ana at ${AT}]`);
    expect(s.notes?.some((n) => n.includes(`inbox ${AT}: Ana accepted japan:1`))).toBe(true);
    expect(readInbox(text).actors.find((a) => a.id === 'japan')!.candidates[0]!.decided).toEqual({
      action: 'accept',
      by: 'Ana',
      at: AT,
    });
    // The other items stay proposed.
    expect(s.evidence.filter((e) => e.status === 'proposed').length).toBe(s.evidence.length - 1);
  });
  it('flip records the other direction', () => {
    const { text, applied } = applyInbox(
      draftText(),
      [{ action: 'flip', ref: 'south-korea:1' }],
      'Ana',
      AT,
    );
    expect(applied[0]!.direction).toBe('for');
    const item = parseScenarioText(text).evidence.find((e) => e.id === applied[0]!.evidenceId)!;
    expect(item.note).toContain('read as for, not against');
    expect(
      readInbox(text).actors.find((a) => a.id === 'south-korea')!.candidates[0]!.decided?.action,
    ).toBe('flip');
  });
  it('reject removes the sentence from the actor’s stance evidence and keeps the numbering', () => {
    const before = readInbox(draftText()).actors.find((a) => a.id === 'japan')!;
    const { text, applied } = applyInbox(
      draftText(),
      [{ action: 'reject', ref: 'japan:2' }],
      'Ana',
      AT,
    );
    const s = parseScenarioText(text);
    const stance = Object.values(s.actors.find((a) => a.id === 'japan')!.stances)[0]!;
    const ids = (m: unknown) => (m as { evidence?: string[] }).evidence ?? [];
    expect(ids(stance.position)).not.toContain(applied[0]!.evidenceId);
    expect(ids(stance.salience)).not.toContain(applied[0]!.evidenceId);
    const after = readInbox(text).actors.find((a) => a.id === 'japan')!;
    expect(after.candidates.map((c) => c.evidenceId)).toEqual(
      before.candidates.map((c) => c.evidenceId),
    );
    expect(after.candidates[1]!.decided?.action).toBe('reject');
  });
});

describe('bad references', () => {
  const problems = (refs: { action: 'accept' | 'flip' | 'reject'; ref: string }[], by = 'Ana') => {
    try {
      applyInbox(draftText(), refs, by, AT, 'draft.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems.map((p) => p.message);
    }
    throw new Error('no error');
  };
  it('names an unknown actor, an index out of range and a malformed reference, all at once', () => {
    const m = problems([
      { action: 'accept', ref: 'narnia:1' },
      { action: 'flip', ref: 'japan:9' },
      { action: 'reject', ref: 'japan' },
    ]);
    expect(m[0]).toMatch(/--accept narnia:1: no actor "narnia" in draft.yaml \(actors: .*japan/);
    expect(m[1]).toBe('--flip japan:9: japan has 2 candidate sentences (1-2)');
    expect(m[2]).toMatch(/--reject japan: expected ACTOR:N/);
  });
  it('refuses two different decisions on one sentence and a nameless decider; applies nothing', () => {
    expect(
      problems([
        { action: 'accept', ref: 'japan:1' },
        { action: 'reject', ref: 'japan:1' },
      ])[0],
    ).toMatch(/japan:1: both --accept and --reject/);
    expect(problems([{ action: 'accept', ref: 'japan:1' }], ' ')[0]).toMatch(/--by NAME/);
  });
  it('a broken draft is reported at its file, line and column', () => {
    expect(() => readInbox('id: [\n', 'draft.yaml')).toThrow(/^draft\.yaml:\d+:\d+/);
  });
});
