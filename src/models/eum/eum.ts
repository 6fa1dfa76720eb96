/**
 * Bueno de Mesquita's expected utility model (EUM) of group decisions, as made explicit by
 * Scholz, Calbert & Smith (2011) from Bueno de Mesquita (1994, 1997): each round every actor
 * weighs challenging every other, offers are made (confront, compromise, capitulate) and taken,
 * and the forecast is the weighted median of the resulting positions. docs/spec/eum.md is the spec;
 * `docs/spec/eum.md` the formulas with citations. Each issue is bargained alone.
 */
import type { EumDetail, EumIssueDetail } from './detail.ts';
import { defineModel } from '../model.ts';
import { EUM_OPTIONS, resolveEumOptions } from './options.ts';
import { runEumIssue } from './run-issue.ts';

export const eum = defineModel<typeof EUM_OPTIONS, EumDetail>({
  id: 'eum',
  name: 'Expected utility model (Bueno de Mesquita)',
  summary:
    'Actors challenge, compromise with or give in to each other by expected utility, round by round; the forecast is the c·s-weighted median of where they end up.',
  citation:
    'Bueno de Mesquita (1994), ch. 4 of Bueno de Mesquita & Stokman (eds), European Community Decision Making; Bueno de Mesquita (1997); Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita\'s group decision model".',
  multiIssue: false,
  optionsSchema: EUM_OPTIONS,
  run(input, options, ctx) {
    const o = resolveEumOptions(options);
    const forecast = new Float64Array(input.d);
    const finalPositions = input.position.slice();
    const warnings: string[] = [];
    const issues: EumIssueDetail[] = [];
    let rounds = 0;
    let converged = true;
    for (let k = 0; k < input.d; k++) {
      const r = runEumIssue(
        input,
        k,
        o,
        ctx.trace,
        finalPositions,
        warnings,
        ctx.fullDetail === true,
      );
      forecast[k] = r.forecast;
      rounds = Math.max(rounds, r.rounds);
      converged &&= r.converged;
      if (r.detail) issues.push(r.detail);
    }
    if (!ctx.trace) return { forecast, finalPositions, rounds, converged, warnings };
    const detail: EumDetail = { model: 'eum', options: { ...o }, issues };
    return { forecast, finalPositions, rounds, converged, warnings, detail };
  },
});
