import type { ForecastResult } from '../../src/analysis/forecast.ts';
import type { Problem } from '../../src/core/errors.ts';

export interface WhatIfRequest {
  readonly id: number;
  readonly scenario: unknown;
  /** Model ids; default every registered model. */
  readonly models?: readonly string[];
  readonly seed?: number;
}

export type WhatIfReply =
  | { id: number; kind: 'result'; result: ForecastResult; ms: number }
  | { id: number; kind: 'invalid'; problems: Problem[]; ms: number }
  | { id: number; kind: 'error'; message: string; ms: number }
  | { id: number; kind: 'superseded' };
