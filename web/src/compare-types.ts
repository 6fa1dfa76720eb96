import type { CompareResult } from '../../src/analysis/compare.ts';

export interface CompareRequest {
  readonly id: number;
  readonly scenario: unknown;
  /** Variant ids, in order. */
  readonly variants: readonly string[];
  readonly seed?: number;
}

export type CompareReply =
  | { id: number; kind: 'result'; result: CompareResult; ms: number }
  | { id: number; kind: 'error'; message: string; ms: number }
  | { id: number; kind: 'superseded' };
