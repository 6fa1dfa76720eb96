/**
 * The published check of docs/spec/eum.md: Bueno de Mesquita's (1994) EC car emissions case.
 * Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita's group decision model",
 * Table 2 (p. 28 of the ICAART version), lists the median and mean voter positions for rounds 1–8
 * with Q = 1; their code's reading of the model is our default variant `scholz2011`.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.ts';
import type { EumDetail, EumIssueDetail } from './detail.ts';
import { eum } from './eum.ts';
import { loadBdmCsv, parseCsv, readFixture } from './fixtures/load-bdm-csv.ts';
import type { EumOptions } from './options.ts';

const ec = loadBdmCsv('bdm1994_ec_car_emissions.csv');
const names = [...ec.actorIds];
const idOf = (name: string) => {
  const i = names.indexOf(name);
  if (i < 0) throw new Error(`no actor ${name}`);
  return i;
};

function run(options: Partial<EumOptions> = {}): EumIssueDetail {
  const result = eum.run(ec, { ...eum.defaults, ...options }, { rng: createRng(1), trace: true });
  return (result.detail as EumDetail).issues[0]!;
}

const published = parseCsv(readFixture('bdm1994_ec_car_emissions__published_outputs.csv')).slice(1);
const table2 = (quantity: string) =>
  published
    .filter((r) => r[0] === quantity)
    .map((r) => ({ round: Number(r[1]), value: Number(r[2]) }));
const truncate1 = (x: number) => Math.floor(x * 10 + 1e-9) / 10;

describe('EUM on the EC car emissions case (Bueno de Mesquita 1994; Scholz et al. 2011, Table 2)', () => {
  const detail = run();

  it('reads the fixture: 10 actors on one issue, Table 2 has rounds 1–8', () => {
    expect(ec.n).toBe(10);
    expect(table2('scholz_median_voter_position').map((r) => r.round)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it('scholz2011 medians by round, truncated to one decimal, equal Table 2 (round 2: 9.6, the table’s likely misprint for 9.9)', () => {
    const medians = detail.medians.slice(0, 8).map(truncate1);
    // Table 2: 8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6. A faithful implementation gets 9.61 in round 2
    // (docs/spec/eum.md), so that one cell is allowed either value.
    expect(medians).toEqual([8.4, 9.6, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6]);
    for (const { round, value } of table2('scholz_median_voter_position')) {
      if (round === 2) expect([9.9, 9.6]).toContain(medians[1]);
      else expect(medians[round - 1]).toBe(value);
    }
  });

  it('scholz2011 means by round are within 0.07 of Table 2 (the table rounds some and truncates others)', () => {
    const rows = table2('scholz_mean_voter_position');
    expect(rows.map((r) => r.value)).toEqual([7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6]);
    for (const { round, value } of rows) {
      expect(Math.abs(detail.means[round - 1]! - value)).toBeLessThanOrEqual(0.07);
    }
  });

  it('pins the exact medians so that any change to the arithmetic shows', () => {
    const expected = [8.4159, 9.6109, 9.962, 9.962, 9.962, 7.472, 8.8246, 9.6711, 9.6711, 7.0];
    detail.medians.forEach((m, t) => expect(m).toBeCloseTo(expected[t]!, 4));
  });

  it('starts from the weighted median 7 and does not converge: it oscillates (Scholz et al. 2011)', () => {
    expect(detail.initialMedian).toBe(7);
    expect(detail.roundsRun).toBe(10);
    expect(detail.converged).toBe(false);
    // Medians rise to 9.96, fall to 7.47, rise again.
    expect(detail.medians[4]).toBeGreaterThan(9.9);
    expect(detail.medians[5]).toBeLessThan(7.5);
    expect(detail.medians[7]).toBeGreaterThan(9.6);
  });

  const quadrants = parseCsv(
    readFixture('bdm1994_ec_car_emissions__published_quadrants.csv'),
  ).slice(1);
  const sign = (v: number) => (Math.abs(v) < 1e-9 ? '0' : v > 0 ? '+' : '-');
  for (const view of ['Belgium', 'France']) {
    it(`first-round signs of a = E(U_ij) and b = E(U_ji) match BDM's quadrant chart for the ${view} view`, () => {
      const rows = quadrants.filter((r) => r[0] === view);
      expect(rows.length).toBeGreaterThanOrEqual(7);
      const dyads = detail.rounds[0]!.dyads;
      for (const [, other, a, b] of rows) {
        const dyad = dyads.find((d) => d.i === idOf(view) && d.j === idOf(other!));
        expect(dyad, `${view}–${other}`).toBeDefined();
        expect([other, sign(dyad!.a), sign(dyad!.b)]).toEqual([other, a, b]);
      }
    });
  }

  it('classifies the Belgium view as the chart shows: it would concede to France, Germany, the UK…, conflict with Luxembourg where it prevails', () => {
    const dyads = detail.rounds[0]!.dyads.filter((d) => d.i === idOf('Belgium'));
    const octant = (name: string) => dyads.find((d) => d.j === idOf(name))!.octant;
    expect(octant('France')).toBe('compromise-i-concedes');
    expect(octant('Luxembourg')).toBe('conflict-i-prevails'); // chart: |a| > |b|, upper right
    expect(octant('Ireland')).toBe('same-position');
    expect(octant('Greece')).toBe('same-position');
  });

  it('in round 1 Belgium compromises towards France, and Ireland and Luxembourg are confronted', () => {
    const moves = detail.rounds[0]!.moves;
    const move = (name: string) => moves.find((m) => m.actor === idOf(name));
    expect(move('Belgium')).toMatchObject({
      from: idOf('France'),
      type: 'compromise',
      fromPosition: 7,
    });
    expect(move('Belgium')!.toPosition).toBeCloseTo(8.4159, 4);
    expect(move('Luxembourg')).toMatchObject({
      from: idOf('Belgium'),
      type: 'confrontation',
      toPosition: 7,
    });
    expect(move('Ireland')).toMatchObject({ type: 'confrontation', toPosition: 4 });
    expect(moves).toHaveLength(3);
  });

  it('the printed variant does not reproduce Table 2: every actor reaches 7 by round 3 (docs/spec/eum.md)', () => {
    const printed = run({ variant: 'printed' });
    expect(printed.trajectory[3]!.every((x) => x === 7)).toBe(true);
    expect(printed.trajectory[2]!.every((x) => x === 7)).toBe(false);
    expect(printed.medians).toEqual(new Array(10).fill(7));
    expect(truncate1(printed.medians[0]!)).not.toBe(8.4);
  });

  it('BDM’s own first-round forecast was 8.35 and the outcome 8.833; our round-1 median is 8.42', () => {
    const bdm = Number(published.find((r) => r[0] === 'bdm_dominant_outcome_years')![2]);
    const actual = Number(published.find((r) => r[0] === 'actual_historical_outcome_years')![2]);
    expect(bdm).toBe(8.35);
    expect(actual).toBe(8.833);
    expect(Math.abs(detail.medians[0]! - bdm)).toBeLessThan(0.1);
  });
});
