/**
 * Precision first: a proposed position exists only where a cue supports its direction, and never
 * contradicts its own quoted sentence (issue 19).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from './analyse.ts';
import { guessIssue, ISSUE_PLACEHOLDER } from './issue.ts';
import { propose } from './propose.ts';
import { directionsUnder } from './testdata.ts';
import { tokenize } from './tokens.ts';

/** The proposed direction of each actor in a text (headline + one paragraph per sentence). */
const HEAD = 'Allies weigh the US plan\n\n';
const directions = directionsUnder('Allies weigh the US plan');

describe('stance cues read in the right direction or not at all', () => {
  it('reluctance is against', () => {
    expect(directions('South Korea is reluctant to join the US-led coalition.')).toMatchObject({
      'south-korea': 'oppose',
    });
  });
  it('hedging is neither for nor against', () => {
    expect(
      directions('Australia remains noncommittal on sending troops to the US-led coalition.'),
    ).toMatchObject({ australia: 'neutral' });
    const d = directions('South Korea’s position remains much more ambivalent than Japan’s.');
    expect(d['south-korea']).toBe('neutral');
    expect(d).not.toHaveProperty('japan');
  });
  it('conditional support ("only if", "on condition that") is hedging, not support', () => {
    expect(
      directions('Japan would support the US-led coalition only if the Diet approves it.'),
    ).toMatchObject({ japan: 'neutral' });
  });
  it('a sentence saying both for and against of one actor proposes neither side', () => {
    expect(
      directions(
        'South Korea will help out in a conflict between Taiwan and China, but will not directly intervene.',
      ),
    ).toMatchObject({ 'south-korea': 'neutral' });
  });
  it('refusal is against; a refusal with nothing after it is about something else and dropped', () => {
    expect(directions('Germany refused to join the US-led mission.')).toMatchObject({
      germany: 'oppose',
    });
    expect(
      directions('China demanded that Japan retract the remarks, while Japan refused, saying…'),
    ).not.toHaveProperty('japan');
  });
  it('"balk", "rule out", "will not take part", "no plans to send" are against', () => {
    expect(directions('Canberra balked at the US request.')).toMatchObject({
      australia: 'oppose',
    });
    expect(directions('Berlin ruled out German participation in the US-led mission.')).toEqual({
      germany: 'oppose',
      usa: 'support',
    });
    expect(
      directions('Germany will not take part in the sea mission planned by the United States.'),
    ).toMatchObject({ germany: 'oppose' });
    expect(directions('Warsaw has no plans to send its soldiers to Ukraine.')).toMatchObject({
      poland: 'oppose',
    });
  });
  it('"not share" the proponent’s view is against; sharing it is for', () => {
    expect(
      directions('Seoul does not share the view of the US-led coalition’s backer, Washington.'),
    ).not.toHaveProperty('south-korea', 'support');
    expect(
      directions('Seoul does not share Washington’s view of the US-led coalition.'),
    ).toMatchObject({ 'south-korea': 'oppose' });
    expect(directions('Tokyo shares Washington’s view of the US-led coalition.')).toMatchObject({
      japan: 'support',
    });
  });
  it('"more reluctant than" is against for its subject and says nothing of the other actor', () => {
    const d = directions('South Korea is more reluctant than Japan to join the US-led coalition.');
    expect(d['south-korea']).toBe('oppose');
    expect(d).not.toHaveProperty('japan');
  });
  it('"less reluctant than" places nobody on either side', () => {
    const d = directions('Japan is less reluctant than South Korea to join the US-led coalition.');
    expect(d).not.toHaveProperty('japan');
    expect(d).not.toHaveProperty('south-korea');
  });
  it('a statement attributed by a third party belongs to its subject, not to the one who reports it', () => {
    expect(
      directions('According to Japan, South Korea is reluctant to join the US-led coalition.'),
    ).toEqual({ 'south-korea': 'oppose', usa: 'support' });
    expect(
      directions('According to Quincy, Seoul is reluctant to join the US-led coalition.'),
    ).toMatchObject({ 'south-korea': 'oppose' });
  });
  it('the object of a cue is not the subject of the next one', () => {
    const d = directions(
      'While India has not condemned Russia by name nor joined Western sanctions, it calls for dialogue.',
    );
    expect(d).not.toHaveProperty('russia');
  });
  it('concern about another actor is not a stance on the issue', () => {
    expect(
      directions('Australia is concerned about China’s military expansion and wants peace.'),
    ).not.toHaveProperty('australia', 'oppose');
  });
});

describe('second round (general rules from the tune + old aside errors)', () => {
  it('"US allies" are not the US: the state before a relation noun only modifies it', () => {
    const d = directions('US allies are reluctant to join the Red Sea force.');
    expect(d).not.toHaveProperty('usa', 'oppose');
    const against = (text: string) =>
      analyseArticle(`${text}\n\nJapan is here too.\n`)
        .actors.find((x) => x.key === 'usa')
        ?.statements.some((st) => st.direction === -1);
    expect(against('US allies are reluctant to join the Red Sea force.')).toBe(false);
    // The plain subject still holds its cue.
    expect(against('The US is reluctant to join the Red Sea force.')).toBe(true);
  });
  it('a capitalised cue inside a name is not a stance; in a title-case headline it still is', () => {
    expect(
      directions(
        'China expressed alarm over the new sites of the Enhanced Defense Cooperation Agreement.',
      ),
    ).not.toHaveProperty('china', 'support');
    expect(directions('China welcomed the cooperation agreement.')).toMatchObject({
      china: 'support',
    });
    const a = analyseArticle(
      'US Allies Reluctant to Join Anti-Houthi Red Sea Coalition\n\nItaly and Spain have said little.\n',
    );
    expect(
      a.actors.find((x) => x.key === 'usa')?.statements.some((st) => st.direction === -1),
    ).toBe(false);
  });
  it('hedging that weighs as much as the leading side gives neutral, with a value in the neutral band', () => {
    const a = analyseArticle(
      HEAD +
        'South Korea’s position remains ambivalent.\n\nSeoul is more worried about retaliation from China.\n',
    );
    const p = propose(a.actors.find((x) => x.key === 'south-korea')!.statements)!;
    expect(p.direction).toBe('neutral');
    expect(p.position.value).toBeGreaterThanOrEqual(45);
    expect(p.position.value).toBeLessThanOrEqual(55);
    expect(p.basis.every((st) => st.direction === 0)).toBe(true);
    // A clear refusal is not drowned by one hedge: against dominates.
    expect(
      directions(
        'India walks a tightrope.\n\nIndia rejected the sanctions.\n\nIndia refused to join the sanctions.',
      ),
    ).toMatchObject({ india: 'oppose' });
  });
  it('being the one an issue protects ("the defence of Taiwan") is not a stance', () => {
    const d = directions('South Korea is reluctant to help the US defend Taiwan.');
    expect(d).not.toHaveProperty('taiwan');
    expect(d).toMatchObject({ 'south-korea': 'oppose' });
  });
  it('for and against make one hedged position only across a contrast ("but", "while")', () => {
    expect(
      directions(
        'The UAE will not allow its airspace or logistical support to be used for attacks on Iran.',
      ),
    ).toMatchObject({ uae: 'oppose' });
    expect(
      directions('Japan will support the US-led coalition but will not send troops.'),
    ).toMatchObject({ japan: 'neutral' });
    // "… and wants peace" is a new predicate, not what the refusal covers.
    expect(
      directions('Australia is concerned about China’s military expansion and wants peace.'),
    ).not.toHaveProperty('australia', 'oppose');
  });
  it('a commitment to neutrality or non-alignment is hedging', () => {
    expect(
      directions('The UAE reaffirmed its commitment to neutrality in the US-led coalition.'),
    ).toMatchObject({ uae: 'neutral' });
  });
});

/** Sentences whose direction is known by construction: subject + cue phrase + object. */
const SUBJECTS = ['South Korea', 'Japan', 'Australia', 'Seoul', 'Canberra', 'The Philippines'];
const CUES: readonly (readonly [string, 1 | -1 | 0])[] = [
  ['is reluctant to join', -1],
  ['remains reluctant, if not resistant, to joining', -1],
  ['refused to join', -1],
  ['balked at joining', -1],
  ['rejected', -1],
  ['will not take part in', -1],
  ['has no plans to join', -1],
  ['is unlikely to join', -1],
  ['is more reluctant than any other ally to join', -1],
  ['does not support', -1],
  ['opposes', -1],
  ['is wary of', -1],
  ['supports', 1],
  ['strongly backs', 1],
  ['is eager to join', 1],
  ['has pledged to join', 1],
  ['is willing to join', 1],
  ['welcomed', 1],
  ['is ambivalent about', 0],
  ['remains noncommittal on', 0],
  ['would join only if Congress approves', 0],
];
const OBJECTS = ['the US-led coalition', 'the coalition against China', 'the US plan'];
const FRAMES = ['', 'According to Quincy, ', 'Analysts say ', 'Officials in Tokyo say that '];

describe('third round: a "for" stands only where nothing in its sentence speaks against it', () => {
  it('a negation or doubt before the holder puts the whole claim in doubt', () => {
    for (const frame of ['It is not true that', 'Officials doubt that', 'It is unclear whether'])
      expect(directions(`${frame} Japan supports the US-led coalition.`)).not.toHaveProperty(
        'japan',
        'support',
      );
    expect(directions('Japan supports the US-led coalition.')).toMatchObject({ japan: 'support' });
  });
  it('a negation between the holder and a distant cue, read by no cue, is a reason to abstain', () => {
    expect(
      directions('Tokyo has not shown an unprecedented level of support for the US-led coalition.'),
    ).not.toHaveProperty('japan', 'support');
    expect(directions('La Paz is not the US plan’s most enthusiastic backer.')).not.toHaveProperty(
      'bolivia',
      'support',
    );
  });
  it('a negated complement after the cue ("pledged X would not…") is a reason to abstain', () => {
    expect(
      directions('Seoul pledged it would not assume a greater role and join the US-led coalition.'),
    ).not.toHaveProperty('south-korea', 'support');
  });
  it('a condition after a contrast ("…, but only if…") makes support hedging', () => {
    expect(
      directions('Japan supports the US-led coalition, but only if the Diet approves.'),
    ).toMatchObject({ japan: 'neutral' });
  });
  it('"not against" is not "for"', () => {
    expect(directions('Hungary is not against the US-led coalition.')).not.toHaveProperty(
      'hungary',
      'support',
    );
  });
  it('"its support of X": after a possessive determiner "of" names the object, not the holder', () => {
    expect(
      directions('The EU has signaled its support of the US-led maritime force.'),
    ).toMatchObject({ eu: 'support' });
  });
  it('the antecedent of a relative clause holds its cue, even after a preposition', () => {
    expect(
      directions('That is the case for India, which is unlikely to join the US-led operation.'),
    ).toMatchObject({ india: 'oppose' });
  });
  it('an objection voiced ("expressed alarm over", "a furious response from X") is against', () => {
    expect(
      directions('The Chinese government expressed alarm over the new sites of the US plan.'),
    ).toMatchObject({ china: 'oppose' });
    expect(
      directions('Washington backed the US plan, eliciting a furious response from Beijing.'),
    ).toMatchObject({ china: 'oppose' });
  });
  it('for and against of one holder side by side give no direction', () => {
    expect(
      directions('Japan, reluctant as ever, supports the US-led coalition.'),
    ).not.toHaveProperty('japan', 'support');
  });
});

describe('property: no proposal contradicts the sentence it quotes', () => {
  it('for any generated sentence with a known direction, the proposal is on that side or absent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUBJECTS),
        fc.constantFrom(...CUES),
        fc.constantFrom(...OBJECTS),
        fc.constantFrom(...FRAMES),
        (subject, [cue, dir], object, frame) => {
          const s = frame ? subject.replace(/^The /, 'the ') : subject;
          const sentence = `${frame}${s} ${cue} ${object}.`;
          const a = analyseArticle(HEAD + sentence + '\n');
          const subjectKey = analyseArticle(`${subject} is here.\n\nAnd Japan too.\n`).actors[0]!
            .key;
          for (const actor of a.actors) {
            const p = propose(actor.statements);
            if (!p) continue;
            const side = p.direction === 'support' ? 1 : p.direction === 'oppose' ? -1 : 0;
            if (actor.key === subjectKey) {
              // Hedging may weaken a direction to neutral, never turn it around.
              expect(side === dir || side === 0, `${sentence} → ${actor.key} ${p.direction}`).toBe(
                true,
              );
            }
            // Every proposal rests on statements of its own direction, on its side of the midpoint.
            expect(p.basis.length).toBeGreaterThan(0);
            for (const st of p.basis) expect(st.direction).toBe(side);
            if (side > 0) expect(p.position.value).toBeGreaterThan(50);
            if (side < 0) expect(p.position.value).toBeLessThan(50);
          }
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });
});

describe('issue naming', () => {
  const s = (text: string, extra: { headline?: boolean; paragraph?: number } = {}) => ({
    tokens: tokenize(text),
    text,
    weight: 1,
    ...extra,
  });
  it('takes the article’s question when its opening asks one', () => {
    expect(
      guessIssue([
        s('South Korea’s Taiwan Conundrum', { headline: true, paragraph: 0 }),
        s('What would South Korea do if China attacked Taiwan?', { paragraph: 1 }),
      ]).name,
    ).toBe('What would South Korea do if China attacked Taiwan?');
  });
  it('never names the issue by a noun phrase without its object', () => {
    const g = guessIssue([
      s('Allies cool on submarines', { headline: true, paragraph: 0 }),
      s('A much-heralded AUKUS deal has stalled.', { paragraph: 1 }),
    ]);
    expect(g.name).toBe('Allies cool on submarines');
    expect(g.name).not.toMatch(/much-heralded/);
  });
  it('keeps a noun phrase that names its object', () => {
    expect(
      guessIssue([s('The US plan to create a large regional coalition against China stalls.')])
        .name,
    ).toBe('A large regional coalition against China');
  });
  it('leaves a clear placeholder for the analyst when there is no headline or question', () => {
    expect(guessIssue([s('Officials met on Monday.', { paragraph: 1 })]).name).toBe(
      ISSUE_PLACEHOLDER,
    );
    expect(ISSUE_PLACEHOLDER).toMatch(/^TO NAME/);
  });
});
