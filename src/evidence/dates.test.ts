import { describe, expect, it } from 'vitest';
import { findDates } from './dates.ts';

describe('findDates(sentence)', () => {
  it('reads full dates, months, years and relative dates in ISO form', () => {
    expect(
      findDates(
        'On 14 March 2025 and June 27, 2025 (2025-05-22), after March 2024 and in 2006, talks resumed on Tuesday.',
      ),
    ).toEqual([
      { text: '14 March 2025', kind: 'date', iso: '2025-03-14' },
      { text: 'June 27, 2025', kind: 'date', iso: '2025-06-27' },
      { text: '2025-05-22', kind: 'date', iso: '2025-05-22' },
      { text: 'March 2024', kind: 'month', iso: '2024-03' },
      { text: '2006', kind: 'year', iso: '2006' },
      { text: 'on Tuesday', kind: 'relative' },
    ]);
  });
  it('does not take numbers with separators for years', () => {
    expect(findDates('less than 2,000 kilometres and 1,980 troops')).toEqual([]);
  });
});
