import { describe, expect, it } from 'vitest';
import type { Statement } from './analyse.ts';
import { defaultGazetteer } from './gazetteer/gazetteer.ts';
import { abstention, propose } from './propose.ts';

const korea = defaultGazetteer().entities.get('south-korea')!;
function st(direction: -1 | 0 | 1, strength: number, extra: Partial<Statement> = {}): Statement {
  return {
    holder: {
      entity: korea,
      via: 'name',
      isPublic: false,
      text: 'Seoul',
      tokenStart: 0,
      tokenEnd: 1,
      possessive: false,
      certainty: 1,
    },
    cue: direction > 0 ? 'accepted' : 'reluctant',
    kind: 'cue',
    direction,
    strength,
    salience: 0,
    negated: false,
    hedges: [],
    intensifiers: [],
    concessive: false,
    holderCertainty: 1,
    actor: 'south-korea',
    at: {
      paragraph: 6,
      sentence: 1,
      line: 8,
      kind: 'paragraph',
      locator: 'paragraph 6, sentence 1 (line 8)',
      quote: 'x',
    },
    chain: [],
    ...extra,
  };
}

describe('propose(statements, scale)', () => {
  it('maps a single cue to mid + direction × strength × half-width, with a range and a confidence', () => {
    const p = propose([st(-1, 0.6)])!;
    expect(p.direction).toBe('oppose');
    expect(p.position).toMatchObject({ value: 20, low: 7.5, high: 32.5, confidence: 0.6 });
    expect(p.position.derivation).toContain('“reluctant” (p6 s1)');
  });
  it('keeps conflicting statements side by side: range spans both, confidence drops, derivation says so', () => {
    const one = propose([st(-1, 0.6)])!;
    const both = propose([st(-1, 0.9), st(1, 0.4)])!;
    expect(both.conflict).toBe(true);
    expect(both.position.low).toBeLessThanOrEqual(one.position.low);
    expect(both.position.high).toBeGreaterThan(70);
    expect(both.position.confidence).toBeLessThan(one.position.confidence);
    expect(both.position.derivation).toMatch(/for: “accepted”.*against: “reluctant”.*CONFLICTING/);
  });
  it('proposes no side when for and against do not outweigh each other twice over', () => {
    expect(propose([st(-1, 0.6), st(1, 0.4)])).toBeUndefined();
    expect(abstention([st(-1, 0.6), st(1, 0.4)])).toMatch(/neither side 2 times the other/);
    expect(abstention([st(-1, 0.9), st(1, 0.4)])).toBeUndefined();
  });
  it('rests every proposal on statements of its own direction (its basis)', () => {
    const p = propose([st(-1, 0.9), st(1, 0.4)])!;
    expect(p.direction).toBe('oppose');
    expect(p.basis.map((b) => b.direction)).toEqual([-1]);
  });
  it('weighs down conceded and historical statements', () => {
    const p = propose([st(-1, 0.6), st(1, 0.6, { historical: '2006' })])!;
    expect(p.score).toBeLessThan(0);
  });
  it('maps onto the issue’s own scale', () => {
    expect(propose([st(1, 1)], { min: -10, max: 10 })!.position.value).toBe(10);
  });
  it('proposes nothing without statements', () => {
    expect(propose([])).toBeUndefined();
  });
});
