/**
 * The reference article (RCO NEWS, late 2025; test/fixtures/evidence/README.md): the actors, the
 * provenance and the stances the built-in East Asia scenario was built from by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenarioObject } from '../formats/scenario-file.ts';
import { analyseArticle } from './analyse.ts';
import { describeChain } from './attribution.ts';
import { buildDraft } from './draft.ts';
import { propose } from './propose.ts';

const FILE = join(
  import.meta.dirname,
  '../../test/fixtures/evidence/us-asia-coalition-rco-news-2025.txt',
);
const analysis = analyseArticle(readFileSync(FILE, 'utf8'), { asOf: '2025-12-15' });
const position = (key: string) =>
  propose(analysis.actors.find((a) => a.key === key)!.statements)!.position;

describe('the reference article: US-led coalition in East Asia (RCO NEWS 2025)', () => {
  it('finds the US, China, Japan, South Korea, the Philippines, Australia, Taiwan and North Korea', () => {
    const states = new Set(analysis.actors.map((a) => a.key.replace(/-public$/, '')));
    expect([...states].sort()).toEqual([
      'australia',
      'china',
      'japan',
      'north-korea',
      'philippines',
      'south-korea',
      'taiwan',
      'usa',
    ]);
  });
  it('tells the publics apart from their governments (Japan, South Korea, Australia)', () => {
    expect(
      analysis.actors
        .filter((a) => a.isPublic)
        .map((a) => a.key)
        .sort(),
    ).toEqual(['australia-public', 'japan-public', 'south-korea-public']);
  });
  it('finds the Quincy Institute as the source, reported by ISNA, republished by RCO NEWS', () => {
    expect(analysis.provenance.map((l) => [l.entity.id, l.role])).toEqual([
      ['quincy-institute', 'speaker'],
      ['isna', 'reporter'],
      ['rco-news', 'publisher'],
    ]);
    expect(describeChain(analysis.provenance)).toBe(
      "claim by Quincy Institute for Responsible Statecraft, reported by Iranian Students' News Agency, published by RCO NEWS",
    );
    // A sentence without its own frame inherits the chain: Japan's PM ← Quincy ← ISNA ← RCO NEWS.
    const pm = analysis.sentences.find((s) => s.paragraph === 4 && s.sentence === 2)!;
    expect(pm.chain.map((l) => l.entity.id)).toEqual([
      'japan',
      'quincy-institute',
      'isna',
      'rco-news',
    ]);
  });
  it('finds South Korea the most reluctant of the four allies, from “more reluctant than any” (paragraph 6)', () => {
    const korea = position('south-korea').value;
    for (const ally of ['japan', 'philippines', 'australia'])
      expect(korea).toBeLessThan(position(ally).value);
    expect(position('south-korea').derivation).toContain('“more reluctant than any” (p6 s1)');
  });
  it('reads the US as for (its plan), China as against (the target), Japan as for, with hedges shown', () => {
    expect(propose(analysis.actors.find((a) => a.key === 'usa')!.statements)!.direction).toBe(
      'support',
    );
    expect(propose(analysis.actors.find((a) => a.key === 'china')!.statements)!.direction).toBe(
      'oppose',
    );
    expect(position('japan').derivation).toContain('“somewhat close to” (p4 s2)');
    expect(position('japan-public').derivation).toContain('“hesitant” (p4 s3)');
  });
  it('keeps South Korea’s conflicting statements side by side (the 2006 acceptance vs its reluctance)', () => {
    const p = propose(analysis.actors.find((a) => a.key === 'south-korea')!.statements)!;
    expect(p.conflict).toBe(true);
    expect(p.position.derivation).toMatch(/for: “accepted” \(p9 s2, about 2006\)/);
  });
  it('builds a draft that validates, every number proposed with a confidence and evidence quoting its sentence', () => {
    const draft = buildDraft(analysis, {
      file: 'us-asia-coalition-rco-news-2025.txt',
      asOf: '2025-12-15',
    });
    expect(validateScenarioObject(draft.scenario).ok).toBe(true);
    const evidence = new Map((draft.scenario.evidence ?? []).map((e) => [e.id, e]));
    for (const actor of draft.scenario.actors) {
      for (const stance of Object.values(actor.stances)) {
        for (const m of [stance.position, stance.salience]) {
          expect(m).toMatchObject({ status: 'proposed' });
          if (typeof m === 'number') throw new Error('a plain number');
          expect(m.confidence).toBeGreaterThanOrEqual(0);
          expect(m.evidence?.length).toBeGreaterThan(0);
          for (const id of m.evidence ?? [])
            expect(evidence.get(id)).toMatchObject({
              status: 'proposed',
              locator: expect.stringMatching(
                /paragraph \d+, sentence \d+ \(line \d+\)|headline/,
              ) as unknown,
            });
        }
      }
    }
    const korea = evidence.get('rco-news-p6s1-south-korea')!;
    expect(korea.quote).toBe(
      'According to Quincy, South Korea is more reluctant than any of America’s allies in the region to join a coalition against China.',
    );
    expect(korea.note).toContain('reported by Iranian Students');
  });
});
