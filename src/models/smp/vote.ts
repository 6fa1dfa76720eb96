/**
 * Votes: how a voter of weight w turns a utility difference Δ = u(a) − u(b) into support for a
 * over b (negative: for b). Source: KTAB `kmodel.cpp`, `Model::vote` (docs/spec/smp.md, "Votes").
 */
import type { VotingRule } from './options.ts';

/** Numeric codes of the voting rules, for the hot loops. */
export const VOTE_CODE: Readonly<Record<VotingRule, number>> = {
  Prop: 0,
  Binary: 1,
  PropBin: 2,
  PropCbc: 3,
  Cubic: 4,
  ASymProsp: 5,
};

/** The utility difference at which a Binary vote saturates (KTAB). */
const BINARY_STEP = 1e-8;

function binary(du: number): number {
  const b = du / BINARY_STEP;
  return b > 1 ? 1 : b < -1 ? -1 : b;
}

/**
 * The vote of weight w on Δ under `rule` (a {@link VOTE_CODE}): Prop wΔ; Binary w·clip(Δ/1e-8);
 * PropBin w(0.8Δ + 0.2·bin); PropCbc w(0.5Δ + 0.5Δ³); Cubic wΔ³; ASymProsp wΔ for losses,
 * (2/3)wΔ for gains.
 */
export function vote(rule: number, w: number, du: number): number {
  switch (rule) {
    case 0:
      return w * du;
    case 1:
      return w * binary(du);
    case 2:
      return w * (0.8 * du + 0.2 * binary(du));
    case 3:
      return w * (0.5 * du + 0.5 * du * du * du);
    case 4:
      return w * du * du * du;
    default:
      return du < 0 ? w * du : (2 / 3) * w * du;
  }
}
