/**
 * Renaming an id everywhere in a draft (web/src/rename.ts), every kind of reference the schema
 * has (src/core/scenario.ts), and the id checks the workbench shows at the field.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return --
   The assertions read deep into renamed drafts (plain JSON); typing each step would bury them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runForecast } from '../src/analysis/forecast.ts';
import { validateScenarioObject } from '../src/formats/scenario-file.ts';
import { applyVariant } from '../src/formats/variants.ts';
import { listModels } from '../src/models/registry.ts';
import type { Draft, Json } from '../web/src/doc.ts';
import { idProblem, renameId, renameInPath } from '../web/src/rename.ts';
import {
  ACTOR_KINDS as SCHEMA_KINDS,
  SOURCE_GRADES as SCHEMA_GRADES,
} from '../src/core/scenario.ts';
import {
  ACTOR_KINDS,
  SOURCE_GRADES,
  addQuote,
  addSource,
  freshId,
  quotesFor,
  referencesTo,
  removeQuote,
  removeSource,
  setListField,
  setMeasureNote,
} from '../web/src/evidence-edit.ts';

/** A small scenario with every field that refers to an actor, issue, source or evidence id. */
function fixture(): Draft {
  return {
    id: 's',
    title: 'T',
    question: 'Q?',
    asOf: '2025',
    sources: [
      { id: 'src.1', title: 'One', url: 'https://example.org/1' },
      { id: 'src2', title: 'Two' },
    ],
    issues: [
      {
        id: 'deal',
        name: 'Deal',
        scale: { min: 0, max: 100 },
        referencePoint: { value: 10, evidence: ['ev1'] },
      },
      { id: 'join', name: 'Join', scale: { min: 0, max: 100 }, bargaining: false },
    ],
    actors: [
      {
        id: 'us.gov',
        name: 'US',
        kind: 'state',
        capability: { value: 5, evidence: ['ev1', 'ev2'] },
        stances: { deal: { position: 80, salience: 60 }, join: { position: 100, salience: 70 } },
      },
      {
        id: 'cn',
        name: 'China',
        kind: 'state',
        capability: 4,
        stances: { deal: { position: 20, salience: 60 }, join: { position: 0, salience: 70 } },
      },
      {
        id: 'jp',
        name: 'Japan',
        kind: 'government',
        capability: 2,
        stances: {
          deal: { position: 60, salience: { value: 40, evidence: ['ev2'] } },
          join: { position: 50, salience: 50 },
        },
      },
      {
        id: 'jp-public',
        name: 'Japan public',
        kind: 'public',
        capability: 1,
        stances: { join: { position: 30, salience: 40 } },
      },
    ],
    evidence: [
      {
        id: 'ev1',
        source: 'src.1',
        quote: 'us.gov said deal',
        supports: [{ actor: 'us.gov', issue: 'deal', field: 'position' }],
      },
      { id: 'ev2', source: 'src2', supports: [{ actor: 'jp', field: 'capability' }] },
    ],
    coalition: {
      issue: 'join',
      lead: 'us.gov',
      rival: 'cn',
      candidates: ['jp'],
      parties: { jp: { public: 'jp-public', tradeWithRival: { value: 20, evidence: ['ev2'] } } },
      allianceTies: [{ between: ['us.gov', 'jp'], evidence: ['ev1'] }],
      commitment: {
        levels: [
          { id: 'none', label: 'None', contribution: 0, exposure: 0 },
          { id: 'full', label: 'Full', contribution: 1, exposure: 1 },
        ],
        joinLevel: 'full',
        capabilityMeasure: 'cinc',
        credibility: 0.5,
        conflictRisk: 0.3,
        lead: { capability: { cinc: 5 } },
        rival: { capability: { cinc: 4 } },
        candidates: {
          jp: {
            capability: { cinc: 2 },
            security: 0.6,
            abandonment: 0.3,
            stake: 0.5,
            tradeExposure: 0.2,
            coercion: 0.5,
            localThreat: 0.2,
            publicSupport: 0.4,
            publicDependence: 0.5,
          },
        },
      },
    },
    variants: [
      {
        id: 'v1',
        name: 'V1',
        changes: [
          { set: 'actors.us.gov.stances.deal.position', value: 70, evidence: ['ev1'] },
          { scale: 'coalition.commitment.candidates.jp.coercion', by: 1.5 },
          { scale: 'actors.*.capability', by: 1.1 },
          { set: 'issues.deal.referencePoint', value: 15 },
          { set: 'evidence.ev2.source', value: 'src.1' },
        ],
      },
      {
        id: 'v2',
        name: 'V2',
        changes: [
          { set: 'coalition.commitment.candidates.jp.current', value: 'full' },
          { remove: 'coalition.parties.jp' },
          { remove: 'coalition.allianceTies' },
        ],
      },
      {
        id: 'v3',
        name: 'V3',
        changes: [
          {
            add: 'actors',
            value: {
              id: 'kr',
              name: 'Korea',
              kind: 'state',
              capability: 1,
              stances: { deal: { position: 50, salience: 50 } },
            },
          },
          { set: 'coalition.rival', value: 'cn' },
          {
            add: 'evidence',
            value: {
              id: 'ev3',
              source: 'src2',
              supports: [{ actor: 'cn', issue: 'deal', field: 'salience' }],
            },
          },
        ],
      },
    ],
    levers: [
      { path: 'actors.us.gov.stances.deal.position', by: ['us.gov'], how: 'x', evidence: ['ev1'] },
      { path: 'coalition.commitment.candidates.*.publicSupport', how: 'y' },
      { path: 'actors.jp.capability', by: ['jp'], how: 'z' },
    ],
  };
}

/** Every string in a JSON value, with its path. */
function strings(x: Json, p = ''): string[] {
  if (typeof x === 'string') return [`${p}=${x}`];
  if (Array.isArray(x)) return x.flatMap((v, i) => strings(v, `${p}[${i}]`));
  if (x && typeof x === 'object')
    return Object.entries(x).flatMap(([k, v]) => [`${p}{${k}}`, ...strings(v, `${p}.${k}`)]);
  return [];
}

describe('renameId(draft, kind, from, to)', () => {
  it('the fixture is a valid scenario (so every reference below is a real one)', () => {
    const r = validateScenarioObject(fixture());
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('renames an actor id in its list, evidence supports, the coalition block, levers and variants', () => {
    const d = renameId(fixture(), 'actor', 'jp', 'japan');
    const a = d as any;
    expect(a.actors.map((x: any) => x.id)).toEqual(['us.gov', 'cn', 'japan', 'jp-public']);
    expect(a.evidence[1].supports[0].actor).toBe('japan');
    expect(a.coalition.candidates).toEqual(['japan']);
    expect(Object.keys(a.coalition.parties)).toEqual(['japan']);
    expect(a.coalition.parties.japan.public).toBe('jp-public');
    expect(a.coalition.allianceTies[0].between).toEqual(['us.gov', 'japan']);
    expect(Object.keys(a.coalition.commitment.candidates)).toEqual(['japan']);
    expect(a.levers[2]).toMatchObject({ path: 'actors.japan.capability', by: ['japan'] });
    expect(a.variants[0].changes[1].scale).toBe('coalition.commitment.candidates.japan.coercion');
    expect(a.variants[1].changes.map((c: any) => c.remove ?? c.set)).toEqual([
      'coalition.commitment.candidates.japan.current',
      'coalition.parties.japan',
      'coalition.allianceTies',
    ]);
    expect(renameInPath('coalition.candidates.jp', fixture(), 'actor', 'jp', 'japan').path).toBe(
      'coalition.candidates.japan',
    );
    // Nothing else changed: every string that mentioned the old id in an id field is gone, and
    // "jp-public" (which starts with it) is untouched.
    const left = strings(d).filter(
      (s) => s.endsWith('=jp') || s.endsWith('{jp}') || /\.jp\./.test(s),
    );
    expect(left).toEqual([]);
    expect(validateScenarioObject(d).ok).toBe(true);
  });

  it('an actor id with dots: paths are matched whole, values set at an id field follow', () => {
    const d = renameId(fixture(), 'actor', 'us.gov', 'usa') as any;
    expect(d.actors[0].id).toBe('usa');
    expect(d.evidence[0].supports[0].actor).toBe('usa');
    expect(d.coalition.lead).toBe('usa');
    expect(d.coalition.allianceTies[0].between[0]).toBe('usa');
    expect(d.levers[0]).toMatchObject({ path: 'actors.usa.stances.deal.position', by: ['usa'] });
    expect(d.variants[0].changes[0].set).toBe('actors.usa.stances.deal.position');
    // A quote's words are text, not a reference.
    expect(d.evidence[0].quote).toBe('us.gov said deal');
    const r2 = renameId(fixture(), 'actor', 'cn', 'china') as any;
    expect(r2.coalition.rival).toBe('china');
    // A value set at an id field (coalition.rival) and an added evidence item's supports.
    expect(r2.variants[2].changes[1].value).toBe('china');
    expect(r2.variants[2].changes[2].value.supports[0].actor).toBe('china');
    expect(validateScenarioObject(r2).ok).toBe(true);
  });

  it('renames an issue id: stance keys, supports, the coalition issue, paths, an added actor’s stances', () => {
    const d = renameId(fixture(), 'issue', 'deal', 'accord') as any;
    expect(d.issues[0].id).toBe('accord');
    expect(d.actors.map((x: any) => Object.keys(x.stances))).toEqual([
      ['accord', 'join'],
      ['accord', 'join'],
      ['accord', 'join'],
      ['join'],
    ]);
    expect(d.evidence[0].supports[0].issue).toBe('accord');
    expect(d.levers[0].path).toBe('actors.us.gov.stances.accord.position');
    expect(d.variants[0].changes.map((c: any) => c.set ?? c.scale)).toEqual([
      'actors.us.gov.stances.accord.position',
      'coalition.commitment.candidates.jp.coercion',
      'actors.*.capability',
      'issues.accord.referencePoint',
      'evidence.ev2.source',
    ]);
    expect(Object.keys(d.variants[2].changes[0].value.stances)).toEqual(['accord']);
    expect(d.variants[2].changes[2].value.supports[0].issue).toBe('accord');
    const j = renameId(fixture(), 'issue', 'join', 'coalition') as any;
    expect(j.coalition.issue).toBe('coalition');
    expect(validateScenarioObject(d).ok).toBe(true);
    expect(validateScenarioObject(j).ok).toBe(true);
  });

  it('renames a source id: the list and every evidence item citing it, in variants too', () => {
    const d = renameId(fixture(), 'source', 'src.1', 'reuters') as any;
    expect(d.sources[0].id).toBe('reuters');
    expect(d.evidence[0].source).toBe('reuters');
    expect(d.evidence[1].source).toBe('src2');
    expect(d.variants[0].changes[4].value).toBe('reuters');
    expect(validateScenarioObject(d).ok).toBe(true);
  });

  it('renames an evidence id: measures anywhere, ties, levers, variant changes and paths', () => {
    const d = renameId(fixture(), 'evidence', 'ev2', 'poll') as any;
    expect(d.evidence[1].id).toBe('poll');
    expect(d.actors[0].capability.evidence).toEqual(['ev1', 'poll']);
    expect(d.actors[2].stances.deal.salience.evidence).toEqual(['poll']);
    expect(d.coalition.parties.jp.tradeWithRival.evidence).toEqual(['poll']);
    expect(d.variants[0].changes[4].set).toBe('evidence.poll.source');
    const e1 = renameId(fixture(), 'evidence', 'ev1', 'speech') as any;
    expect(e1.issues[0].referencePoint.evidence).toEqual(['speech']);
    expect(e1.coalition.allianceTies[0].evidence).toEqual(['speech']);
    expect(e1.levers[0].evidence).toEqual(['speech']);
    expect(e1.variants[0].changes[0].evidence).toEqual(['speech']);
    expect(validateScenarioObject(d).ok).toBe(true);
    expect(validateScenarioObject(e1).ok).toBe(true);
  });

  it('leaves the input untouched and is the identity for from === to', () => {
    const f = fixture();
    const before = JSON.stringify(f);
    renameId(f, 'actor', 'jp', 'japan');
    expect(JSON.stringify(f)).toBe(before);
    expect(renameId(f, 'actor', 'jp', 'jp')).toBe(f);
  });

  it('renameInPath keeps paths that do not name the id, and gives their location', () => {
    const f = fixture();
    expect(renameInPath('actors.jp-public.capability', f, 'actor', 'jp', 'x').path).toBe(
      'actors.jp-public.capability',
    );
    expect(renameInPath('actors.*.stances.deal.salience', f, 'issue', 'deal', 'd2').path).toBe(
      'actors.*.stances.d2.salience',
    );
    expect(renameInPath('actors.us.gov.stances.deal', f, 'issue', 'deal', 'd2')).toEqual({
      path: 'actors.us.gov.stances.d2',
      location: ['actors', '#', 'stances', '#'],
    });
  });

  it('the built-in scenario: renaming korea-gov keeps it valid, its forecast and every variant', () => {
    const text = readFileSync(
      join(import.meta.dirname, '../scenarios/east-asia-coalition-2025.yaml'),
      'utf8',
    );
    const base = parse(text) as Draft;
    const renamed = renameId(base, 'actor', 'korea-gov', 'rok-gov');
    expect(JSON.stringify(renamed)).not.toMatch(/"korea-gov"|korea-gov\./);
    const a = validateScenarioObject(base);
    const b = validateScenarioObject(renamed);
    if (!a.ok || !b.ok) throw new Error(JSON.stringify(b.ok ? [] : b.problems));
    const models = listModels().map((m) => ({
      model: m,
      options: { ...(m.defaults as Record<string, unknown>) },
    }));
    const fa = runForecast(a.scenario, models, { seed: 7, coalitionDraws: 50 });
    const fb = runForecast(b.scenario, models, { seed: 7, coalitionDraws: 50 });
    expect(fb.issues.map((i) => i.forecasts)).toEqual(fa.issues.map((i) => i.forecasts));
    for (const v of a.scenario.variants ?? []) {
      const va = applyVariant(a.scenario, v.id).scenario;
      const vb = applyVariant(b.scenario, v.id).scenario;
      expect(JSON.stringify(vb).replaceAll('rok-gov', 'korea-gov')).toBe(JSON.stringify(va));
    }
  });
});

describe('idProblem(draft, kind, index, id): the message at an id field', () => {
  it('names the field for an empty id, illegal characters and a duplicate; null when fine', () => {
    const f = fixture();
    expect(idProblem(f, 'actor', 2, '')).toMatch(/^actors\[2\]\.id: empty/);
    expect(idProblem(f, 'actor', 2, 'ja pan')).toMatch(/^actors\[2\]\.id: "ja pan" is not an id/);
    expect(idProblem(f, 'actor', 2, '-jp')).toMatch(/is not an id/);
    expect(idProblem(f, 'actor', 2, 'cn')).toBe(
      'actors[2].id: duplicate actor id "cn" (already used by actors[1])',
    );
    expect(idProblem(f, 'issue', 0, 'join')).toMatch(/^issues\[0\]\.id: duplicate issue id "join"/);
    expect(idProblem(f, 'actor', 2, 'jp')).toBeNull();
    expect(idProblem(f, 'source', 1, 'src.3')).toBeNull();
  });
});

describe('evidence editing on the draft (web/src/evidence-edit.ts)', () => {
  const capJp = { actor: 'jp', field: 'capability' as const, path: ['actors', 2, 'capability'] };
  const posUs = {
    actor: 'us.gov',
    issue: 'deal',
    field: 'position' as const,
    path: ['actors', 0, 'stances', 'deal', 'position'],
  };

  it('the kinds and grades offered are the schema’s', () => {
    expect([...ACTOR_KINDS]).toEqual([...SCHEMA_KINDS]);
    expect([...SOURCE_GRADES]).toEqual([...SCHEMA_GRADES]);
  });

  it('quotesFor finds items cited on the measure and items claiming the number in supports', () => {
    const f = fixture();
    expect(quotesFor(f, posUs).map((q) => q.id)).toEqual(['ev1']);
    expect(quotesFor(f, capJp).map((q) => q.id)).toEqual(['ev2']);
    const us = quotesFor(f, {
      actor: 'us.gov',
      field: 'capability',
      path: ['actors', 0, 'capability'],
    });
    expect(us.map((q) => [q.id, q.cited])).toEqual([
      ['ev1', true],
      ['ev2', true],
    ]);
    // ev2 is also cited by Japan's salience, a party's trade share and a variant path, and
    // claims Japan's capability.
    expect(us[1]!.elsewhere).toBe(4);
    expect(referencesTo(f, 'evidence', 'ev2').sort()).toEqual([
      'actors[0].capability.evidence[1]',
      'actors[2].stances.deal.salience.evidence[0]',
      'coalition.parties.jp.tradeWithRival.evidence[0]',
      'variants[0].changes[4].set',
    ]);
    expect(referencesTo(f, 'source', 'src2')).toEqual([
      'evidence[1].source',
      'variants[2].changes[2].value.source',
    ]);
  });

  it('addQuote appends an item supporting the number with a fresh id and the first source', () => {
    const f = fixture();
    const a = addQuote(f, posUs);
    expect(a.id).toBe('us.gov-deal-position');
    const b = addQuote(a.draft, posUs);
    expect(b.id).toBe('us.gov-deal-position-2');
    const items = (b.draft.evidence as any[]).slice(-2);
    expect(items[0]).toEqual({
      id: 'us.gov-deal-position',
      source: 'src.1',
      quote: '',
      supports: [{ field: 'position', actor: 'us.gov', issue: 'deal' }],
    });
    expect(quotesFor(b.draft, posUs).map((q) => q.id)).toEqual(['ev1', a.id, b.id]);
    const cap = addQuote(f, capJp).draft.evidence as any[];
    expect(cap.at(-1).supports).toEqual([{ field: 'capability', actor: 'jp' }]);
    // Valid as it stands: an empty quote is allowed, the source is known.
    expect(validateScenarioObject(b.draft).ok).toBe(true);
  });

  it('removeQuote unlinks an item from the number; deletes it only when nothing else cites it', () => {
    const f = fixture();
    const a = addQuote(f, posUs);
    const r = removeQuote(a.draft, posUs, a.id);
    expect(r.deleted).toBe(true);
    expect(r.draft.evidence).toEqual(f.evidence);
    // ev1 supports US position and is cited elsewhere (reference point, a tie, a lever…): kept.
    const k = removeQuote(f, posUs, 'ev1');
    expect(k.deleted).toBe(false);
    expect((k.draft.evidence as any[])[0].supports).toBeUndefined();
    expect(quotesFor(k.draft, posUs)).toEqual([]);
    // Cited on the measure: dropped from its evidence list.
    const us = { actor: 'us.gov', field: 'capability' as const, path: ['actors', 0, 'capability'] };
    const c = removeQuote(f, us, 'ev2');
    expect((c.draft.actors as any[])[0].capability.evidence).toEqual(['ev1']);
    expect(c.deleted).toBe(false);
    expect(validateScenarioObject(c.draft).ok).toBe(true);
  });

  it('setMeasureNote sets or removes a derivation and the UNVERIFIED flag, a bare number grows', () => {
    const f = fixture();
    const p = ['actors', 1, 'capability'];
    const d = setMeasureNote(f, p, 'derivation', 'CINC 2022 share');
    expect((d.actors as any[])[1].capability).toEqual({ value: 4, derivation: 'CINC 2022 share' });
    const u = setMeasureNote(d, p, 'unverified', true);
    expect((u.actors as any[])[1].capability.unverified).toBe(true);
    const back = setMeasureNote(setMeasureNote(u, p, 'unverified', false), p, 'derivation', '');
    expect((back.actors as any[])[1].capability).toEqual({ value: 4 });
    expect(validateScenarioObject(u).ok).toBe(true);
  });

  it('sources: add with a fresh id, edit fields, remove; validation names what breaks', () => {
    const f = fixture();
    const a = addSource(f);
    expect(a.id).toBe('source-3');
    let d = setListField(a.draft, 'sources', 2, 'url', 'ftp://example.org/x');
    let r = validateScenarioObject(d);
    // A warning, as in `entente validate` (no face links it), never a wall.
    expect(r.ok ? r.warnings.map((p) => `${p.path}: ${p.message}`) : r.problems).toEqual([
      'sources[2].url: "ftp://example.org/x" is not a web address: expected one starting with http:// or https://',
    ]);
    d = setListField(d, 'sources', 2, 'url', '');
    expect((d.sources as any[])[2]).toEqual({ id: 'source-3', title: 'New source' });
    expect(validateScenarioObject(d).ok).toBe(true);
    // Removing a source an item cites: the item's source is unknown, in the CLI's words.
    r = validateScenarioObject(removeSource(d, 1));
    expect(r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)).toContainEqual(
      expect.stringMatching(/^evidence\[1\]\.source: unknown source id "src2"/),
    );
    expect(freshId(['a', 'a-2'], 'a')).toBe('a-3');
  });
});
