/**
 * The asymmetric Nash bargaining solution (Nash 1950; Kalai 1977 for the asymmetric form), the
 * "Nash bargaining" baseline of Thomson et al. (2006, ch. 10; Achen 2006): maximise
 * Σ w_i log(u_i(x) − u_i(q)) over x on the scale, with u_i(x) = −s_i |x − x_i|^a.
 *
 * The disagreement point q is the issue's reference point (status quo) when it has one; otherwise
 * each actor's worst point on the scale (its utility if bargaining fails is the worst it could
 * get), a common convention when no reversion point is known. Since s_i factors out of each
 * log-gain, salience enters only through the weight option and participation (s_i > 0).
 *
 * Where no x gives every participating actor a gain (e.g. an actor sits at the status quo), the
 * solution does not exist: we fall back to the weighted mean and say so (docs/spec/models.md).
 */
import { z } from 'zod';
import { defineModel } from './model.ts';
import { checkOptions } from './options.ts';
import { runPerIssue } from './per-issue.ts';

export const NASH_OPTIONS = z
  .object({
    /** Utility exponent a in u_i(x) = −s_i|x − x_i|^a, a ≥ 1. Default 2 (quadratic loss; docs/spec/models.md). */
    exponent: z
      .number()
      .min(1)
      .max(8)
      .default(2)
      .describe('Utility exponent a ≥ 1 (default 2, quadratic loss).'),
    /** Bargaining weights: `capability` (w_i = c_i, docs/spec/models.md, default) or `capability-salience` (w_i = c_i s_i). */
    weight: z
      .enum(['capability', 'capability-salience'])
      .default('capability')
      .describe('Bargaining weight: c_i (default, docs/spec/models.md) or c_i·s_i.'),
    /** Use the issue's reference point as the disagreement point when it has one. Default true. */
    useReference: z
      .boolean()
      .default(true)
      .describe("Disagreement at the issue's reference point when it has one (default true)."),
  })
  .strict();

export type NashOptions = z.infer<typeof NASH_OPTIONS>;

export const NASH_DEFAULTS: NashOptions = NASH_OPTIONS.parse({});

export const nash = defineModel({
  id: 'nash',
  name: 'Nash bargaining (asymmetric)',
  summary:
    'The outcome maximises the capability-weighted product of every actor’s gain over disagreement.',
  citation:
    'Nash (1950); Kalai (1977); Achen (2006), ch. 10 of Thomson et al. (eds), The European Union Decides.',
  multiIssue: false,
  optionsSchema: NASH_OPTIONS,
  run(input, opts) {
    const o = checkOptions('nash', NASH_OPTIONS, opts);
    const a = o.exponent;
    return runPerIssue('nash', input, (v, warnings, issueId) => {
      const q = o.useReference ? v.reference : NaN;
      const m = v.m;
      const w = new Float64Array(m);
      const r = new Float64Array(m); // r_i^a = the gain of actor i at its own ideal point
      let lo = v.min;
      let hi = v.max;
      let wSum = 0;
      let num = 0;
      for (let j = 0; j < m; j++) {
        const s = v.salience[j]!;
        const c = v.capability[j]!;
        num += c * s * v.position[j]!;
        wSum += c * s;
        w[j] = s > 0 ? (o.weight === 'capability' ? c : c * s) : 0;
        if (w[j]! <= 0) continue;
        const x = v.position[j]!;
        const reach = Number.isNaN(q) ? Math.max(x - v.min, v.max - x) : Math.abs(q - x);
        r[j] = Math.pow(reach, a);
        lo = Math.max(lo, x - reach);
        hi = Math.min(hi, x + reach);
      }
      if (!(hi > lo)) {
        warnings.push(
          `on issue "${issueId}" no outcome gives every actor a gain over the disagreement point; fell back to the weighted mean`,
        );
        return num / wSum;
      }
      // f(x) = Σ w log(r − |x − x_i|^a) is concave on (lo, hi): bisect on the sign of f'(x).
      const slope = (x: number) => {
        let g = 0;
        for (let j = 0; j < m; j++) {
          if (w[j]! <= 0) continue;
          const dx = x - v.position[j]!;
          const ad = Math.abs(dx);
          const gain = r[j]! - Math.pow(ad, a);
          g -= (w[j]! * a * Math.pow(ad, a - 1) * Math.sign(dx)) / gain;
        }
        return g;
      };
      let left = lo;
      let right = hi;
      if (lo === v.min && slope(lo) <= 0) return lo;
      if (hi === v.max && slope(hi) >= 0) return hi;
      for (let it = 0; it < 200 && right - left > 1e-12 * (v.max - v.min); it++) {
        const mid = (left + right) / 2;
        if (slope(mid) > 0) left = mid;
        else right = mid;
      }
      return (left + right) / 2;
    });
  },
});
