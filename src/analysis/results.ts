/**
 * Every kind of result Entente produces, as one union (the header is `core/result.ts`): what the
 * CLI prints with `--json`, the server stores as a run's result and the reports read. Narrow on
 * `kind` (and `method` for sensitivity).
 */
import type { CoalitionsResult } from '../coalitions/coalitions-result.ts';
import type { CommitmentResult } from '../coalitions/commitment/commitment-result.ts';
import type { PowerResult } from '../coalitions/power/power-result.ts';
import type { SidesCommandResult } from '../coalitions/sides/sides-result.ts';
import type { BacktestResult } from './backtest/backtest.ts';
import type { CompareResult } from './compare.ts';
import type { ForecastResult } from './forecast.ts';
import type { JoinParameters } from './joins/parameters.ts';
import type { LeversResult } from './levers/levers.ts';
import type { MonteCarloResult } from './monte-carlo/summarize.ts';
import type { SobolResult } from './sensitivity/sobol.ts';
import type { TornadoResult } from './sensitivity/tornado.ts';

export type AnyResult =
  | ForecastResult
  | CompareResult
  | MonteCarloResult
  | TornadoResult
  | SobolResult
  | LeversResult
  | BacktestResult
  | JoinParameters
  | CommitmentResult
  | CoalitionsResult
  | SidesCommandResult
  | PowerResult;

/** Every result's `kind`. */
export type ResultKind = AnyResult['kind'];
