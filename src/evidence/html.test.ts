import { describe, expect, it } from 'vitest';
import { decodeEntities, looksLikeHtml, stripHtml } from './html.ts';

describe('looksLikeHtml(text)', () => {
  it('recognises documents and fragments with several tags, not prose with a stray "<"', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe(true);
    expect(looksLikeHtml('<p>One</p><p>Two</p><p>Three</p>')).toBe(true);
    expect(looksLikeHtml('Turnout was < 50% in 2024, and 3 > 2.')).toBe(false);
  });
});

describe('stripHtml(html)', () => {
  it('keeps the title as headline and paragraphs as blocks, drops scripts, styles and comments', () => {
    const { text, tags } = stripHtml(
      '<html><head><title>Seoul hedges</title><style>p{}</style></head><body><script>var x = "<p>no</p>";</script><!-- ad --><p>Seoul is <b>cautious</b>.</p><p>Tokyo is not.</p></body></html>',
    );
    expect(text).toBe('Seoul hedges\n\nSeoul is cautious.\n\nTokyo is not.');
    expect(tags).toBeGreaterThan(3);
  });
  it('decodes named and numeric character references', () => {
    expect(
      decodeEntities(
        'Seoul&rsquo;s &ldquo;balance&rdquo; &amp; Tokyo&#8217;s &#x201C;line&#x201D; &bogus;',
      ),
    ).toBe('Seoul’s “balance” & Tokyo’s “line” &bogus;');
  });
});
