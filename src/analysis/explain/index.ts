/**
 * Explanations of a forecast (issue 15, "Explanations"): per model and issue, the reasons in
 * plain words and numbers — weight shares and the pivotal actor, the pulls on the weighted mean,
 * Nash's solution or fallback, the dyads that moved each EUM actor, every SMP jump with its
 * challenge, and the commitment model's deciding terms. Pure: a forecast result in, data out; the
 * faces (`src/cli/render/explanations.ts`, the report's section) render the sentences.
 */
import type { CommitmentResult } from '../../coalitions/commitment/commitment-result.ts';
import { type Diagnostic, forecastDiagnostics } from '../diagnostics.ts';
import { explainMean, explainMedian, explainNash, weightSentence } from './baselines.ts';
import { explainCommitment } from './commitment.ts';
import { explainEum } from './eum.ts';
import { explainSmp } from './smp.ts';
import type { Explanation, ExplanationSentence, IssueLike, ModelLike } from './types.ts';

export type { Explanation, ExplanationSentence } from './types.ts';
export { JUMP_SHARE } from './smp.ts';

export interface ExplainInput {
  readonly models: readonly ModelLike[];
  readonly issues: readonly IssueLike[];
  /** The forecast's diagnostics; computed here when absent (the fallback ones are used). */
  readonly diagnostics?: readonly Diagnostic[];
  readonly coalition?: CommitmentResult | null;
}

/**
 * Explains every model's forecast on every issue, then the commitment answer. `actors` are the
 * scenario's actors in its order (model details index actors by that order).
 */
export function explainForecast(
  result: ExplainInput,
  actors: readonly { id: string; name: string }[],
): Explanation[] {
  const diagnostics =
    result.diagnostics ??
    forecastDiagnostics({
      models: result.models,
      issues: result.issues.map((i) => ({
        ...i,
        threshold: null,
      })),
    });
  const out: Explanation[] = [];
  result.issues.forEach((issue, k) => {
    for (const model of result.models) {
      const forecast = issue.forecasts[model.id];
      if (forecast === undefined) continue;
      let sentences: ExplanationSentence[];
      if (!Number.isFinite(forecast)) {
        sentences = [];
      } else if (model.id === 'median') {
        sentences = explainMedian(issue);
      } else if (model.id === 'mean') {
        sentences = explainMean(issue, forecast);
      } else if (model.id === 'nash') {
        const fellBack = diagnostics.some(
          (d) => d.kind === 'fallback' && d.model === model.id && d.issue === issue.id,
        );
        sentences = explainNash(issue, model, forecast, fellBack);
      } else if (model.id === 'eum') {
        sentences = explainEum(issue, model, actors);
      } else if (model.id === 'smp') {
        sentences = explainSmp(issue, model, actors, k, forecast);
      } else {
        sentences = [weightSentence(issue)];
      }
      if (sentences.length) out.push({ model: model.id, issue: issue.id, sentences });
    }
  });
  if (result.coalition) {
    out.push({ model: 'commitment', issue: null, sentences: explainCommitment(result.coalition) });
  }
  return out;
}
