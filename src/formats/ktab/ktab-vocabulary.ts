/**
 * KTAB's model parameters in KTAB's own vocabulary: the values each `<ModelParameters>` element
 * takes and the values KTAB's SMP starts from. Source: KTAB `smp.h` and `kmodel.h` (the enums),
 * `smp.cpp` (`SMPModel::readXML`, the defaults).
 *
 * The formats layer owns these (a file format is read and written here, below the models), so
 * it imports nothing from `src/models/`. Our SMP speaks the same vocabulary for its options
 * (`src/models/smp/options.ts`); `ktab-vocabulary.test.ts` checks the two agree, and the CLI
 * passes the SMP's options to {@link KtabModelParameters} and back.
 */

export const VICTORY_PROB_MODELS = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
export const PCE_MODELS = ['Conditional', 'MarkovUniform', 'MarkovIncentive'] as const;
export const VOTING_RULES = ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
export const BIG_R_ADJUSTS = ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] as const;
export const BIG_R_RANGES = ['Min', 'Mid', 'Max'] as const;
export const THIRD_PARTY_COMMITS = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
export const INTER_VEC_BRGNS = ['S1P1', 'S2P2', 'S2PMax'] as const;
export const BARGAIN_MODELS = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;
export const TRANSITIONS = ['Deterministic', 'Stochastic'] as const;

/** The parameters a KTAB SMP scenario file carries, named as our SMP's options name them. */
export interface KtabModelParameters {
  readonly victoryProb: (typeof VICTORY_PROB_MODELS)[number];
  readonly pce: (typeof PCE_MODELS)[number];
  readonly transition: (typeof TRANSITIONS)[number];
  readonly votingRule: (typeof VOTING_RULES)[number];
  readonly bigRAdjust: (typeof BIG_R_ADJUSTS)[number];
  readonly bigRRange: (typeof BIG_R_RANGES)[number];
  readonly thirdPartyCommit: (typeof THIRD_PARTY_COMMITS)[number];
  readonly interVecBrgn: (typeof INTER_VEC_BRGNS)[number];
  readonly bargainModel: (typeof BARGAIN_MODELS)[number];
}

/** What a KTAB file says when it does not say otherwise (KTAB's SMP defaults). */
export const KTAB_DEFAULT_PARAMETERS: KtabModelParameters = {
  victoryProb: 'Linear',
  pce: 'Conditional',
  votingRule: 'Prop',
  bigRAdjust: 'OneThird',
  bigRRange: 'Mid',
  thirdPartyCommit: 'SemiCommit',
  interVecBrgn: 'S2P2',
  bargainModel: 'InitOnlyInterp',
  transition: 'Deterministic',
};
