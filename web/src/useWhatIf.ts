/** Runs the what-if engine (a Web Worker) on every change of the draft; keeps the latest answer. */
import { useEffect, useRef, useState } from 'react';
import type { ForecastResult } from '../../src/analysis/forecast.ts';
import type { Problem } from '../../src/core/errors.ts';
import type { WhatIfReply, WhatIfRequest } from './whatif-types.ts';

export interface WhatIf {
  /** The last valid result (kept while the draft is invalid, so the pictures do not vanish). */
  result: ForecastResult | null;
  problems: Problem[];
  error: string | null;
  /** Worker time of the last answer: validation + every model. */
  ms: number | null;
  busy: boolean;
}

export function useWhatIf(draft: unknown): WhatIf {
  const worker = useRef<Worker | null>(null);
  const next = useRef(0);
  const [state, setState] = useState<WhatIf>({
    result: null,
    problems: [],
    error: null,
    ms: null,
    busy: false,
  });

  useEffect(() => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (ev: MessageEvent<WhatIfReply>) => {
      const r = ev.data;
      if (r.kind === 'superseded' || r.id !== next.current) return;
      setState((s) =>
        r.kind === 'result'
          ? { result: r.result, problems: [], error: null, ms: r.ms, busy: false }
          : r.kind === 'invalid'
            ? { ...s, problems: r.problems, error: null, ms: r.ms, busy: false }
            : { ...s, problems: [], error: r.message, ms: r.ms, busy: false },
      );
    };
    return () => w.terminate();
  }, []);

  useEffect(() => {
    if (!worker.current || draft === null) return;
    const req: WhatIfRequest = { id: ++next.current, scenario: draft };
    setState((s) => ({ ...s, busy: true }));
    worker.current.postMessage(req);
  }, [draft]);

  return state;
}
