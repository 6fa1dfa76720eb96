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
import { type EumOctant, dyadOctant } from './octant.ts';
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

const NOT_PRESSURE: ReadonlySet<EumOctant> = new Set([
  'stalemate',
  'same-position',
  'indeterminate',
]);

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
  readonly #rowSeen: Uint8Array;
  #rowTaken = -1;

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
    this.#rowSeen = new Uint8Array(len);
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
      this.#rowSeen[j] = 1;
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
      const m = this.#rowSeen.length;
      const keep = new Set<number>();
      if (this.#rowTaken >= 0) keep.add(this.#rowTaken);
      const strongest: number[] = [];
      let compelled = -1;
      const rowA = this.#rowA;
      const rowB = this.#rowB;
      /** |a − b| of the weakest in the short list once it is full (a cheap test before the octant). */
      let floor = -1;
      for (let j = 0; j < m; j++) {
        if (!this.#rowSeen[j] || this.#rowSame[j] === 1) continue;
        const a = rowA[j]!;
        const b = rowB[j]!;
        const s = Math.abs(a - b);
        if (compelled >= 0 && s <= floor) continue;
        const octant = dyadOctant(a, b, false);
        if (compelled < 0 && octant === 'j-compels-i') compelled = j;
        if (s <= floor || NOT_PRESSURE.has(octant)) continue;
        // Insert j into the short list of the strongest, largest |a − b| first (lower j on ties).
        let at = strongest.length;
        while (at > 0 && s > Math.abs(rowA[strongest[at - 1]!]! - rowB[strongest[at - 1]!]!)) at--;
        strongest.splice(at, 0, j);
        if (strongest.length > STRONGEST_PER_RECEIVER) strongest.pop();
        if (strongest.length === STRONGEST_PER_RECEIVER) {
          const last = strongest[STRONGEST_PER_RECEIVER - 1]!;
          floor = Math.abs(rowA[last]! - rowB[last]!);
        }
      }
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
      this.#rowSeen.fill(0);
    }
    this.#rowI = next;
    this.#rowTaken = -1;
  }
}
