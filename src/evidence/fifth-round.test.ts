/**
 * Fifth round of issue 19: rules written from the causes of the `aside3` errors (see
 * docs/evidence.md, "Fifth round"). Every sentence here is made up; none is copied from the
 * benchmark. Each rule has a case it reads and a control that must keep its reading.
 */
import { describe, expect, it } from 'vitest';
import { directionsUnder } from './testdata.ts';

/** The proposed direction of each actor in a text (headline + one paragraph per sentence). */
const directions = directionsUnder('Allies weigh their options');

describe('fifth round: who holds a cue', () => {
  it('a cue in a relative clause belongs to its antecedent, not to the main subject', () => {
    const d = directions(
      'Chile and Peru both wanted the treaty, which rejected the US-led coalition, to be signed.',
    );
    expect(d).toMatchObject({ chile: 'support', peru: 'support' });
    // Control: the antecedent is an actor, so the relative clause is its.
    expect(
      directions('Chile, which rejected the US-led coalition last year, met Peru.'),
    ).toMatchObject({ chile: 'oppose' });
  });
  it('a passive frame is someone else’s forecast or wish about the subject', () => {
    expect(directions('Chile is expected to join the US-led coalition.')).not.toHaveProperty(
      'chile',
    );
    expect(directions('Chile was urged to join the US-led coalition.')).not.toHaveProperty('chile');
    // Control: an active frame is the subject's own wish.
    expect(directions('Chile wants to join the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
  });
  it('"EU countries", "NATO members": the members act, not the organisation', () => {
    expect(directions('EU countries rejected the US-led coalition.')).not.toHaveProperty('eu');
    expect(directions('The EU rejected the US-led coalition.')).toMatchObject({ eu: 'oppose' });
  });
  it('"along with X" makes X a co-subject', () => {
    const d = directions('Chile, along with Peru and Bolivia, abstained from the vote.');
    expect(d).toMatchObject({ peru: 'neutral', bolivia: 'neutral' });
    // Control: "with X" alone is an object.
    expect(directions('Chile met with Peru and abstained from the vote.')).not.toHaveProperty(
      'peru',
    );
  });
  it('a first-person subject between a mention and the cue is the subject', () => {
    expect(
      directions('We spoke about Chile and we are still discussing the matter.'),
    ).not.toHaveProperty('chile');
    expect(directions('Chile is still discussing the matter.')).toMatchObject({
      chile: 'neutral',
    });
  });
  it('"we" said by a state’s official is that state; said by a report, nobody', () => {
    const d = directions('“On Peru, we are still discussing the matter,” Chile’s president said.');
    expect(d).toMatchObject({ chile: 'neutral' });
    expect(d).not.toHaveProperty('peru');
    const r = directions('“On Peru, we are still discussing the matter,” the report said.');
    expect(r).not.toHaveProperty('peru');
  });
  it('a refusal does not carry over a conjunction and a new subject', () => {
    expect(directions('Peru hesitates as Chile authorizes the mission.')).toMatchObject({
      peru: 'oppose',
      chile: 'support',
    });
    // Control: "refused to authorize" is one refusal.
    expect(directions('Peru refused to authorize the mission.')).toMatchObject({ peru: 'oppose' });
  });
});

describe('fifth round: readings that were opposite by mechanism', () => {
  it('a group that cannot agree on something is divided, not against', () => {
    const d = directions('Chile and Peru could not agree on the US-led coalition.');
    expect(d.chile).not.toBe('oppose');
    expect(d.peru).not.toBe('oppose');
    // Control: not agreeing *to* it is a refusal.
    expect(directions('Chile did not agree to the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
  });
  it('acting against the issue’s target is for the issue, not against it', () => {
    const target = 'The coalition against China is taking shape.';
    expect(directions(target, 'Japan will commit its forces against China.')).toMatchObject({
      japan: 'support',
    });
    // Control: support *for* the target is still against the issue.
    expect(directions(target, 'Cambodia expressed support for China.')).toMatchObject({
      cambodia: 'oppose',
    });
  });
  it('a cue whose object is someone’s position is about that position', () => {
    expect(directions('Beijing thanked Chile for supporting its stance.')).not.toHaveProperty(
      'chile',
    );
    expect(directions('Beijing thanked Chile for supporting the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
  });
  it('"the X\'s decision" is what a cue is about, not an open question', () => {
    expect(
      directions(
        'Peru expressed strong opposition to Chile’s decision to join the US-led coalition.',
      ),
    ).toMatchObject({ peru: 'oppose' });
    // Control: "a decision on…" is still open.
    expect(directions('Peru was hesitant about a decision on the US-led coalition.')).toMatchObject(
      {
        peru: 'neutral',
      },
    );
  });
  it('a denial before "that" covers every clause after it', () => {
    expect(
      directions(
        'It is not true that although Peru hesitated, Chile supports the US-led coalition.',
      ).chile,
    ).not.toBe('support');
    expect(
      directions('Chile is yet to respond, officials doubt that Peru will join it.').peru,
    ).not.toBe('support');
    // Control: without the denial, Chile is for.
    expect(
      directions('Although Peru hesitated, Chile supports the US-led coalition.'),
    ).toMatchObject({ chile: 'support' });
  });
});

describe('fifth round: abstention and indecision are neutral', () => {
  it('abstaining is neutral; voting for or against is a direction', () => {
    expect(directions('Chile abstained in the vote on the US-led coalition.')).toMatchObject({
      chile: 'neutral',
    });
    expect(directions('Chile voted against the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
    expect(directions('Chile voted in favour of the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    expect(directions('Chile would not vote in favour of the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
  });
  it('"yet to decide", "still discussing", "weigh every step" are neutral', () => {
    for (const s of [
      'Chile is yet to decide on the US-led coalition.',
      'Chile has yet to make a decision on the US-led coalition.',
      'Chile said it would weigh every step carefully.',
    ])
      expect(directions(s), s).toMatchObject({ chile: 'neutral' });
    // Control: "yet" as a contrast still splits ("…, yet Peru refused").
    expect(
      directions('Chile joined the US-led coalition, yet Peru refused to join.'),
    ).toMatchObject({ chile: 'support', peru: 'oppose' });
  });
  it('a hedge that is ended is no longer held', () => {
    expect(
      directions('Chile said it was ready to join NATO, reversing decades of neutrality.'),
    ).toMatchObject({ chile: 'support' });
    // Control: a hedge that is kept stays neutral.
    expect(directions('Chile insists on its neutrality.')).toMatchObject({ chile: 'neutral' });
  });
});

describe('fifth round: lexicon and roles', () => {
  it('joining an organisation is about joining; joining another state is not', () => {
    expect(directions('Chile declared it would join NATO.')).toMatchObject({ chile: 'support' });
    expect(directions('Chile declared it would join Peru.')).not.toHaveProperty('chile');
  });
  it('pleading, looking favourably, a stated priority are for', () => {
    expect(directions('Kyiv has long been pleading for the tanks.')).toMatchObject({
      ukraine: 'support',
    });
    expect(directions('Washington will look favourably on the deal.')).toMatchObject({
      usa: 'support',
    });
    expect(
      directions('Chile said that joining the US-led coalition is among its highest priorities.'),
    ).toMatchObject({ chile: 'support' });
  });
  it('ignoring calls to join is against; establishing relations is for', () => {
    expect(directions('Peru has ignored calls to join the US-led coalition.')).toMatchObject({
      peru: 'oppose',
    });
    expect(directions('Chile and Peru established diplomatic relations.')).toMatchObject({
      chile: 'support',
      peru: 'support',
    });
  });
  it('"X’s request" names a proposer; "No X request" does not', () => {
    expect(directions('Israel rejected Kyiv’s request for arms.')).toMatchObject({
      ukraine: 'support',
      israel: 'oppose',
    });
    expect(directions('There has been no US request for troops.')).not.toHaveProperty('usa');
  });
  it('"70 percent of Chileans" are the public', () => {
    expect(directions('Seventy percent of Chileans oppose the US-led coalition.')).toMatchObject({
      'chile-public': 'oppose',
    });
  });
});

describe('fifth round: judging an act and imposing a measure', () => {
  it('welcoming a withdrawal is against; condemning a refusal to join is for', () => {
    const d = directions('Chile welcomed Peru’s withdrawal from the US-led coalition.');
    expect(d).toMatchObject({ chile: 'oppose', peru: 'oppose' });
    expect(
      directions('Chile condemned Peru’s refusal to join the US-led coalition.'),
    ).toMatchObject({ chile: 'support' });
    expect(directions('Chile welcomed the decision to join the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    // Controls: judging the issue itself keeps the judge's sign, also with a second judgement.
    expect(directions('Chile condemned the US-led coalition.')).toMatchObject({ chile: 'oppose' });
    expect(
      directions('Chile condemned the plan as “an act of war”, its foreign ministry said.'),
    ).toMatchObject({ chile: 'oppose' });
  });
  it('imposing sanctions on the target is for; refusing to is against', () => {
    expect(directions('Chile imposed sanctions on Russia.')).toMatchObject({ chile: 'support' });
    expect(directions('Chile has imposed provisional tariffs on Russia.')).toMatchObject({
      chile: 'support',
    });
    expect(directions('Chile will not impose sanctions on Russia.')).toMatchObject({
      chile: 'oppose',
    });
  });
  it('a list after a colon names who abstained', () => {
    const d = directions(
      'Nobody objected, but there were three abstentions: Chile, Peru and Bolivia.',
    );
    expect(d).toMatchObject({ chile: 'neutral', peru: 'neutral', bolivia: 'neutral' });
    // Control: without the colon the list is not read as the holders.
    expect(directions('Chile noted three abstentions in the vote.')).toMatchObject({
      chile: 'neutral',
    });
  });
  it('"X’s incoming prime minister" speaks for X', () => {
    expect(
      directions('Chile’s incoming prime minister has vowed to join the US-led coalition.'),
    ).toMatchObject({ chile: 'support' });
  });
});

describe('fifth round: ending and refusing what is against', () => {
  it('an ended cue turns: lifting a veto is for, ending support is against', () => {
    expect(directions('Chile lifted its veto on the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    expect(directions('Chile dropped its objections to the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    expect(directions('Chile ended its support for the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
    expect(directions('Chile reversed its decision to join the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
    expect(directions('Chile abandoned its long-standing neutrality.')).not.toHaveProperty('chile');
    // Controls: a veto kept, a withdrawal "in protest" (nothing ended).
    expect(directions('Chile did not lift its veto on the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
    expect(directions('Chile withdrew from the US-led coalition in protest.')).toMatchObject({
      chile: 'oppose',
    });
  });
  it('refusing or opposing to leave is for', () => {
    expect(directions('Chile refused to withdraw from the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    expect(directions('Chile opposed quitting the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    // Control: refusing to join is still against.
    expect(directions('Chile refused to join the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
  });
  it('not supplying arms is against; not voting is neutral', () => {
    expect(directions('Chile will not supply tanks to the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
    expect(directions('Chile did not vote on the US-led coalition.')).toMatchObject({
      chile: 'neutral',
    });
    // Control: "would not vote in favour" is still a refusal.
    expect(directions('Chile would not vote in favour of the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
  });
});

describe('fifth round: retreating, freezing, not yet done', () => {
  it('backing away, walking away, backtracking are against; refusing to back away is for', () => {
    for (const t of [
      'Chile backed away from the US-led coalition.',
      'Chile walked away from the US-led coalition.',
      'Chile backtracked on the US-led coalition.',
    ])
      expect(directions(t), t).toMatchObject({ chile: 'oppose' });
    expect(directions('Chile refused to back away from the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    // Control: "backed" alone is support.
    expect(directions('Chile backed the US-led coalition.')).toMatchObject({ chile: 'support' });
  });
  it('freezing or halting participation is against', () => {
    expect(directions('Chile froze its participation in the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
    expect(directions('Chile halted its support for the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
  });
  it('"has yet to sign" is not done and not refused: neutral', () => {
    expect(directions('Chile has yet to sign the US-led coalition’s charter.')).toMatchObject({
      chile: 'neutral',
    });
    // Control: a contrastive "yet" keeps both readings.
    expect(directions('Chile signed the charter, yet Peru refused to sign it.')).toMatchObject({
      chile: 'support',
      peru: 'oppose',
    });
  });
});

describe('fifth round: double negatives, fading and failing', () => {
  it('ruling out leaving is for; leaving needs what is left', () => {
    expect(directions('Chile ruled out leaving the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
    expect(directions('Chile is leaving the US-led coalition.')).toMatchObject({ chile: 'oppose' });
    expect(directions('Chile will leave for Lima tomorrow.')).not.toHaveProperty('chile');
  });
  it('refusing a criticism or distancing from an opposition is no reading', () => {
    expect(directions('Chile rejected criticism of the US-led coalition.')).not.toHaveProperty(
      'chile',
    );
    expect(
      directions('Chile distanced itself from Peru’s opposition to the US-led coalition.'),
    ).not.toHaveProperty('chile');
    // Controls: two refusals joined by "and", and an adjunct "in protest", keep their reading.
    expect(directions('Chile opposed the coalition and criticised the US-led plan.')).toMatchObject(
      { chile: 'oppose' },
    );
    expect(directions('Chile withdrew from the US-led coalition in protest.')).toMatchObject({
      chile: 'oppose',
    });
  });
  it('a stance said to fade is not held', () => {
    expect(directions('Chile’s support for the US-led coalition has waned.')).not.toHaveProperty(
      'chile',
    );
    expect(directions('Chile’s support for the US-led coalition is strong.')).toMatchObject({
      chile: 'support',
    });
  });
  it('"little interest", "failed to ratify" are negations; "a little" is not', () => {
    expect(directions('Chile has shown little interest in the US-led coalition.')).toMatchObject({
      chile: 'oppose',
    });
    expect(directions('Chile failed to ratify the US-led coalition treaty.')).toMatchObject({
      chile: 'oppose',
    });
    expect(directions('Chile has a little interest in the US-led coalition.')).toMatchObject({
      chile: 'support',
    });
  });
});

describe('fifth round: the issue’s target as an object', () => {
  const target = 'The coalition against China is taking shape.';
  it('"wary of" and a judgement of the target’s own deeds turn around', () => {
    expect(directions(target, 'Japan is wary of China.')).toMatchObject({ japan: 'support' });
    expect(directions(target, 'Japan condemned China’s aggression.')).toMatchObject({
      japan: 'support',
    });
    // Controls: wary of the issue itself is against; another actor's possessive is no object.
    expect(directions(target, 'Japan is wary of the coalition.')).toMatchObject({
      japan: 'oppose',
    });
    expect(
      directions('Italy said it would withdraw from China’s controversial investment pact.'),
    ).toMatchObject({ italy: 'oppose' });
  });
  it('refusing to support the target is for; refusing to back the proponent is against', () => {
    expect(directions(target, 'Japan refused to support China.')).toMatchObject({
      japan: 'support',
    });
    expect(
      directions(target, 'The US-led plan is on the table.', 'Japan declined to back the US.'),
    ).toMatchObject({
      japan: 'oppose',
    });
  });
  it('a merged cue’s object is the object of the pair ("pledged support for China")', () => {
    expect(directions(target, 'Japan pledged support for China.')).toMatchObject({
      japan: 'oppose',
    });
    expect(directions(target, 'Japan pledged support for the coalition.')).toMatchObject({
      japan: 'support',
    });
  });
  it('"under pressure to" is pressure on the subject', () => {
    expect(directions(target, 'Japan is under pressure to join the coalition.')).not.toHaveProperty(
      'japan',
    );
    expect(directions(target, 'Japan under Abe wanted to join the coalition.')).toMatchObject({
      japan: 'support',
    });
  });
  it('a passive frame without a cue of its own is still someone else’s wish', () => {
    expect(directions(target, 'Japan was asked to join the coalition.')).not.toHaveProperty(
      'japan',
    );
    expect(directions(target, 'Japan asked to join the coalition.')).toMatchObject({
      japan: 'support',
    });
  });
});
