/** Shared by the stance tests (precision, fourth and fifth rounds): test support only. */
import { analyseArticle } from './analyse.ts';
import { propose } from './propose.ts';

/**
 * The proposed direction of each actor in a text: `headline`, then one paragraph per argument.
 */
export function directionsUnder(headline: string) {
  return (...paragraphs: string[]): Record<string, string> => {
    const a = analyseArticle(`${headline}\n\n${paragraphs.join('\n\n')}\n`);
    const out: Record<string, string> = {};
    for (const actor of a.actors) {
      const p = propose(actor.statements);
      if (p) out[actor.key] = p.direction;
    }
    return out;
  };
}
