/**
 * The weighted mean ("compromise model"): Σ c_i s_i x_i / Σ c_i s_i.
 * Achen (2006), "Institutional realism and bargaining models", ch. 10 of Thomson, Stokman, Achen &
 * König (eds), *The European Union Decides*. On real EU decisions it is the model to beat.
 */
import { z } from 'zod';
import { defineModel } from './model.ts';
import { runPerIssue } from './per-issue.ts';

export const compromise = defineModel({
  id: 'mean',
  name: 'Weighted mean (compromise model)',
  summary: 'The outcome is the capability×salience-weighted mean of the positions.',
  citation: 'Achen (2006), ch. 10 of Thomson et al. (eds), The European Union Decides.',
  multiIssue: false,
  optionsSchema: z.object({}).strict(),
  run(input) {
    return runPerIssue('mean', input, (v) => {
      let num = 0;
      let den = 0;
      for (let j = 0; j < v.m; j++) {
        const w = v.capability[j]! * v.salience[j]!;
        num += w * v.position[j]!;
        den += w;
      }
      return num / den;
    });
  },
});
