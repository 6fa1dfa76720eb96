/** KTAB's spatial model of politics: the model, its options and its per-turn detail. */
export { runSmp, smp, smpOverLimit } from './smp.ts';
export {
  BARGAIN_MODELS,
  BIG_R_ADJUSTS,
  BIG_R_RANGES,
  INTER_VEC_BRGNS,
  PCE_MODELS,
  SMP_DEFAULTS,
  SMP_OPTIONS,
  THIRD_PARTY_COMMITS,
  TRANSITIONS,
  VICTORY_PROB_MODELS,
  VOTING_RULES,
  type BargainModel,
  type BigRAdjust,
  type BigRRange,
  type InterVecBrgn,
  type PceModel,
  type SmpOptions,
  type ThirdPartyCommit,
  type Transition,
  type VictoryProbModel,
  type VotingRule,
} from './options.ts';
export type {
  SmpBargainDetail,
  SmpChallengeDetail,
  SmpDetail,
  SmpQueueDetail,
  SmpStopDetail,
  SmpTurnDetail,
} from './detail.ts';
export type { StopReason } from './stop.ts';
