/**
 * Collects a traced round's dyads and moves as plain JSON, translating the run's actor indexes
 * (participants only) to the input's. Used only when `ctx.trace` is set, so it may allocate.
 */
import type { EumDyad, EumMove, EumOfferType } from './detail.ts';
import { dyadOctant } from './octant.ts';
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

export class RoundRecorder implements OfferRecorder {
  readonly dyads: EumDyad[] = [];
  readonly moves: EumMove[] = [];
  /** Index of each receiver's first dyad in `dyads`, to mark the offer taken. */
  readonly #dyadOf = new Map<number, number>();

  constructor(
    /** Original actor index of each participant. */
    private readonly original: Int32Array,
    /** Start-of-round positions of the participants. */
    private readonly x: Float64Array,
  ) {}

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
    this.#dyadOf.set(i * this.original.length + j, this.dyads.length);
    this.dyads.push({
      i: this.original[i]!,
      j: this.original[j]!,
      a,
      b,
      p,
      octant: dyadOctant(a, b, same),
      offer: kind === 0 ? null : { type: OFFER_TYPE[kind], position: to },
      taken: false,
    });
  }

  move(i: number, j: number, kind: OfferKind, to: number): void {
    if (kind === 0) return;
    const at = this.#dyadOf.get(i * this.original.length + j);
    if (at !== undefined) this.dyads[at] = { ...this.dyads[at]!, taken: true };
    this.moves.push({
      actor: this.original[i]!,
      from: this.original[j]!,
      type: OFFER_TYPE[kind],
      fromPosition: this.x[i]!,
      toPosition: to,
    });
  }
}
