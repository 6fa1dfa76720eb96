/**
 * Explanations as data: per model and issue, sentences in plain words, each with the numbers it
 * states and the glossary terms it uses (ids in `src/core/glossary.ts`). Faces (CLI, `--json`,
 * reports) render the sentences; tests read the numbers.
 */

export interface ExplanationSentence {
  /** The sentence, self-contained, written from one actor's viewpoint where it concerns actors. */
  readonly text: string;
  /** The numbers the sentence states, by name (shares as fractions 0–1, positions on the scale). */
  readonly numbers: Readonly<Record<string, number>>;
  /** Ids of the actors the sentence names, the subject first. */
  readonly actors: readonly string[];
  /** Glossary ids of the terms the sentence uses. */
  readonly glossaryTerms: readonly string[];
  /** For sentences about a move: the round or turn (1-based). */
  readonly round?: number;
}

export interface Explanation {
  /** Model id (`mean`, `median`, `nash`, `eum`, `smp`, …) or `commitment`. */
  readonly model: string;
  /** Issue id; null for the commitment model (its question is who joins, not an issue). */
  readonly issue: string | null;
  readonly sentences: readonly ExplanationSentence[];
}

/** What explanations read about an issue: structurally an `IssueForecast`. */
export interface IssueLike {
  readonly id: string;
  readonly name: string;
  readonly scale: { min: number; max: number };
  readonly referencePoint: number | null;
  readonly forecasts: Record<string, number>;
  readonly actors: readonly {
    id: string;
    name: string;
    capability: number;
    position: number;
    salience: number;
    final: Record<string, number>;
  }[];
}

export interface ModelLike {
  readonly id: string;
  readonly name: string;
  readonly options: Record<string, unknown>;
  readonly rounds: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
  readonly detail?: unknown;
}

export function sentence(
  text: string,
  numbers: Record<string, number>,
  actors: readonly string[],
  glossaryTerms: readonly string[],
  round?: number,
): ExplanationSentence {
  return { text, numbers, actors, glossaryTerms, ...(round === undefined ? {} : { round }) };
}

/** A position or a forecast in prose: one decimal (two on scales of 20 or less). */
export function formatPosition(x: number, width: number): string {
  if (!Number.isFinite(x)) return String(x);
  const digits = width > 0 && width <= 20 ? 2 : 1;
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** A share 0–1 as a whole percentage (one decimal below 1%). */
export function formatShare(p: number): string {
  const pct = 100 * p;
  return pct > 0 && pct < 1 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
