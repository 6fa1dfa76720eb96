/** What the routes share: the store, the job runner, the clock and the PDF printer. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Executor } from '../executors/executor.ts';
import type { Store } from '../store/store.ts';
import type { Jobs } from './jobs.ts';
import type { TextParser } from './scenario-source.ts';

export interface ServerDeps {
  readonly store: Store;
  readonly jobs: Jobs;
  readonly now: () => Date;
  /** Where forecasts inside a request run (the worker pool under `entente serve`). */
  readonly quick: Executor;
  /** Parses scenario texts: large ones on the worker pool (`textParser`). */
  readonly parse: TextParser;
  /** HTML → PDF (Chromium). Tests may swap it. */
  readonly printPdf: (html: string) => Promise<Uint8Array>;
}

export type App = OpenAPIHono;
