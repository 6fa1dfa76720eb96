/**
 * Collects a traced round's dyads and moves as plain JSON, translating the run's actor indexes
 * (participants only) to the input's. Used only when `ctx.trace` is set, so it may allocate.
 *
 * Up to {@link FULL_DYADS_UP_TO} participants every ordered pair is kept (m(m − 1) dyads a
 * round). Beyond that, unless the run asks for every dyad (`RunContext.fullDetail`), a round keeps
 * a summary that grows with m, not m²: for each receiver, the dyad whose offer it took, the first
 * dyad in which the other compels it, and its {@link STRONGEST_PER_RECEIVER} strongest pressures
 * (by |a − b|; stalemates and same-position pairs are not pressures). A 2,000-actor round would
 * otherwise hold four million dyads (≈ 600 MB of JSON over ten rounds).
 */
import type { EumDyad, EumMove, EumOfferType } from './detail.ts';
import { TIE_EPS, dyadOctant } from './octant.ts';
import {
  CAPITULATION,
  COMPROMISE,
  CONFRONTATION,
  type OfferKind,
  type OfferRecorder,
} from './offers.ts';

const OFFER_TYPE: Record<Exclude<OfferKind, 0>, EumOfferType> = {
  [CONFRONTATION]: 'confrontation',
  [COMPROMISE]: 'compromise',
  [CAPITULATION]: 'capitulation',
};

/** Participants up to which a traced round keeps every dyad. */
export const FULL_DYADS_UP_TO = 100;
/** Strongest pressures kept per receiver in a summarised round. */
export const STRONGEST_PER_RECEIVER = 3;

/**
 * Whether a dyad of two different positions is a pressure: any octant but `stalemate` and
 * `indeterminate` (the tests of `dyadOctant`, written out).
 */
export function isPressure(a: number, b: number): boolean {
  const sa = a > TIE_EPS ? 1 : a < -TIE_EPS ? -1 : 0;
  const sb = b > TIE_EPS ? 1 : b < -TIE_EPS ? -1 : 0;
  if (sa === 0 || sb === 0 || (sa < 0 && sb < 0)) return false;
  return !(sa > 0 && sb > 0 && !(a > b + TIE_EPS) && !(b > a + TIE_EPS));
}

export class RoundRecorder implements OfferRecorder {
  readonly dyads: EumDyad[] = [];
  readonly moves: EumMove[] = [];
  /** Ordered pairs computed this round (kept or not). */
  total = 0;
  /** Whether this round keeps only a summary of its dyads. */
  readonly summary: boolean;
  /** Index of each receiver's first dyad in `dyads`, to mark the offer taken (full mode). */
  readonly #dyadOf = new Map<number, number>();
  /** The current receiver's row (summary mode): every j's values, reused receiver to receiver. */
  #rowI = -1;
  readonly #rowA: Float64Array;
  readonly #rowB: Float64Array;
  readonly #rowP: Float64Array;
  readonly #rowTo: Float64Array;
  readonly #rowKind: Int8Array;
  readonly #rowSame: Uint8Array;
  #rowTaken = -1;
  /** The current row's selection so far: first compelling j, strongest pressures, and the
   * |a − b| a pair must beat to enter the full short list. */
  #compelled = -1;
  #strongest: number[] = [];
  #floor = -1;

  constructor(
    /** Original actor index of each participant. */
    private readonly original: Int32Array,
    /** Start-of-round positions of the participants. */
    private readonly x: Float64Array,
    fullDetail = false,
  ) {
    const m = original.length;
    this.summary = !fullDetail && m > FULL_DYADS_UP_TO;
    const len = this.summary ? m : 0;
    this.#rowA = new Float64Array(len);
    this.#rowB = new Float64Array(len);
    this.#rowP = new Float64Array(len);
    this.#rowTo = new Float64Array(len);
    this.#rowKind = new Int8Array(len);
    this.#rowSame = new Uint8Array(len);
  }

  dyad(
    i: number,
    j: number,
    a: number,
    b: number,
    p: number,
    kind: OfferKind,
    to: number,
    same: boolean,
  ): void {
    this.total++;
    if (this.summary) {
      if (i !== this.#rowI) this.#flushRow(i);
      this.#rowA[j] = a;
      this.#rowB[j] = b;
      this.#rowP[j] = p;
      this.#rowTo[j] = to;
      this.#rowKind[j] = kind;
      this.#rowSame[j] = same ? 1 : 0;
      if (same) return;
      // The selection, as the pairs stream by (the octants' sign tests written out: this runs
      // for every pair, so no strings). The first dyad in which j compels i…
      if (this.#compelled < 0 && a < -TIE_EPS && b > TIE_EPS && !(b > -a + TIE_EPS))
        this.#compelled = j;
      // …and the strongest pressures, largest |a − b| first (the lower j on ties).
      const strength = Math.abs(a - b);
      if (strength <= this.#floor || !isPressure(a, b)) return;
      const strongest = this.#strongest;
      let at = strongest.length;
      while (at > 0 && strength > this.#strength(strongest[at - 1]!)) at--;
      strongest.splice(at, 0, j);
      if (strongest.length > STRONGEST_PER_RECEIVER) strongest.pop();
      if (strongest.length === STRONGEST_PER_RECEIVER)
        this.#floor = this.#strength(strongest[STRONGEST_PER_RECEIVER - 1]!);
      return;
    }
    this.#dyadOf.set(i * this.original.length + j, this.dyads.length);
    this.dyads.push(this.#make(i, j, a, b, p, kind, to, same, false));
  }

  move(i: number, j: number, kind: OfferKind, to: number): void {
    if (kind === 0) return;
    if (this.summary) {
      if (i === this.#rowI) this.#rowTaken = j;
    } else {
      const at = this.#dyadOf.get(i * this.original.length + j);
      if (at !== undefined) this.dyads[at] = { ...this.dyads[at]!, taken: true };
    }
    this.moves.push({
      actor: this.original[i]!,
      from: this.original[j]!,
      type: OFFER_TYPE[kind],
      fromPosition: this.x[i]!,
      toPosition: to,
    });
  }

  /** Call once the round's offers are taken: writes out the last receiver's summary. */
  finish(): void {
    if (this.summary) this.#flushRow(-1);
  }

  #make(
    i: number,
    j: number,
    a: number,
    b: number,
    p: number,
    kind: OfferKind,
    to: number,
    same: boolean,
    taken: boolean,
  ): EumDyad {
    return {
      i: this.original[i]!,
      j: this.original[j]!,
      a,
      b,
      p,
      octant: dyadOctant(a, b, same),
      offer: kind === 0 ? null : { type: OFFER_TYPE[kind], position: to },
      taken,
    };
  }

  /** Keeps the current receiver's summary dyads (in j order) and starts receiver `next`. */
  #flushRow(next: number): void {
    const i = this.#rowI;
    if (i >= 0) {
      const keep = new Set<number>();
      if (this.#rowTaken >= 0) keep.add(this.#rowTaken);
      const compelled = this.#compelled;
      const strongest = this.#strongest;
      if (compelled >= 0) keep.add(compelled);
      for (const j of strongest) keep.add(j);
      for (const j of [...keep].sort((x, y) => x - y)) {
        this.dyads.push(
          this.#make(
            i,
            j,
            this.#rowA[j]!,
            this.#rowB[j]!,
            this.#rowP[j]!,
            this.#rowKind[j] as OfferKind,
            this.#rowTo[j]!,
            this.#rowSame[j] === 1,
            j === this.#rowTaken,
          ),
        );
      }
    }
    this.#rowI = next;
    this.#rowTaken = -1;
    this.#compelled = -1;
    this.#strongest = [];
    this.#floor = -1;
  }

  /** |a − b| of the current row's dyad with j. */
  #strength(j: number): number {
    return Math.abs(this.#rowA[j]! - this.#rowB[j]!);
  }
}
