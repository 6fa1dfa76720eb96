import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { deuCases } from './deu-cases.ts';
import { councilPeriod, parseCouncilVotes } from './deu-council-votes.ts';
import { type DeuData, parseDeu } from './deu.ts';

const HEAD =
  'issue_id,proposal_id,procedure,council_voting,intro_date,final_act_date,actor,actor_type,position,salience,capability,reference_point,outcome';
const row = (cells: string) => cells;
const GOOD = [
  HEAD,
  row('i1,p1,COD,QMV,1999-01-01,2000-01-01,com,institution,100,80,,0,60'),
  row('i1,p1,COD,QMV,1999-01-01,2000-01-01,ep,institution,80,60,,0,60'),
  row('i1,p1,COD,QMV,1999-01-01,2000-01-01,de,member_state,0,50,,0,60'),
  row('i1,p1,COD,QMV,1999-01-01,2000-01-01,lu,member_state,40,,,0,60'),
  row('i2,p1,COD,QMV,1999-01-01,2000-01-01,com,institution,10,10,,,'),
  row('i2,p1,COD,QMV,1999-01-01,2000-01-01,de,member_state,20,20,,,'),
  row('i3,p2,CNS,Unan,2005-01-01,2006-01-01,de,member_state,0,100,,,50'),
  row('i3,p2,CNS,Unan,2005-01-01,2006-01-01,pl,member_state,100,100,,,50'),
  row('i3,p2,CNS,Unan,2005-01-01,2006-01-01,fr,member_state,,100,,,50'),
].join('\n');

const VOTES = `actor,pre_nice_votes_EU15,nice_votes_EU27,nice_votes_EU28_from_2013
de,10,29,29
fr,10,29,29
lu,2,4,4
pl,,27,27
cr,,,7
`;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('parseDeu(text, file) reads the DEU long format', () => {
  it('groups rows into issues in order, with issue-level fields and missing cells as NaN', () => {
    const data = parseDeu(GOOD, 'good.csv');
    expect(data.rows).toBe(9);
    expect(data.issues.map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
    const [i1, i2, i3] = data.issues as [
      DeuData['issues'][0],
      DeuData['issues'][0],
      DeuData['issues'][0],
    ];
    expect(i1).toMatchObject({
      proposalId: 'p1',
      procedure: 'COD',
      councilVoting: 'QMV',
      reference: 0,
      outcome: 60,
      line: 2,
    });
    expect(i1.actors.map((a) => a.id)).toEqual(['com', 'ep', 'de', 'lu']);
    expect(i1.actors[3]!.salience).toBeNaN();
    expect(i2.outcome).toBeNaN();
    expect(i2.reference).toBeNaN();
    expect(i3.actors[2]!.position).toBeNaN();
  });

  it('defaults the proposal to the issue when the column is absent', () => {
    const data = parseDeu(
      'issue_id,actor,position,salience,outcome\nx,a,1,2,3\nx,b,4,5,3\n',
      'f.csv',
    );
    expect(data.issues[0]!.proposalId).toBe('x');
  });

  it('names every missing required column', () => {
    expect(problemsOf(() => parseDeu('issue_id,actor,position\n', 'f.csv'))).toEqual([
      'f.csv:1:1 salience: missing column "salience"; a DEU file needs issue_id, actor, position, salience, outcome',
      'f.csv:1:1 outcome: missing column "outcome"; a DEU file needs issue_id, actor, position, salience, outcome',
    ]);
  });

  it('points at the field: not a number, out of range, bad date', () => {
    const text = [
      HEAD,
      'i1,p1,COD,QMV,1999-01-01,2000-01-01,com,institution,abc,80,,0,60',
      'i1,p1,COD,QMV,1999-01-01,2000-01-01,de,member_state,10,180,,0,60',
      'i2,p2,COD,QMV,1999-13,2000-01-01,de,member_state,10,10,,0,60',
    ].join('\n');
    expect(problemsOf(() => parseDeu(text, 'bad.csv'))).toEqual([
      'bad.csv:2:53 position: "abc" is not a number',
      'bad.csv:3:56 salience: 180 is outside 0–100',
      'bad.csv:4:15 intro_date: "1999-13" is not a date YYYY-MM-DD',
    ]);
  });

  it('rejects an issue whose rows disagree on the outcome, a duplicate actor and a short row', () => {
    const text = [
      HEAD,
      'i1,p1,COD,QMV,1999-01-01,2000-01-01,com,institution,1,80,,0,60',
      'i1,p1,COD,QMV,1999-01-01,2000-01-01,de,member_state,10,10,,0,70',
      'i1,p1,COD,QMV,1999-01-01,2000-01-01,com,institution,1,80,,0,60',
      'i1,p1,COD',
    ].join('\n');
    const p = problemsOf(() => parseDeu(text, 'bad.csv'));
    expect(p[0]).toBe(
      'bad.csv:3:62 outcome: "70" differs from "60" on line 2 for issue i1 (issue-level fields must agree on every row)',
    );
    expect(p[1]).toBe(
      'bad.csv:4:37 actor: actor "com" appears twice on issue i1 (first on line 2)',
    );
    expect(p[2]).toBe('bad.csv:5:1: 3 fields, expected 13 (as in the header)');
  });

  it('rejects an empty file and a header without rows', () => {
    expect(problemsOf(() => parseDeu('', 'e.csv'))[0]).toMatch(/^e\.csv:1:1: empty file/);
    expect(problemsOf(() => parseDeu(`${HEAD}\n`, 'e.csv'))[0]).toBe(
      'e.csv:1: no data rows after the header',
    );
  });
});

describe('councilPeriod(issue) dates the Council weights by the decision', () => {
  it('uses the final act, else the introduction; Nice from 1 Nov 2004, EU-28 from 1 Jul 2013', () => {
    expect(councilPeriod({ finalActDate: '2004-10-31', introDate: '' })).toBe('EU-15 pre-Nice');
    expect(councilPeriod({ finalActDate: '2004-11-01', introDate: '' })).toBe('EU-25/27 Nice');
    expect(councilPeriod({ finalActDate: '', introDate: '2013-07-01' })).toBe('EU-28 Nice');
    expect(councilPeriod({ finalActDate: '', introDate: '' })).toBe('unknown');
  });
});

describe('deuCases(data, options) builds one numeric input per issue', () => {
  const data = parseDeu(GOOD, 'good.csv');
  const votes = parseCouncilVotes(VOTES, 'votes.csv');

  it('leaves out actors without position or salience and unscoreable issues, counting each', () => {
    const { cases, counts } = deuCases(data, { capability: 'equal' });
    expect(counts).toMatchObject({
      rows: 9,
      issues: 3,
      proposals: 2,
      missingPosition: 1,
      missingSalience: 1,
      missingOutcome: 1,
      tooFewActors: 1,
      scoreable: 1,
      withReference: 1,
    });
    expect(cases.map((c) => c.scoreable)).toEqual([true, false, false]);
    expect(cases[1]!.excluded).toBe('no outcome');
    expect(cases[2]!.excluded).toBe('2 actor(s) with position and salience, fewer than 3');
    const input = cases[0]!.input;
    expect(input.actorIds).toEqual(['com', 'ep', 'de']);
    expect(Array.from(input.salience)).toEqual([0.8, 0.6, 0.5]);
    expect(Array.from(input.capability)).toEqual([1, 1, 1]);
    expect(input.reference[0]).toBe(0);
  });

  it('council-votes: member states by period, institutions as the mean member state', () => {
    const { cases } = deuCases(data, { capability: 'council-votes', votes });
    expect(Array.from(cases[0]!.input.capability)).toEqual([10, 10, 10]); // pre-Nice: de 10
    expect(Array.from(cases[2]!.input.capability)).toEqual([29, 27]); // Nice: de 29, pl 27
  });

  it('council-votes: takes the next period for an actor without votes in its own, and counts it', () => {
    const text = `${HEAD}\ni,p,COD,QMV,2000-01-01,2001-01-01,pl,member_state,1,1,,,1\ni,p,COD,QMV,2000-01-01,2001-01-01,de,member_state,1,1,,,1\ni,p,COD,QMV,2000-01-01,2001-01-01,lu,member_state,1,1,,,1\n`;
    const r = deuCases(parseDeu(text, 'f.csv'), { capability: 'council-votes', votes });
    expect(Array.from(r.cases[0]!.input.capability)).toEqual([27, 10, 2]);
    expect(r.counts.voteFallbacks).toBe(1);
  });

  it('council-votes: an actor missing from the table is an error at its row', () => {
    const text = `${HEAD}\ni,p,COD,QMV,2000-01-01,2001-01-01,xx,member_state,1,1,,,1\n`;
    expect(
      problemsOf(() => deuCases(parseDeu(text, 'f.csv'), { capability: 'council-votes', votes })),
    ).toEqual([
      'f.csv:2:35 actor: "xx" has no Council votes in the votes table for EU-15 pre-Nice or later (is it a member state? institutions need actor_type "institution")',
    ]);
  });

  it('none: the file’s capability where given, 1 where empty (counted)', () => {
    const text = `${HEAD}\ni,p,COD,QMV,,,a,x,1,1,3,,1\ni,p,COD,QMV,,,b,x,1,1,,,1\ni,p,COD,QMV,,,c,x,1,1,0.5,,1\n`;
    const r = deuCases(parseDeu(text, 'f.csv'), { capability: 'none' });
    expect(Array.from(r.cases[0]!.input.capability)).toEqual([3, 1, 0.5]);
    expect(r.counts.capabilityDefaulted).toBe(1);
  });

  it('marks an issue whose actors all have zero salience as unscoreable', () => {
    const text = `${HEAD}\ni,p,COD,QMV,,,a,x,1,0,,,1\ni,p,COD,QMV,,,b,x,1,0,,,1\ni,p,COD,QMV,,,c,x,1,0,,,1\n`;
    const r = deuCases(parseDeu(text, 'f.csv'), { capability: 'equal' });
    expect(r.counts.zeroWeight).toBe(1);
    expect(r.cases[0]!.excluded).toBe('every actor has zero capability × salience');
  });
});

describe('parseCouncilVotes(text, file)', () => {
  it('reads votes per period, empty where a state had none', () => {
    const v = parseCouncilVotes(VOTES, 'v.csv');
    expect(v.get('pl')).toMatchObject({ preNice: null, nice27: 27, nice28: 27 });
    expect(v.get('cr')).toMatchObject({ preNice: null, nice27: null, nice28: 7 });
  });
  it('names missing columns and bad numbers', () => {
    expect(problemsOf(() => parseCouncilVotes('actor,x\n', 'v.csv'))[0]).toMatch(
      /^v\.csv:1:1 pre_nice_votes_eu15: missing column/,
    );
    expect(problemsOf(() => parseCouncilVotes(`${VOTES}xx,0,1,1\n`, 'v.csv'))).toEqual([
      'v.csv:7:4 votes: "0" is not a positive number of votes',
    ]);
  });
});
