/**
 * The SMP's options, named after KTAB's own parameters (KTAB `smp.h`: `SMPModel` enums and
 * `kmodel.h`: `VotingRule`, `VPModel`, `PCEModel`, `StateTransMode`), in camelCase. Every
 * default is KTAB's default, so a run with no options reproduces KTAB's `smpc` output
 * (docs/spec/smp.md).
 */
import { z } from 'zod';

/** How coalition strengths become a pairwise victory probability (KTAB `VPModel`). */
export const VICTORY_PROB_MODELS = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
export type VictoryProbModel = (typeof VICTORY_PROB_MODELS)[number];

/** How pairwise victory probabilities become one probability per option (KTAB `PCEModel`). */
export const PCE_MODELS = ['Conditional', 'MarkovUniform', 'MarkovIncentive'] as const;
export type PceModel = (typeof PCE_MODELS)[number];

/** How a voter turns a utility difference into a vote (KTAB `VotingRule`). */
export const VOTING_RULES = ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
export type VotingRule = (typeof VOTING_RULES)[number];

/** Actor h's estimate of actor i's risk attitude (KTAB `SMPModel::BigRAdjust`). */
export const BIG_R_ADJUSTS = ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] as const;
export type BigRAdjust = (typeof BIG_R_ADJUSTS)[number];

/** The range risk attitudes are mapped onto (KTAB `SMPModel::BigRRange`). */
export const BIG_R_RANGES = ['Min', 'Mid', 'Max'] as const;
export type BigRRange = (typeof BIG_R_RANGES)[number];

/** How third parties expect to be bound by a contest's result (KTAB `ThirdPartyCommit`). */
export const THIRD_PARTY_COMMITS = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
export type ThirdPartyCommit = (typeof THIRD_PARTY_COMMITS)[number];

/** How two vector positions are interpolated into a bargain (KTAB `SMPModel::InterVecBrgn`). */
export const INTER_VEC_BRGNS = ['S1P1', 'S2P2', 'S2PMax'] as const;
export type InterVecBrgn = (typeof INTER_VEC_BRGNS)[number];

/** Which bargains a challenge produces (KTAB `SMPModel::SMPBargnModel`). */
export const BARGAIN_MODELS = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;
export type BargainModel = (typeof BARGAIN_MODELS)[number];

/** How each actor's election over its bargains picks the winner (KTAB `StateTransMode`). */
export const TRANSITIONS = ['Deterministic', 'Stochastic'] as const;
export type Transition = (typeof TRANSITIONS)[number];

export const SMP_OPTIONS = z
  .object({
    /**
     * Victory probability from coalition strengths C: P(a>b) = f(C_ab)/(f(C_ab)+f(C_ba)) with f = x
     * (`Linear`), x², x⁴, x⁸, or `Binary` (near-certain when one side is ≥ 1.1× the other, a ramp
     * between). Default `Linear`. KTAB `kmodel.cpp`, `Model::vProb(VPModel, double, double)`.
     */
    victoryProb: z
      .enum(VICTORY_PROB_MODELS)
      .default('Linear')
      .describe('Victory probability from coalition strengths (default Linear; KTAB VPModel).'),
    /**
     * Probabilistic Condorcet election: `Conditional` (P_a ∝ Π_b P(a>b)), `MarkovUniform` or
     * `MarkovIncentive` (fixed points of a Markov process of challenges). Default `Conditional`.
     * KTAB `kmodel.cpp`, `Model::condPCE`, `Model::markovUniformPCE`, `Model::markovIncentivePCE`.
     */
    pce: z
      .enum(PCE_MODELS)
      .default('Conditional')
      .describe('Probabilistic Condorcet election (default Conditional; KTAB PCEModel).'),
    /**
     * Voting rule for every vote (risk election, challenges, transition elections). Default `Prop`
     * (proportional: weight × utility difference). KTAB `kmodel.cpp`, `Model::vote`.
     */
    votingRule: z
      .enum(VOTING_RULES)
      .default('Prop')
      .describe('Voting rule for every vote (default Prop; KTAB VotingRule).'),
    /**
     * Actor h's estimate of actor i's risk attitude: `None` R_h, `OneThird` (2R_h + R_i)/3, `Half`,
     * `TwoThirds` (R_h + 2R_i)/3, `Full` R_i. Default `OneThird`. KTAB `smp.cpp`,
     * `SMPState::setAllAUtil` (`SMPModel::bigRAdjust`).
     */
    bigRAdjust: z
      .enum(BIG_R_ADJUSTS)
      .default('OneThird')
      .describe(
        "An actor's estimate of another's risk attitude (default OneThird; KTAB BigRAdjust).",
      ),
    /**
     * Range of the risk attitudes R_i derived from the risk-neutral election: `Min` [0, 1],
     * `Mid` [−½, 1], `Max` [−1, 1]. Default `Mid`. KTAB `smp.cpp`, `SMPState::setAllAUtil`
     * (`SMPModel::bigRRange`).
     */
    bigRRange: z
      .enum(BIG_R_RANGES)
      .default('Mid')
      .describe(
        'Range of risk attitudes: Min [0,1], Mid [-1/2,1], Max [-1,1] (default Mid; KTAB BigRRange).',
      ),
    /**
     * Third parties' commitment in a challenge: `NoCommit`, `SemiCommit`, `FullCommit`. Default
     * `SemiCommit`. KTAB `smp.cpp`, `SMPState::probEduChlg` (`ThirdPartyCommit`).
     */
    thirdPartyCommit: z
      .enum(THIRD_PARTY_COMMITS)
      .default('SemiCommit')
      .describe(
        "Third parties' commitment in a challenge (default SemiCommit; KTAB ThirdPartyCommit).",
      ),
    /**
     * Interpolation of a bargain between two positions: `S2P2` (squared saliences × squared
     * probabilities, rounded to 4 decimals on [0,1]), `S1P1` (powers 1), `S2PMax`. Default `S2P2`.
     * KTAB `smp.cpp`, `SMPActor::interpolateBrgn`.
     */
    interVecBrgn: z
      .enum(INTER_VEC_BRGNS)
      .default('S2P2')
      .describe('Bargain interpolation between two positions (default S2P2; KTAB InterVecBrgn).'),
    /**
     * Bargains per challenge: `InitOnlyInterp` (the initiator's bargain, queued for both parties),
     * `InitRcvrInterp` (also the receiver's own bargain), `PWCompInterp` (the two bargains combined
     * by the parties' weights). Default `InitOnlyInterp`. KTAB `smp.cpp`, `SMPState::doBCN`.
     */
    bargainModel: z
      .enum(BARGAIN_MODELS)
      .default('InitOnlyInterp')
      .describe('Bargains per challenge (default InitOnlyInterp; KTAB SMPBargnModel).'),
    /**
     * Each actor's pick from its queue of bargains: `Deterministic` (most probable; first in queue
     * order on ties) or `Stochastic` (drawn with the run's seeded generator — reproducible, unlike
     * KTAB). Default `Deterministic`. KTAB `smp.cpp`, `SMPState::doBCN` (`StateTransMode`).
     */
    transition: z
      .enum(TRANSITIONS)
      .default('Deterministic')
      .describe(
        'Pick from each queue: most probable, or drawn by seed (default Deterministic; KTAB StateTransMode).',
      ),
    /** Turn limit. Default 100. KTAB `smp.cpp`, `SMPModel::stopSMP` (`maxIter`). */
    maxTurns: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(100)
      .describe('Turn limit (default 100; KTAB stopSMP).'),
    /**
     * Reproduce KTAB's known quirks (docs/spec/smp.md): the receiver-side interpolation of
     * `InitRcvrInterp` / `PWCompInterp` fed the receiver's expected-utility change instead of its
     * probability, `PWCompInterp` weighting the receiver by c_i·S_j, and Markov PCEs giving up
     * after 1000 steps. Default false. KTAB `smp.cpp`, `SMPState::doBCN`; `kmodel.cpp`.
     */
    ktabCompat: z
      .boolean()
      .default(false)
      .describe(
        "Reproduce KTAB's quirks in InitRcvrInterp/PWCompInterp and Markov PCE (default false).",
      ),
  })
  .strict();

export type SmpOptions = z.infer<typeof SMP_OPTIONS>;

export const SMP_DEFAULTS: SmpOptions = SMP_OPTIONS.parse({});
