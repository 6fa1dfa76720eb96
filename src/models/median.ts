/**
 * The weighted median: the actor position minimising Σ c_i s_i |x_i − x|, the Condorcet winner
 * among the positions (Black 1948; the "median voter" baseline of Thomson et al. 2006). Ties: the
 * lowest minimiser.
 */
import { weightedMedian } from '../core/weighted-median.ts';
import { z } from 'zod';
import { defineModel } from './model.ts';
import { runPerIssue } from './per-issue.ts';

export const median = defineModel({
  id: 'median',
  name: 'Weighted median',
  summary: 'The outcome is the capability×salience-weighted median position (lowest on ties).',
  citation: 'Black (1948); Thomson et al. (eds, 2006), The European Union Decides, ch. 10.',
  multiIssue: false,
  optionsSchema: z.object({}).strict(),
  run(input) {
    return runPerIssue('median', input, (v) => {
      const w = new Float64Array(v.m);
      for (let j = 0; j < v.m; j++) w[j] = v.capability[j]! * v.salience[j]!;
      return weightedMedian(v.position, w, v.m);
    });
  },
});
