/**
 * The numbers a model sees: n actors × d issues in typed arrays, actor-major
 * (`position[i * d + k]`). Saliences are in [0, 1]; positions on each issue's own scale.
 * A model never sees names, files or evidence.
 */
export interface NumericInput {
  /** Number of actors. */
  readonly n: number;
  /** Number of issues (dimensions). */
  readonly d: number;
  /** Actor ids, in input order (for labelling results only). */
  readonly actorIds: readonly string[];
  /** Issue ids, in input order (for labelling results only). */
  readonly issueIds: readonly string[];
  /** Capability c_i >= 0, scale-free. Length n. */
  readonly capability: Float64Array;
  /** Position x_ik on issue k's scale. Length n·d, actor-major. */
  readonly position: Float64Array;
  /** Salience s_ik in [0, 1]. Length n·d, actor-major. */
  readonly salience: Float64Array;
  /** 1 where actor i takes part in issue k (has a stance), else 0. Length n·d. */
  readonly present: Uint8Array;
  /** Issue scale bounds. Length d. */
  readonly scaleMin: Float64Array;
  readonly scaleMax: Float64Array;
  /** Reference point (status quo) per issue, NaN when the issue has none. Length d. */
  readonly reference: Float64Array;
  /** Decision threshold per issue, NaN when none. Length d. */
  readonly threshold: Float64Array;
}

/** Makes a numeric input from plain arrays; `present` defaults to all ones. */
export function makeNumericInput(args: {
  capability: ArrayLike<number>;
  /** Positions, actor-major n·d. */
  position: ArrayLike<number>;
  /** Saliences in [0, 1], actor-major n·d. */
  salience: ArrayLike<number>;
  d?: number;
  present?: ArrayLike<number>;
  scaleMin?: ArrayLike<number>;
  scaleMax?: ArrayLike<number>;
  reference?: ArrayLike<number>;
  threshold?: ArrayLike<number>;
  actorIds?: readonly string[];
  issueIds?: readonly string[];
}): NumericInput {
  const n = args.capability.length;
  const d = args.d ?? 1;
  if (args.position.length !== n * d || args.salience.length !== n * d) {
    throw new RangeError(`position and salience need n·d = ${n * d} values`);
  }
  const fill = (src: ArrayLike<number> | undefined, len: number, dflt: number) => {
    const out = new Float64Array(len);
    if (src) out.set(Array.from(src));
    else out.fill(dflt);
    return out;
  };
  return {
    n,
    d,
    actorIds: args.actorIds ?? Array.from({ length: n }, (_, i) => `a${i + 1}`),
    issueIds: args.issueIds ?? Array.from({ length: d }, (_, k) => `issue${k + 1}`),
    capability: Float64Array.from(Array.from(args.capability)),
    position: Float64Array.from(Array.from(args.position)),
    salience: Float64Array.from(Array.from(args.salience)),
    present: args.present
      ? Uint8Array.from(Array.from(args.present))
      : new Uint8Array(n * d).fill(1),
    scaleMin: fill(args.scaleMin, d, 0),
    scaleMax: fill(args.scaleMax, d, 100),
    reference: fill(args.reference, d, NaN),
    threshold: fill(args.threshold, d, NaN),
  };
}

/**
 * One issue's actors as a compact single-issue view: only actors present on issue k, in input
 * order. `index[j]` is the original actor index of the view's actor j.
 */
export interface IssueView {
  readonly k: number;
  readonly m: number;
  readonly index: Int32Array;
  readonly capability: Float64Array;
  readonly position: Float64Array;
  readonly salience: Float64Array;
  readonly min: number;
  readonly max: number;
  readonly reference: number;
}

export function issueView(input: NumericInput, k: number): IssueView {
  const { n, d } = input;
  let m = 0;
  for (let i = 0; i < n; i++) if (input.present[i * d + k]) m++;
  const index = new Int32Array(m);
  const capability = new Float64Array(m);
  const position = new Float64Array(m);
  const salience = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) {
    const at = i * d + k;
    if (!input.present[at]) continue;
    index[j] = i;
    capability[j] = input.capability[i]!;
    position[j] = input.position[at]!;
    salience[j] = input.salience[at]!;
    j++;
  }
  return {
    k,
    m,
    index,
    capability,
    position,
    salience,
    min: input.scaleMin[k]!,
    max: input.scaleMax[k]!,
    reference: input.reference[k]!,
  };
}
