/**
 * The one header every result starts with: which Entente made it (`entente`), what it is
 * (`kind`, and for a family of results its `method`), which scenario it is about and the seed of
 * its draws. Every result builder writes its header through {@link resultHeader} (or
 * {@link resultStamp} for the few results that are not about one scenario, or draw nothing), so
 * the header has one shape and one order of properties: `entente`, `kind`, [`method`],
 * `scenario`, `seed`, then the body. The union of every result kind is
 * `src/analysis/results.ts#AnyResult` (it names the analyses' types, which sit above `core/`).
 */
import { VERSION } from '../version.ts';
import { contentHash } from './hash.ts';
import type { Scenario } from './scenario.ts';

/** Which scenario a result is about: its id, title, question and date, and its content hash. */
export interface ResultScenario {
  readonly id: string;
  readonly title: string;
  readonly question: string;
  readonly asOf: string;
  /** `sha256:` of the scenario's canonical content (`core/hash.ts`): same hash, same inputs. */
  readonly hash: string;
}

/** What a result is: its kind, and for a family of results (sensitivity) its method. */
export type ResultTag =
  { readonly kind: string } | { readonly kind: string; readonly method: string };

/** `'forecast'` or a full tag, as {@link Result} takes it. */
type TagOf<K extends string | ResultTag> = K extends string ? { readonly kind: K } : K;

/** The part of the header every result has: the version that made it, and what it is. */
export type ResultStamp<K extends string | ResultTag> = { readonly entente: string } & TagOf<K>;

/** The header of a result about one scenario: version, kind, scenario, seed. */
export type ResultHeader<K extends string | ResultTag> = ResultStamp<K> & {
  readonly scenario: ResultScenario;
  /** Seed of every random draw behind the result (`DEFAULT_SEED` when none was given). */
  readonly seed: number;
};

/** A result: the header, then the kind's own body. */
export type Result<K extends string | ResultTag, Body> = ResultHeader<K> & Body;

/** A result with only the stamp (not about one scenario, or drawing nothing), then its body. */
export type StampedResult<K extends string | ResultTag, Body> = ResultStamp<K> & Body;

export function resultScenario(s: Scenario): ResultScenario {
  return { id: s.id, title: s.title, question: s.question, asOf: s.asOf, hash: contentHash(s) };
}

function tagOf<K extends string | ResultTag>(kind: K): TagOf<K> {
  return (typeof kind === 'string' ? { kind } : kind) as TagOf<K>;
}

/** `{ entente, kind[, method] }`: spread first into a result that has no scenario header. */
export function resultStamp<const K extends string | ResultTag>(kind: K): ResultStamp<K> {
  return { entente: VERSION, ...tagOf(kind) };
}

/** `{ entente, kind[, method], scenario, seed }`: spread first into every scenario's result. */
export function resultHeader<const K extends string | ResultTag>(
  kind: K,
  scenario: Scenario,
  seed: number,
): ResultHeader<K> {
  return { ...resultStamp(kind), scenario: resultScenario(scenario), seed };
}
