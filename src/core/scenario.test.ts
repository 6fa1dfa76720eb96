import { describe, expect, it } from 'vitest';
import { Scenario, isoDateProblem } from './scenario.ts';
import { MAX_MAGNITUDE, validateScenario } from './validate.ts';

describe('isoDateProblem: dates as calendar dates', () => {
  it('accepts YYYY, YYYY-MM and real YYYY-MM-DD dates, leap days in leap years', () => {
    for (const d of ['2025', '2025-01', '2025-12-31', '2024-02-29', '2000-02-29', '1999-04-30'])
      expect(isoDateProblem(d), d).toBeUndefined();
  });
  it('refuses impossible months and days, naming which', () => {
    expect(isoDateProblem('2025-13-45')).toBe('"2025-13-45" is not a date: month 13 is not 01–12');
    expect(isoDateProblem('2025-00')).toMatch(/month 00 is not 01–12/);
    expect(isoDateProblem('2025-02-29')).toBe(
      '"2025-02-29" is not a date: day 29 is not 01–28 in 2025-02',
    );
    expect(isoDateProblem('1900-02-29')).toMatch(/day 29 is not 01–28/);
    expect(isoDateProblem('2025-04-31')).toMatch(/day 31 is not 01–30/);
    expect(isoDateProblem('2025-06-00')).toMatch(/day 00/);
    expect(isoDateProblem('30 June 2025')).toMatch(/expected YYYY-MM-DD/);
  });
});

const base = {
  id: 's',
  title: 'S',
  question: 'Q?',
  asOf: '2025-06-30',
  issues: [{ id: 'i', name: 'I', scale: { min: 0, max: 100 } }],
  actors: [
    {
      id: 'a',
      name: 'A',
      kind: 'state',
      capability: 1,
      stances: { i: { position: 10, salience: 50 } },
    },
    {
      id: 'b',
      name: 'B',
      kind: 'state',
      capability: 2,
      stances: { i: { position: 90, salience: 50 } },
    },
  ],
};

describe('the schema and validation refuse what the models cannot compute', () => {
  it('asOf and source dates are checked as dates by the schema', () => {
    const r = Scenario.safeParse({
      ...base,
      asOf: '2025-13-45',
      sources: [{ id: 'x', title: 'X', date: '2023-02-29' }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['sources.0.date', '"2023-02-29" is not a date: day 29 is not 01–28 in 2023-02'],
        ['asOf', '"2025-13-45" is not a date: month 13 is not 01–12'],
      ]),
    );
  });
  it(`capabilities (value and range) are limited to ${MAX_MAGNITUDE}`, () => {
    const s = Scenario.parse({
      ...base,
      actors: [
        { ...base.actors[0], capability: 1e308 },
        { ...base.actors[1], capability: { value: 5, low: 1, high: 1e13 } },
      ],
    });
    expect(validateScenario(s).map((p) => [p.path.join('.'), p.message])).toEqual([
      [
        'actors.0.capability',
        "capability 1e+308 is out of range: expected <= 1e12, Entente's limit on any number (docs/hardening.md)",
      ],
      [
        'actors.1.capability.high',
        "capability high 10000000000000 is out of range: expected <= 1e12, Entente's limit on any number (docs/hardening.md)",
      ],
    ]);
    expect(
      validateScenario(
        Scenario.parse({
          ...base,
          actors: [{ ...base.actors[0], capability: 1e12 }, base.actors[1]],
        }),
      ),
    ).toEqual([]);
  });
});
