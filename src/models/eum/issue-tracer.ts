/**
 * Builds an issue's traced detail (`EumIssueDetail`) round by round. Only used when a run is
 * traced, so it may allocate freely; the untraced loop never touches it.
 */
import type { NumericInput } from '../../core/numeric-input.ts';
import type { EumIssueDetail, EumRoundDetail } from './detail.ts';
import { RoundRecorder } from './round-recorder.ts';
import type { EumWorkspace } from './workspace.ts';

export class IssueTracer {
  readonly #input: NumericInput;
  readonly #k: number;
  readonly #ws: EumWorkspace;
  readonly #excluded: number[];
  readonly #trajectory: (number | null)[][] = [];
  readonly #medians: number[] = [];
  readonly #means: number[] = [];
  readonly #rounds: EumRoundDetail[] = [];
  readonly #fullDetail: boolean;
  #recorder: RoundRecorder | null = null;

  constructor(
    input: NumericInput,
    k: number,
    ws: EumWorkspace,
    excluded: number[],
    /** Keep every dyad whatever the number of participants (see `RoundRecorder`). */
    fullDetail = false,
  ) {
    this.#input = input;
    this.#fullDetail = fullDetail;
    this.#k = k;
    this.#ws = ws;
    this.#excluded = excluded;
    this.#trajectory.push(this.#positions());
  }

  /** A recorder for the round about to run (reads the start-of-round positions now). */
  startRound(): RoundRecorder {
    this.#recorder = new RoundRecorder(this.#ws.original, this.#ws.x.slice(), this.#fullDetail);
    return this.#recorder;
  }

  /** Call after the moves were applied to `ws.x`; `ws.security` and `ws.risk` still hold the round's. */
  endRound(startMedian: number, median: number, mean: number): void {
    const recorder = this.#recorder!;
    recorder.finish();
    this.#trajectory.push(this.#positions());
    this.#medians.push(median);
    this.#means.push(mean);
    this.#rounds.push({
      round: this.#rounds.length + 1,
      startMedian,
      median,
      mean,
      security: this.#perActor(this.#ws.security),
      riskExponent: this.#perActor(this.#ws.risk),
      dyads: recorder.dyads,
      ...(recorder.summary ? { dyadsTotal: recorder.total } : {}),
      moves: recorder.moves,
    });
    this.#recorder = null;
  }

  finish(args: {
    range: number;
    initialMedian: number;
    initialMean: number;
    finalMedian: number;
    tail: number;
    converged: boolean;
  }): EumIssueDetail {
    const medians = this.#medians;
    const last = Math.min(args.tail, medians.length);
    const tailMean =
      last === 0 ? args.finalMedian : medians.slice(-last).reduce((a, b) => a + b, 0) / last;
    return {
      issue: this.#k,
      issueId: this.#input.issueIds[this.#k] ?? `issue ${this.#k + 1}`,
      participants: Array.from(this.#ws.original),
      excluded: this.#excluded,
      range: args.range,
      initialMedian: args.initialMedian,
      initialMean: args.initialMean,
      trajectory: this.#trajectory,
      medians,
      means: this.#means,
      rounds: this.#rounds,
      finalMedian: args.finalMedian,
      tailMean,
      tail: args.tail,
      converged: args.converged,
      roundsRun: medians.length,
    };
  }

  /** Every actor's position on the issue by original index; null where absent. */
  #positions(): (number | null)[] {
    const { n, d, present, position } = this.#input;
    const out = new Array<number | null>(n).fill(null);
    for (let i = 0; i < n; i++) if (present[i * d + this.#k]) out[i] = position[i * d + this.#k]!;
    const ws = this.#ws;
    for (let i = 0; i < ws.m; i++) out[ws.original[i]!] = ws.x[i]!;
    return out;
  }

  #perActor(values: Float64Array): (number | null)[] {
    const out = new Array<number | null>(this.#input.n).fill(null);
    for (let i = 0; i < this.#ws.m; i++) out[this.#ws.original[i]!] = values[i]!;
    return out;
  }
}
