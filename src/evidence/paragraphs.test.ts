import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutArticle } from './paragraphs.ts';

const REFERENCE = readFileSync(
  join(import.meta.dirname, '../../test/fixtures/evidence/us-asia-coalition-rco-news-2025.txt'),
  'utf8',
);

describe('layoutArticle(text)', () => {
  it('numbers body paragraphs after the headline, skipping subheadings, as the built-in scenario does', () => {
    const l = layoutArticle(REFERENCE);
    const kinds = l.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe('headline');
    expect(l.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text)).toEqual([
      'A sham alliance in the face of Beijing',
      'Pointless queuing or deterrence diplomacy?',
    ]);
    const paragraphs = l.blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs).toHaveLength(12);
    expect(paragraphs[5]).toMatchObject({ paragraph: 6, line: 8 });
    expect(paragraphs[5]!.text).toMatch(/^According to Quincy, South Korea is more reluctant/);
  });
  it('reads the publisher from the boilerplate at the end ("News>RCO NEWS")', () => {
    const l = layoutArticle(REFERENCE);
    expect(l.publisher).toBe('RCO NEWS');
    expect(l.blocks.filter((b) => b.kind === 'boilerplate').map((b) => b.text)).toEqual([
      'end of message',
      'News>RCO NEWS',
      'RCO',
    ]);
  });
  it('joins hard-wrapped lines when paragraphs are separated by blank lines', () => {
    const l = layoutArticle('Title here\n\nFirst line\nof one paragraph.\n\nSecond paragraph.\n');
    expect(l.blocks.map((b) => [b.kind, b.text, b.line])).toEqual([
      ['headline', 'Title here', 1],
      ['paragraph', 'First line of one paragraph.', 3],
      ['paragraph', 'Second paragraph.', 6],
    ]);
  });
  it('reads a dateline and its agency ("SEOUL (Reuters) —")', () => {
    const l = layoutArticle(
      'Headline\n\nSEOUL (Reuters) — South Korea said on Monday it would not join.\n\nMore text follows here.',
    );
    expect(l).toMatchObject({ dateline: 'SEOUL', publisher: 'Reuters' });
  });
});
