/**
 * Compares the draft's base with the chosen variants in a Web Worker (compare-worker.ts) on
 * every change of either; keeps the latest answer. Starts the worker only when first needed.
 */
import { useEffect, useRef, useState } from 'react';
import type { CompareResult } from '../../src/analysis/compare.ts';
import type { CompareReply, CompareRequest } from './compare-types.ts';

export interface Comparison {
  result: CompareResult | null;
  error: string | null;
  busy: boolean;
  /** Worker time of the last answer (ms). */
  ms: number | null;
}

export function useCompare(draft: unknown, variants: readonly string[]): Comparison {
  const worker = useRef<Worker | null>(null);
  const next = useRef(0);
  const [state, setState] = useState<Comparison>({
    result: null,
    error: null,
    busy: false,
    ms: null,
  });

  useEffect(() => {
    const w = new Worker(new URL('./compare-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (ev: MessageEvent<CompareReply>) => {
      const r = ev.data;
      if (r.kind === 'superseded' || r.id !== next.current) return;
      setState((s) =>
        r.kind === 'result'
          ? { result: r.result, error: null, busy: false, ms: r.ms }
          : { ...s, error: r.message, busy: false, ms: r.ms },
      );
    };
    return () => w.terminate();
  }, []);

  const key = variants.join('\u0000');
  useEffect(() => {
    if (!worker.current || draft === null) return;
    const req: CompareRequest = { id: ++next.current, scenario: draft, variants: [...variants] };
    setState((s) => ({ ...s, busy: true }));
    worker.current.postMessage(req);
    // `key` stands for `variants` (a new array each render).
  }, [draft, key]);

  return state;
}
