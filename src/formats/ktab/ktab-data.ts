/**
 * A KTAB scenario as read from (or written to) KTAB's CSV and XML files: actors with a power and,
 * per dimension, a position and a salience, all on KTAB's 0–100 file scale. Source: KTAB
 * (KAPSARC, MIT licence), `examples/smp/libsrc/smp.cpp`, `SMPModel::readCSVStream` and
 * `SMPModel::readXML`.
 */
import type { KtabModelParameters } from './ktab-vocabulary.ts';

/** A 1-based place in the file. */
export interface KtabPlace {
  readonly line: number;
  readonly column: number;
}

/** Where an actor's fields sit in its file, for error messages. */
export interface KtabActorPlaces {
  readonly name: KtabPlace;
  readonly power: KtabPlace;
  readonly positions: readonly KtabPlace[];
  readonly saliences: readonly KtabPlace[];
}

export interface KtabActor {
  readonly name: string;
  readonly description: string;
  /** KTAB's "Power" (or "Influence", "capability"): raw, > 0. */
  readonly power: number;
  /** Per dimension, 0–100. */
  readonly positions: readonly number[];
  /** Per dimension, 0–100; at most 100 in total. */
  readonly saliences: readonly number[];
  /** Where the fields were read (absent for data built in memory). */
  readonly at?: KtabActorPlaces;
  /** The actor's row as written in a CSV file, for evidence quotes. */
  readonly source?: string;
}

export interface KtabData {
  /** Scenario name (CSV line 1, field 1; XML `<name>`). */
  readonly name: string;
  /** Scenario description (CSV line 1, field 2; XML `<desc>`). */
  readonly description: string;
  /** Dimension names (from the CSV position headers or XML `<dName>`). */
  readonly dimensions: readonly string[];
  readonly actors: readonly KtabActor[];
  /** XML `<prngSeed>` (decimal text, KTAB's 64-bit seed), when given. */
  readonly seed?: string;
  /** XML `<ModelParameters>`, translated to SMP option names. */
  readonly parameters?: Partial<KtabModelParameters>;
  /** Notes on what was read but not used (e.g. XML ideal adjustments). */
  readonly notes?: readonly string[];
}
