import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

const split = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences(text)', () => {
  it('splits at sentence ends followed by a capital', () => {
    expect(split('Seoul hedges. Tokyo does not! Is Manila next? Yes.')).toEqual([
      'Seoul hedges.',
      'Tokyo does not!',
      'Is Manila next?',
      'Yes.',
    ]);
  });
  it('does not split after abbreviations, initials or decimals', () => {
    expect(
      split(
        'Gen. Tiani met Mr. Lee on Jan. 5. Donald J. Trump spoke. Growth was 3.5 per cent. It fell.',
      ),
    ).toEqual([
      'Gen. Tiani met Mr. Lee on Jan. 5.',
      'Donald J. Trump spoke.',
      'Growth was 3.5 per cent.',
      'It fell.',
    ]);
  });
  it('keeps "the U.S. Navy" together but ends a sentence at "the U.S." before a sentence starter', () => {
    expect(
      split('Allies asked the U.S. Navy to stay. Japan trusts the U.S. The rest do not.'),
    ).toEqual(['Allies asked the U.S. Navy to stay.', 'Japan trusts the U.S.', 'The rest do not.']);
  });
  it('ends a sentence after a closing quote and keeps a quoted speech of several sentences whole', () => {
    expect(
      split('He said: “We will not sign. Not now.” Then he left. “Is it over?” he asked.'),
    ).toEqual([
      'He said: “We will not sign. Not now.”',
      'Then he left.',
      '“Is it over?” he asked.',
    ]);
  });
  it('gives offsets into the paragraph', () => {
    const [a, b] = splitSentences('One two.  Three four.');
    expect([a!.start, a!.end, b!.start, b!.end]).toEqual([0, 8, 10, 21]);
  });
});
