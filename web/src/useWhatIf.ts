/** Runs the what-if engine (a Web Worker) on every change of the draft; keeps the latest answer. */
import { useEffect, useRef, useState } from 'react';
import type { ForecastResult } from '../../src/analysis/forecast.ts';
import type { Headline } from '../../src/analysis/headline.ts';
import type { Problem } from '../../src/core/errors.ts';
import type { WhatIfReply, WhatIfRequest } from './whatif-types.ts';

export interface WhatIf {
  /** The last valid result (kept while the draft is invalid, so the pictures do not vanish). */
  result: ForecastResult | null;
  headline: Headline | null;
  /** True when `result` is not the current draft's (the draft is invalid or the models failed). */
  stale: boolean;
  problems: Problem[];
  /** Values outside their evidence range: shown, never blocking. */
  warnings: Problem[];
  error: string | null;
  /** Worker time of the last answer: validation + every model + the coalition answer. */
  ms: number | null;
  busy: boolean;
  /** Wall time from the edit to the answer arriving in the page (ms), for the benchmark. */
  lagMs: number | null;
  /** The number of the edit this answer is for (rises with every answer shown). */
  seq: number;
}

const EMPTY: WhatIf = {
  result: null,
  headline: null,
  stale: false,
  problems: [],
  warnings: [],
  error: null,
  ms: null,
  busy: false,
  lagMs: null,
  seq: 0,
};

export function useWhatIf(draft: unknown): WhatIf {
  const worker = useRef<Worker | null>(null);
  const next = useRef(0);
  const sentAt = useRef(0);
  const [state, setState] = useState<WhatIf>(EMPTY);

  useEffect(() => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (ev: MessageEvent<WhatIfReply>) => {
      const r = ev.data;
      if (r.kind === 'superseded' || r.id !== next.current) return;
      const lagMs = performance.now() - sentAt.current;
      setState((s) =>
        r.kind === 'result'
          ? {
              result: r.result,
              headline: r.headline,
              stale: false,
              problems: [],
              warnings: r.warnings,
              error: null,
              ms: r.ms,
              busy: false,
              lagMs,
              seq: r.id,
            }
          : r.kind === 'invalid'
            ? {
                ...s,
                stale: true,
                problems: r.problems,
                error: null,
                ms: r.ms,
                busy: false,
                lagMs,
                seq: r.id,
              }
            : {
                ...s,
                stale: true,
                problems: [],
                warnings: r.warnings,
                error: r.message,
                ms: r.ms,
                busy: false,
                lagMs,
                seq: r.id,
              },
      );
    };
    return () => w.terminate();
  }, []);

  useEffect(() => {
    if (!worker.current) return;
    if (draft === null) {
      setState(EMPTY);
      return;
    }
    const req: WhatIfRequest = { id: ++next.current, scenario: draft };
    sentAt.current = performance.now();
    setState((s) => ({ ...s, busy: true }));
    worker.current.postMessage(req);
  }, [draft]);

  return state;
}
