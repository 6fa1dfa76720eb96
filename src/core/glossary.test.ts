import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, findTerm, glossaryMarkdown, nearestTerms } from './glossary.ts';

describe('the glossary', () => {
  it('docs/glossary.md is the glossary as generated (run `entente glossary --markdown > docs/glossary.md`)', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/glossary.md'), 'utf8');
    expect(doc).toBe(glossaryMarkdown());
  });

  it('has unique ids, names and aliases, sorted by id, each with a definition and a source', () => {
    const ids = GLOSSARY.map((t) => t.id);
    expect(ids).toEqual([...ids].sort());
    // No name or alias of one term is another term's (lookups are unambiguous).
    const names = GLOSSARY.flatMap((t) => [
      ...new Set([t.id, t.term.toLowerCase().replace(/\s+/g, '-'), ...(t.aliases ?? [])]),
    ]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const t of GLOSSARY) {
      expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.definition.length).toBeGreaterThan(40);
      expect(t.source.length).toBeGreaterThan(5);
    }
  });

  it('finds a term by id, name or alias in any case and spacing', () => {
    expect(findTerm('capitulation')?.id).toBe('capitulation');
    expect(findTerm('Weighted Median')?.id).toBe('weighted-median');
    expect(findTerm('weighted_median')?.id).toBe('weighted-median');
    expect(findTerm('E(U)')?.id).toBe('expected-utility');
    expect(findTerm('veto player')?.id).toBe('dictator');
    expect(findTerm('nonsense')).toBeUndefined();
  });

  it('suggests the nearest terms for a misspelling or a part of a name', () => {
    expect(nearestTerms('capitulaton')[0]).toBe('capitulation');
    expect(nearestTerms('silouette')[0]).toBe('silhouette');
    expect(nearestTerms('median')).toContain('weighted-median');
    expect(nearestTerms('x', 5)).toHaveLength(5);
  });
});
