/**
 * Fourth round of issue 19: rules written from the causes of the `aside2` errors (see
 * docs/evidence.md, "Fourth round"). Every sentence here is made up; none is copied from the
 * benchmark. Each rule has a case it reads and a control that must keep its reading.
 */
import { describe, expect, it } from 'vitest';
import { directionsUnder } from './testdata.ts';

/** The proposed direction of each actor in a text (headline + one paragraph per sentence). */
const directions = directionsUnder('Allies weigh their options');

describe('fourth round: leaving, refusing and staying out are against', () => {
  it('withdrawal, exit and abandonment, in any tense, are against', () => {
    for (const s of [
      'Portugal has withdrawn from the US-led coalition.',
      'Portugal pulled out of the US-led coalition last week.',
      'Portugal abandoned the US-led coalition.',
      'Portugal quits the US-led coalition.',
      'Portugal will stay out of the US-led coalition.',
      'Portugal objected to the US-led coalition.',
      'Portugal shuns the US-led coalition.',
    ])
      expect(directions(s), s).toMatchObject({ portugal: 'oppose' });
    expect(directions('Portugal has joined the US-led coalition.')).toMatchObject({
      portugal: 'support',
    });
  });
  it('pressure counts only through what it presses for', () => {
    const d = directions('Washington has been pressuring Lisbon to abandon the pact.');
    expect(d).toMatchObject({ usa: 'oppose' });
    expect(d).not.toHaveProperty('portugal');
    expect(directions('Beijing pressured Manila again this week.')).not.toHaveProperty('china');
  });
});

describe('fourth round: a cue about something other than the issue says nothing about it', () => {
  it('a for-cue whose purpose is the holder’s own stake is not about the issue', () => {
    expect(directions('Spain pledged to defend its economic interests.')).not.toHaveProperty(
      'spain',
    );
    expect(
      directions('Greece said it would send warships to protect Greek shipping interests.'),
    ).not.toHaveProperty('greece');
    expect(directions('Spain pledged to join the US-led coalition.')).toMatchObject({
      spain: 'support',
    });
  });
  it('a cue inside a temporal adjunct dates another act', () => {
    expect(
      directions('Two years after joining the alliance, Chile has said little about it.'),
    ).not.toHaveProperty('chile');
    expect(directions('Chile is joining the alliance.')).toMatchObject({ chile: 'support' });
  });
  it('a worry named by its topic ("security concerns") is about that topic', () => {
    expect(
      directions('Brazil is exploiting security concerns to win new contracts.'),
    ).not.toHaveProperty('brazil');
    expect(directions('Brazil has concerns about the US-led coalition.')).toMatchObject({
      brazil: 'oppose',
    });
  });
  it('"X should…" said by someone other than X is a wish, not X’s stance', () => {
    expect(
      directions('Mexico should join the US-led coalition, a Canadian minister said.'),
    ).not.toHaveProperty('mexico');
    expect(
      directions('Mexico should stay out of the US-led coalition, Mexico’s foreign minister said.'),
    ).toMatchObject({ mexico: 'oppose' });
  });
});

describe('fourth round: indecision and talks hedge', () => {
  it('a reluctance about deciding whether is indecision', () => {
    expect(
      directions('Kenya is cautious in deciding whether to join the US-led coalition.'),
    ).toMatchObject({ kenya: 'neutral' });
    expect(directions('Kenya is cautious about the US-led coalition.')).toMatchObject({
      kenya: 'oppose',
    });
  });
  it('taking part in talks is engaging, not joining', () => {
    expect(
      directions('Kenya agreed to take part in the talks on the US-led coalition.'),
    ).toMatchObject({ kenya: 'neutral' });
    expect(directions('Kenya agreed to take part in the US-led coalition.')).toMatchObject({
      kenya: 'support',
    });
  });
  it('an initialism before an official’s title still frames the sentence', () => {
    expect(
      directions(
        'Kenya should be cautious in deciding whether to join the coalition, Nairobi’s ICT minister said.',
      ),
    ).toMatchObject({ kenya: 'neutral' });
  });
});

describe('fourth round: proposers, restrictions and what "allow" lets in', () => {
  it('"supportive" is support; "X-proposed" and "X’s call/efforts" name a proposer', () => {
    expect(directions('Chile was generally supportive of the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    expect(directions('Ghana is weighing a US-proposed alliance.')).toMatchObject({
      usa: 'support',
    });
    expect(
      directions('Ghana has yet to answer Washington’s call for a new alliance.'),
    ).toMatchObject({ usa: 'support' });
  });
  it('a plan word followed by a refusal, or "a X strategy", proposes nothing', () => {
    expect(directions('Beijing’s efforts to block the alliance continue.')).not.toHaveProperty(
      'china',
      'support',
    );
    expect(directions('Ghana has a China strategy of its own.')).not.toHaveProperty('china');
  });
  it('a restriction is for, from who imposes it, only where the issue is a restriction', () => {
    expect(
      directions(
        'Norway announced a ban on the equipment on Tuesday.',
        'The ban follows months of debate over export restrictions.',
      ),
    ).toMatchObject({ norway: 'support' });
    expect(
      directions(
        'Norway announced a ban on fishing in its waters.',
        'The coalition met again; the coalition’s members said little.',
        'The alliance and the coalition will meet in May.',
      ),
    ).not.toHaveProperty('norway');
  });
  it('"not allow" is against when it withholds the holder’s own, not when it restricts a third party', () => {
    expect(
      directions('Norway will no longer allow Huawei to access its telecoms network.'),
    ).not.toHaveProperty('norway');
    expect(
      directions('Norway will not allow its airspace to be used for the US-led strikes.'),
    ).toMatchObject({ norway: 'oppose' });
    expect(
      directions('Oslo said it will not allow Norway to be used as a base for the US-led strikes.'),
    ).toMatchObject({ norway: 'oppose' });
  });
});

describe('fourth round: holders', () => {
  it('the object of a gerund does not hold the next predicate', () => {
    expect(
      directions(
        'Jakarta’s policy has avoided criticising either Beijing or Washington, but also rejected the coalition.',
      ),
    ).not.toHaveProperty('usa', 'oppose');
    expect(directions('Washington has rejected the Chinese plan.')).toMatchObject({
      usa: 'oppose',
    });
  });
});
