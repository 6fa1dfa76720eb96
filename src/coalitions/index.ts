/** Coalition analytics: the public surface (docs/coalitions.md). Re-exports only. */
export { banzhaf, banzhafSwings, type BanzhafResult } from './power/banzhaf.ts';
export { shapleyShubik, type ShapleyShubikResult } from './power/shapley-shubik.ts';
export { shapleyValue, weightedGameTable } from './power/shapley-value.ts';
export { integerWeights, DEFAULT_RESOLUTION } from './power/integer-weights.ts';
export { issuePower, type IssuePower, type PowerOptions } from './power/issue-power.ts';
export { type WeightedGame, weightedGameProblem, isProper } from './power/weighted-game.ts';
export {
  explicitPowerResult,
  scenarioPowerResult,
  type PowerResult,
} from './power/power-result.ts';
export {
  compileCoalition,
  scenarioCoalitionSpec,
  type CoalitionInput,
  type CoalitionSpec,
} from './coalition-input.ts';
export { chooseSides, type SideChoice, type SidesResult } from './sides/choose-sides.ts';
export { sidesProbabilities } from './sides/sides-monte-carlo.ts';
export { sidesResult, type SidesCommandResult } from './sides/sides-result.ts';
export { ckmeans } from './blocs/ckmeans.ts';
export { positionBlocs, silhouetteStrength } from './blocs/position-blocs.ts';
export { louvain, modularity } from './blocs/louvain.ts';
export { compromiseGraph } from './blocs/compromise-graph.ts';
export { blocsByRound, type RoundBlocs } from './blocs/blocs-by-round.ts';
export { coalitionGame, type CoalitionGame } from './stability/coalition-game.ts';
export {
  analyseStability,
  predictedCoalition,
  type StabilityTable,
} from './stability/stability.ts';
export { optimalCoalitionStructure, valueTable } from './stability/coalition-structure.ts';
export { coalitionReport, type CoalitionReport } from './coalition-report.ts';
export { coalitionsResult, type CoalitionsResult } from './coalitions-result.ts';
export { forEachDraw } from './for-each-draw.ts';
