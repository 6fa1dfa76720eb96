import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { makeNumericInput } from '../../core/numeric-input.ts';
import { createRng } from '../../core/rng.ts';
import type { EumDetail } from '../../models/eum/detail.ts';
import { eum } from '../../models/eum/eum.ts';
import { loadBdmCsv } from '../../models/eum/fixtures/load-bdm-csv.ts';
import { renderDyadTable, renderEumRounds, renderStrongestDyads } from './eum.ts';

const ec = loadBdmCsv('bdm1994_ec_car_emissions.csv');
const names = [...ec.actorIds];
const detail = (eum.run(ec, eum.defaults, { rng: createRng(1), trace: true }).detail as EumDetail)
  .issues[0]!;

describe('EUM renderers on the EC car emissions case', () => {
  it('renderEumRounds: a header, a rule, one row per round from the start, a legend and the forecast line', () => {
    const text = renderEumRounds(detail, names, 'EC car emissions');
    const lines = text.split('\n');
    expect(lines[0]).toContain('EC car emissions');
    expect(lines[1]).toMatch(/Round\s+Median\s+Mean\s+Netherl\s+Belgium/);
    expect(lines[2]).toMatch(/^\s*─+/);
    const rows = lines.slice(3, 14);
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'start',
      ...Array.from({ length: 10 }, (_, t) => String(t + 1)),
    ]);
    // Round 1: median 8.42, mean 7.46, Belgium moved to 8.42, Luxembourg to 7.
    expect(rows[1]!.trim().split(/\s+/).slice(0, 5)).toEqual(['1', '8.42', '7.46', '4.00', '8.42']);
    expect(rows.every((l) => l.trim().split(/\s+/).length === 13)).toBe(true);
    expect(text).toContain('Netherl = Netherlands');
    expect(text).toMatch(
      /Forecast \(final median\) 7\.00 · mean of the last 3 medians 8\.78 · 10 rounds, not converged/,
    );
  });

  it('renderStrongestDyads: at most `limit` numbered sentences, strongest first by |a − b|, naming who presses whom', () => {
    const text = renderStrongestDyads(detail, names, 1, 5);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Strongest dyads in round 1 .*\|a − b\|/);
    expect(lines).toHaveLength(6);
    const gaps = lines.slice(1).map((l) => {
      const m = /\(a = (−?[\d.]+), b = (−?[\d.]+)\)$/.exec(l)!;
      const [a, b] = [m[1]!, m[2]!].map((v) => Number(v.replace('−', '-')));
      return Math.abs(a! - b!);
    });
    expect([...gaps].sort((x, y) => y - x)).toEqual(gaps);
    for (const [n, line] of lines.slice(1).entries()) {
      expect(line).toMatch(
        new RegExp(
          `^  ${n + 1}\\. \\S.* (compels|confronts and expects to prevail over|wins a compromise from|and) `,
        ),
      );
    }
    // Belgium takes France's offer in round 1, moving from 7 to 8.42 (France's reading, |a − b| = 0.40,
    // is stronger than Belgium's own, 0.36, and is "France compels Belgium").
    const all = renderStrongestDyads(detail, names, 1, 100);
    expect(all).toContain('France compels Belgium: moves from 7.00 to 8.42');
    expect(all).toContain(
      'Italy compels Belgium: would move from 7.00 to 8.42, but takes another offer',
    );
    expect(all).toContain('Netherlands compels Belgium: holds out at 7.00 (capitulation is off)');
  });

  it('renderDyadTable: one row per ordered pair with a, b, P, octant and the offer taken', () => {
    const text = renderDyadTable(detail, names, 1);
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^\s*i\s+j\s+a\s+b\s+P\s+Octant\s+Offer/);
    expect(lines).toHaveLength(3 + 90);
    const belgiumFrance = lines.find((l) => /^\s*Belgium\s+France\s/.test(l))!;
    expect(belgiumFrance).toContain('compromise-i-concedes');
    expect(belgiumFrance).toMatch(/compromise → 8\.42 \(taken\)/);
    expect(lines.find((l) => /^\s*Belgium\s+Ireland\s/.test(l))).toContain('same-position');
    expect(lines.filter((l) => l.includes('(taken)'))).toHaveLength(detail.rounds[0]!.moves.length);
  });

  it('asks for a round that exists, as an input error', () => {
    expect(() => renderDyadTable(detail, names, 11)).toThrow(InputError);
    expect(() => renderStrongestDyads(detail, names, 0)).toThrow(/round 0 is not in 1\.\.10/);
  });

  it('says so when nobody can bargain (all actors at one position)', () => {
    const flat = makeNumericInput({ capability: [1, 1], position: [5, 5], salience: [1, 1] });
    const d = (eum.run(flat, eum.defaults, { rng: createRng(1), trace: true }).detail as EumDetail)
      .issues[0]!;
    expect(renderStrongestDyads(d, ['A', 'B'])).toMatch(/No bargaining/);
    expect(renderEumRounds(d, ['A', 'B'], 'flat').split('\n')).toHaveLength(6);
    expect(() => renderDyadTable(d, ['A', 'B'], 1)).toThrow(/no bargaining rounds/);
  });
});
