import { describe, expect, it } from 'vitest';
import { defaultGazetteer, type Entity } from './gazetteer/gazetteer.ts';
import { findFrame } from './attribution.ts';
import { findMentions } from './mentions.ts';
import { readStances } from './stance.ts';
import { tokenize } from './tokens.ts';

const ROLES = { proponents: new Set(['usa']), targets: new Set(['china']) };

function read(text: string, speaker?: Entity) {
  const tokens = tokenize(text);
  const mentions = findMentions(tokens, defaultGazetteer(), text);
  const frame = findFrame(tokens, mentions);
  return readStances(
    {
      tokens,
      mentions,
      ...(speaker ? { speaker } : {}),
      ...(frame.speaker ? { speakerMention: frame.speaker.mention } : {}),
    },
    ROLES,
  ).map((r) => ({
    holder: r.holder.entity.id + (r.holder.isPublic ? '-public' : ''),
    cue: r.cue,
    direction: r.direction,
    strength: r.strength,
  }));
}
const quincy = defaultGazetteer().entities.get('quincy-institute')!;

describe('readStances: cues, modifiers and holders', () => {
  it('reads a superlative as the strongest cue of its kind', () => {
    expect(
      read(
        'South Korea is more reluctant than any of America’s allies to join a coalition against China.',
      ),
    ).toEqual([
      { holder: 'south-korea', cue: 'more reluctant than any', direction: -1, strength: 1 },
    ]);
  });
  it('reverses a negated cue: "almost no desire" is strongly against; "not against" is not "for" (no reading)', () => {
    expect(read('South Korean public opinion has almost no desire to go to war.')).toEqual([
      { holder: 'south-korea-public', cue: 'almost no desire', direction: -1, strength: 0.9 },
    ]);
    expect(read('Budapest says it is not against Swedish membership.')).toEqual([]);
    expect(read('Budapest says it is against Swedish membership.')).toMatchObject([
      { holder: 'hungary', direction: -1 },
    ]);
  });
  it('weakens hedged cues and strengthens intensified ones', () => {
    expect(read('Japan is somewhat close to Washington’s point of view.')[0]).toMatchObject({
      holder: 'japan',
      cue: 'somewhat close to',
      direction: 1,
      strength: 0.3,
    });
    expect(read('Iran strongly opposes the move.')[0]).toMatchObject({
      holder: 'iran',
      cue: 'strongly opposes',
      strength: 1,
    });
  });
  it('gives coordinated subjects the same stance', () => {
    expect(read('Russia and China oppose the move.').map((r) => r.holder)).toEqual([
      'russia',
      'china',
    ]);
  });
  it('skips possessives of other things and objects of prepositions as holders', () => {
    expect(
      read('Washington’s main allies in the region are not interested in this coalition.'),
    ).toEqual([]);
    expect(
      read('Under strong pressure from Washington, Seoul accepted the formula.').map(
        (r) => r.holder,
      ),
    ).toEqual(['south-korea']);
  });
  it('takes the holder of a nominal cue from "of X": "the reluctance of South Korean public opinion"', () => {
    expect(
      read('Reasons include the reluctance of South Korean public opinion towards Taiwan.')[0],
    ).toMatchObject({ holder: 'south-korea-public', direction: -1 });
  });
  it('reads relational cues against their object: distrust of the proponent is against, of the target for', () => {
    expect(read('Public opinion in Australia is highly distrustful of America.')[0]).toMatchObject({
      holder: 'australia-public',
      direction: -1,
    });
    expect(read('Many Indians distrust China.')[0]).toMatchObject({
      holder: 'india-public',
      direction: 1,
    });
  });
  it('gives an evaluation to the speaker: “Moscow called it a destructive step”', () => {
    expect(read('Moscow called it "a destructive step".')).toEqual([
      { holder: 'russia', cue: 'destructive step', direction: -1, strength: 0.7 },
    ]);
  });
  it('drops a source’s recommendation to an actor ("Washington should…") as not the actor’s stance', () => {
    expect(
      read('It is better for Washington to stop promoting a huge coalition against China.', quincy),
    ).toEqual([]);
  });
  it('lets a framing verb take the direction of the cue it frames ("want to maintain a balance")', () => {
    expect(read('South Koreans still want to maintain a diplomatic balance.')).toEqual([
      { holder: 'south-korea-public', cue: 'diplomatic balance', direction: 0, strength: 0.5 },
    ]);
  });
});
