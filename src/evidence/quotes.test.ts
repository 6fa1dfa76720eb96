import { describe, expect, it } from 'vitest';
import { findQuotes } from './quotes.ts';

describe('findQuotes(sentence)', () => {
  it('tells quoted speech from quoted phrases and names', () => {
    expect(
      findQuotes(
        'The “Quincy Institute for Responsible Governance” called it “unrealistic” and wrote: “It is better for Washington to stop.” Others said "no way".',
      ),
    ).toEqual([
      { text: 'Quincy Institute for Responsible Governance', kind: 'phrase' },
      { text: 'unrealistic', kind: 'phrase' },
      { text: 'It is better for Washington to stop.', kind: 'speech' },
      { text: 'no way', kind: 'phrase' },
    ]);
  });
});
