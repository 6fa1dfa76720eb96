/**
 * KTAB's `<ModelParameters>` element names and values (`ktab-vocabulary.ts`), mapped to and from
 * the parameter names our SMP's options use.
 * Values are read case-insensitively with KTAB's enum spellings as aliases (e.g. `Proportional`,
 * `ConditionalPCM`, `DeterminsticSTM`). Source: KTAB `smp.cpp`, `SMPModel::readXML`; `smp.h` and
 * `kmodel.h` for the enums.
 */
import {
  type KtabModelParameters,
  BARGAIN_MODELS,
  BIG_R_ADJUSTS,
  BIG_R_RANGES,
  INTER_VEC_BRGNS,
  PCE_MODELS,
  THIRD_PARTY_COMMITS,
  TRANSITIONS,
  VICTORY_PROB_MODELS,
  VOTING_RULES,
} from './ktab-vocabulary.ts';

type ParamKey = keyof KtabModelParameters;

export interface KtabParameter {
  /** The XML element name under `<ModelParameters>`. */
  readonly element: string;
  readonly option: ParamKey;
  readonly values: readonly string[];
  /** Extra spellings accepted on reading (lower-case alias → value). */
  readonly aliases: Readonly<Record<string, string>>;
  /** How KTAB writes each value, when not the value itself. */
  readonly written: Readonly<Record<string, string>>;
}

/** In the order KTAB writes them. */
export const KTAB_PARAMETERS: readonly KtabParameter[] = [
  {
    element: 'VictoryProbModel',
    option: 'victoryProb',
    values: VICTORY_PROB_MODELS,
    aliases: {},
    written: {},
  },
  {
    element: 'ProbCondorcetElection',
    option: 'pce',
    values: PCE_MODELS,
    aliases: {
      conditionalpcm: 'Conditional',
      markovipcm: 'MarkovIncentive',
      markovupcm: 'MarkovUniform',
    },
    written: {},
  },
  {
    element: 'StateTransitions',
    option: 'transition',
    values: TRANSITIONS,
    aliases: {
      deterministicstm: 'Deterministic',
      determinsticstm: 'Deterministic',
      stochasticstm: 'Stochastic',
    },
    written: {},
  },
  {
    element: 'VotingRule',
    option: 'votingRule',
    values: VOTING_RULES,
    aliases: { proportional: 'Prop' },
    written: { Prop: 'Proportional' },
  },
  {
    element: 'BigRAdjust',
    option: 'bigRAdjust',
    values: BIG_R_ADJUSTS,
    aliases: {
      noradjust: 'None',
      onethirdradjust: 'OneThird',
      halfradjust: 'Half',
      twothirdsradjust: 'TwoThirds',
      fullradjust: 'Full',
    },
    written: {},
  },
  {
    element: 'BigRRange',
    option: 'bigRRange',
    values: BIG_R_RANGES,
    aliases: { minrange: 'Min', midrange: 'Mid', maxrange: 'Max' },
    written: {},
  },
  {
    element: 'ThirdPartyCommit',
    option: 'thirdPartyCommit',
    values: THIRD_PARTY_COMMITS,
    aliases: {},
    written: {},
  },
  {
    element: 'InterVecBrgn',
    option: 'interVecBrgn',
    values: INTER_VEC_BRGNS,
    aliases: {},
    written: {},
  },
  {
    element: 'BargnModel',
    option: 'bargainModel',
    values: BARGAIN_MODELS,
    aliases: {},
    written: {},
  },
];

/** The option value for a KTAB spelling, or undefined when it is not one. */
export function readParameter(p: KtabParameter, raw: string): string | undefined {
  const key = raw.trim().toLowerCase();
  return p.values.find((v) => v.toLowerCase() === key) ?? p.aliases[key];
}

/** KTAB's spelling of an option value. */
export function writeParameter(p: KtabParameter, value: string): string {
  return p.written[value] ?? value;
}
