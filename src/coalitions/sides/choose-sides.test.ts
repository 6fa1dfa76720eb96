import { describe, expect, it } from 'vitest';
import { makeNumericInput } from '../../core/numeric-input.ts';
import type { CoalitionInput } from '../coalition-input.ts';
import { chooseSides } from './choose-sides.ts';

/** Leaders A (index 0, x 100) and B (index 1, x 0), third parties from index 2. */
function contest(
  thirds: { x: number; s: number; c: number }[],
  extra: Partial<Omit<CoalitionInput, 'issue' | 'lead' | 'rival'>> = {},
  leaders: [number, number] = [3, 2],
) {
  const n = 2 + thirds.length;
  const input = makeNumericInput({
    capability: [...leaders, ...thirds.map((t) => t.c)],
    position: [100, 0, ...thirds.map((t) => t.x)],
    salience: [1, 1, ...thirds.map((t) => t.s)],
    reference: [50],
  });
  const c: CoalitionInput = {
    issue: 0,
    lead: 0,
    rival: 1,
    candidates: Int32Array.from({ length: n - 2 }, (_, i) => i + 2),
    publicOf: new Int32Array(n).fill(-1),
    tradeWithRival: new Float64Array(n),
    tradeWithLead: new Float64Array(n),
    distance: new Float64Array(n).fill(1),
    tie: new Float64Array(n * n),
    coefficients: new Float64Array(3),
    ...extra,
  };
  return { input, c };
}

describe('chooseSides(input, coalition): Altfeld & Bueno de Mesquita’s choice of sides', () => {
  it('P_A = e_a/(e_a + e_b), and E(join A) = (P_A^{+i} − P_A)·Δ_i with Δ_i = s_i[v_i(x_a) − v_i(x_b)]', () => {
    const { input, c } = contest([{ x: 80, s: 0.5, c: 1 }]);
    const r = chooseSides(input, c);
    expect(r.pA).toBeCloseTo(0.6, 14);
    const ch = r.choices[0]!;
    expect(ch.stake).toBeCloseTo(0.5 * (0.8 - 0.2), 14);
    expect(ch.gainA).toBeCloseTo(4 / 6 - 0.6, 14);
    expect(ch.joinA).toBeCloseTo((4 / 6 - 0.6) * 0.3, 14);
    expect(ch.joinB).toBeCloseTo(-(3 / 6 - 0.4) * 0.3, 14);
    expect(ch.choice).toBe('A');
    expect(ch.margin).toBeCloseTo(ch.joinA, 14);
  });

  it('without costs, each third party joins the side whose leader it stands closer to', () => {
    const xs = [0, 10, 30, 45, 55, 70, 90, 100];
    const { input, c } = contest(xs.map((x) => ({ x, s: 0.6, c: 0.5 })));
    const choices = chooseSides(input, c).choices.map((ch) => ch.choice);
    expect(choices).toEqual(['B', 'B', 'B', 'B', 'A', 'A', 'A', 'A']);
  });

  it('an indifferent party (equidistant, no ties) stays out', () => {
    const { input, c } = contest([{ x: 50, s: 1, c: 1 }]);
    expect(chooseSides(input, c).choices[0]!.choice).toBe('out');
  });

  it('is mirror-symmetric: swapping the leaders swaps the choices', () => {
    const thirds = [
      { x: 20, s: 0.5, c: 1 },
      { x: 65, s: 0.9, c: 0.3 },
    ];
    const { input, c } = contest(thirds, {}, [2, 2]);
    const swapped = { ...c, lead: 1, rival: 0 };
    const a = chooseSides(input, c).choices;
    const b = chooseSides(input, swapped).choices;
    const flip = { A: 'B', B: 'A', out: 'out' } as const;
    expect(b.map((x) => x.choice)).toEqual(a.map((x) => flip[x.choice]));
    b.forEach((x, i) => expect(x.margin).toBeCloseTo(a[i]!.margin, 14));
  });

  it('stays out when the trade cost of joining exceeds the expected gain', () => {
    const n = 3;
    const base = contest([{ x: 80, s: 0.5, c: 1 }]);
    const gain = chooseSides(base.input, base.c).choices[0]!.joinA;
    const cost = contest([{ x: 80, s: 0.5, c: 1 }], {
      tradeWithRival: Float64Array.from([0, 0, 0.5]),
      coefficients: Float64Array.from([(gain * 1.01) / 0.5, 0, 0]),
    });
    const ch = chooseSides(cost.input, cost.c).choices[0]!;
    expect(ch.costA).toBeCloseTo(gain * 1.01, 14);
    expect(ch.choice).toBe('out');
    expect(n).toBe(3);
  });

  it('counts its public’s loss from the commitment: θ_pub·s_p(|x_p − x_a| − |x_p − q|)/R', () => {
    // party 2 with public 3 at 40 (salience 0.5); status quo 50; committing to A's 100 costs the public
    const { input, c } = contest(
      [
        { x: 80, s: 0.5, c: 1 },
        { x: 40, s: 0.5, c: 0.1 },
      ],
      { publicOf: Int32Array.from([-1, -1, 3, -1]), coefficients: Float64Array.from([0, 0.5, 0]) },
    );
    const ch = chooseSides(input, c).choices[0]!;
    expect(ch.costA).toBeCloseTo((0.5 * 0.5 * (60 - 10)) / 100, 14);
    expect(ch.costB).toBeCloseTo((0.5 * 0.5 * (40 - 10)) / 100, 14);
  });

  it('an alliance tie with the rival can turn a party that prefers A to B’s side', () => {
    const tie = new Float64Array(9);
    tie[2 * 3 + 1] = 1;
    tie[1 * 3 + 2] = 1;
    const { input, c } = contest([{ x: 60, s: 0.5, c: 1 }], {
      tie,
      coefficients: Float64Array.from([0, 0, 0.5]),
    });
    const ch = chooseSides(input, c).choices[0]!;
    expect(ch.stake).toBeCloseTo(0.5 * 0.2 - 0.5, 14);
    expect(ch.choice).toBe('B');
  });

  it('a distance discount shrinks what a party adds to a side', () => {
    const near = contest([{ x: 80, s: 0.5, c: 1 }]);
    const far = contest([{ x: 80, s: 0.5, c: 1 }], { distance: Float64Array.from([1, 1, 0.25]) });
    expect(chooseSides(far.input, far.c).choices[0]!.gainA).toBeLessThan(
      chooseSides(near.input, near.c).choices[0]!.gainA,
    );
  });
});
