import type { ForecastResult } from '../../src/analysis/forecast.ts';
import type { Headline } from '../../src/analysis/headline.ts';
import type { Problem } from '../../src/core/errors.ts';

export interface WhatIfRequest {
  readonly id: number;
  readonly scenario: unknown;
  /** Model ids; default every registered model. */
  readonly models?: readonly string[];
  readonly seed?: number;
  /** Draws of the commitment terms behind the coalition answer (0: the point answer only). */
  readonly coalitionDraws?: number;
}

export type WhatIfReply =
  | {
      id: number;
      kind: 'result';
      result: ForecastResult;
      /** The answer in short (src/analysis/headline.ts), as the CLI and the reports say it. */
      headline: Headline;
      /** Allowed but worth saying: values outside their evidence range (never blocking). */
      warnings: Problem[];
      ms: number;
    }
  | { id: number; kind: 'invalid'; problems: Problem[]; ms: number }
  | { id: number; kind: 'error'; message: string; warnings: Problem[]; ms: number }
  | { id: number; kind: 'superseded' };
