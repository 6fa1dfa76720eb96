import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../core/compile.ts';
import { Scenario } from '../core/scenario.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { compileCoalition, scenarioCoalitionSpec } from './coalition-input.ts';
import { forEachDraw } from './for-each-draw.ts';
import { coalitionTestScenario } from './test-scenario.ts';

const scenario = Scenario.parse(coalitionTestScenario());

describe('compileCoalition(scenario, input, spec)', () => {
  it('reads the coalition block into per-actor arrays (shares 0–1, ties symmetric)', () => {
    const input = compileScenario(scenario, ['q']);
    const { coalition: c, warnings } = compileCoalition(
      scenario,
      input,
      scenarioCoalitionSpec(scenario)!,
    );
    expect(warnings).toEqual([]);
    expect([c.lead, c.rival, ...c.candidates]).toEqual([0, 1, 2, 4]);
    expect(Array.from(c.publicOf)).toEqual([-1, -1, 3, -1, -1, -1]);
    expect(Array.from(c.tradeWithRival)).toEqual([0, 0, 0.2, 0, 0.4, 0]);
    expect(Array.from(c.tradeWithLead)).toEqual([0, 0, 0.25, 0, 0, 0]);
    expect(Array.from(c.distance)).toEqual([1, 1, 1, 1, 0.5, 1]);
    expect(c.tie[0 * 6 + 2]).toBe(1);
    expect(c.tie[2 * 6 + 0]).toBe(1);
    expect(Array.from(c.coefficients)).toEqual([0.05, 0.4, 0.1]);
  });

  it('swaps the trade shares when the sides are named the other way round, and drops them for another pair', () => {
    const input = compileScenario(scenario, ['q']);
    const swapped = compileCoalition(scenario, input, {
      issue: 'q',
      lead: 'R',
      rival: 'L',
    }).coalition;
    expect(swapped.tradeWithRival[2]).toBe(0.25);
    expect(swapped.tradeWithLead[2]).toBe(0.2);
    const other = compileCoalition(scenario, input, { issue: 'q', lead: 'L', rival: 'B' });
    expect(Array.from(other.coalition.tradeWithRival).every((x) => x === 0)).toBe(true);
    expect(other.warnings[0]).toMatch(/relative to L and R; they are not used for L vs B/);
    // candidates default to every other actor on the issue when the pair is not the block's
    expect(Array.from(other.coalition.candidates)).toEqual([1, 2, 3, 4]);
  });
});

describe('forEachDraw(scenario, spec, opts, visit): draws over the scenario’s ranges', () => {
  const spec = scenarioCoalitionSpec(scenario)!;

  it('draws ranged inputs, the coalition block’s included, within their ranges', () => {
    let n = 0;
    const ranged = forEachDraw(scenario, spec, { draws: 200, seed: 5 }, (input, c) => {
      n++;
      expect(input.position[2]).toBeGreaterThanOrEqual(60);
      expect(input.position[2]).toBeLessThanOrEqual(80);
      expect(c.tradeWithRival[2]).toBeGreaterThanOrEqual(0.1);
      expect(c.tradeWithRival[2]).toBeLessThanOrEqual(0.3);
      expect(c.coefficients[0]).toBeGreaterThanOrEqual(0);
      expect(c.coefficients[0]).toBeLessThanOrEqual(0.1);
      expect(input.position[0]).toBe(90); // not ranged: stays at its value
    });
    expect(n).toBe(200);
    expect(ranged).toBe(3); // near's position, its trade share, the trade cost
  });

  it('is reproducible with a seed and differs with another seed', () => {
    const run = (seed: number) => {
      const out: number[] = [];
      forEachDraw(scenario, spec, { draws: 50, seed }, (input, c) =>
        out.push(input.position[2]!, c.coefficients[0]!),
      );
      return out;
    };
    expect(run(5)).toEqual(run(5));
    expect(run(6)).not.toEqual(run(5));
  });

  it('uses the Monte Carlo’s distributions: uniform draws fill the range evenly', () => {
    const xs: number[] = [];
    forEachDraw(
      scenario,
      spec,
      { draws: 2000, seed: 1, sampling: { distribution: 'uniform', correlation: 0 } },
      (input) => xs.push(input.position[2]!),
    );
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeCloseTo(70, 0);
    expect(xs.filter((x) => x < 65).length / xs.length).toBeCloseTo(0.25, 1);
  });
});

describe('the coalition block in a scenario file', () => {
  const withBlock = (coalition: unknown) => stringify({ ...coalitionTestScenario(), coalition });

  it('reports unknown ids, a lead that is also the rival, duplicates and ranges, each at its path', () => {
    const text = withBlock({
      issue: 'qq',
      lead: 'L',
      rival: 'L',
      candidates: ['near', 'near', 'nobody', 'L'],
      parties: { near: { public: 'ghost', tradeWithRival: 120, distanceDiscount: 2 } },
      coefficients: { tradeCost: -1 },
      allianceTies: [{ between: ['L', 'L'], evidence: ['nope'] }],
    });
    let message = '';
    try {
      parseScenarioText(text, 'x.yaml');
    } catch (err) {
      message = (err as Error).message;
    }
    const lines = message.split('\n').map((l) => l.replace(/^x\.yaml:\d+:\d+ /, ''));
    expect(lines).toEqual(
      expect.arrayContaining([
        'coalition.issue: unknown issue id "qq"; known issue ids: q',
        'coalition.rival: rival "L" is also the lead: expected two different actors',
        'coalition.candidates[1]: duplicate candidate "near" (first listed at coalition.candidates[0])',
        'coalition.candidates[2]: unknown actor id "nobody"; known actor ids: L, R, near, P, far, B',
        'coalition.candidates[3]: candidate "L" is the lead: expected another actor',
        'coalition.parties.near.public: unknown actor id "ghost"; known actor ids: L, R, near, P, far, B',
        'coalition.parties.near.tradeWithRival: trade share 120 is out of range: expected within 0..100',
        'coalition.parties.near.distanceDiscount: distance discount 2 is out of range: expected within 0..1',
        'coalition.coefficients.tradeCost: coefficient -1 is out of range: expected >= 0',
        'coalition.allianceTies[0].between: a tie needs two different actors, got "L" twice',
        'coalition.allianceTies[0].evidence[0]: unknown evidence id "nope"; known evidence ids: ev',
      ]),
    );
  });

  it('requires a stance on the coalition issue from the lead, the rival and every candidate', () => {
    const s = coalitionTestScenario();
    s.issues.push({ id: 'other', name: 'Other', scale: { min: 0, max: 1 } });
    (s.actors[4]!.stances as Record<string, unknown>) = { other: { position: 0, salience: 10 } };
    expect(() => parseScenarioText(stringify(s), 'x.yaml')).toThrow(
      /coalition\.candidates\[1\]: candidate "far" has no stance on issue "q": expected one/,
    );
  });

  it('rejects unknown fields and more than 20 candidates', () => {
    expect(() =>
      parseScenarioText(
        withBlock({ issue: 'q', lead: 'L', rival: 'R', candidates: ['near'], leader: 'L' }),
        'x.yaml',
      ),
    ).toThrow(/coalition\.leader: unknown field "leader"/);
    const many = Array.from({ length: 21 }, () => 'near');
    expect(() =>
      parseScenarioText(
        withBlock({ issue: 'q', lead: 'L', rival: 'R', candidates: many }),
        'x.yaml',
      ),
    ).toThrow(/coalition\.candidates: at most 20 candidates/);
  });
});
