/**
 * A workbench for browser tests: the web UI built with Vite (once for all tests: web-build.ts), served with a
 * fresh SQLite store on a free loopback port, and Debian's Chromium through playwright-core.
 * `skipReason` is non-null (and printed) when /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/report/scenario-report/print-pdf.ts';
import { createServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/store.ts';
import { builtWebDir } from './web-build.ts';

export type Page = import('playwright-core').Page;
export type Browser = import('playwright-core').Browser;

export const ROOT = join(import.meta.dirname, '..', '..');
export interface Viewport {
  width: number;
  height: number;
}
export const DESKTOP: Viewport = { width: 1440, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

export function chromiumSkipReason(tag: string): string | null {
  const chromium = chromiumPath();
  const reason = existsSync(chromium)
    ? null
    : `${chromium} is absent (Debian: apt-get install -y chromium)`;
  if (reason) console.log(`[${tag}] SKIPPING: ${reason}`);
  return reason;
}

export interface Workbench {
  base: string;
  browser: Browser;
  /** The server's store, for checking what the UI saved. */
  store: Store;
  /** A page in a fresh context (downloads accepted); page errors go to `onError` (or the log). */
  newPage(
    viewport?: { width: number; height: number },
    onError?: (message: string) => void,
  ): Promise<Page>;
  close(): Promise<void>;
}

/** How far the page scrolls sideways (its content is wider than the window when > 0). */
export const overflowX = (page: Page) =>
  // A string, so this Node-side file needs no DOM types.
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

export async function startWorkbench(tag: string): Promise<Workbench> {
  const tmp = mkdtempSync(join(tmpdir(), `entente-${tag}-`));
  const webDir = await builtWebDir();
  const store = await openSqliteStore(join(tmp, 'e.db'));
  const server = createServer({ store, webDir });
  const { serve } = await import('@hono/node-server');
  let http: { close(cb?: () => void): void } | undefined;
  const base = await new Promise<string>((resolve) => {
    http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    store,
    async newPage(viewport = DESKTOP, onError) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      page.on('pageerror', (e) =>
        onError ? onError(e.message) : console.log(`[${tag}] page error: ${e.message}`),
      );
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
      await server.close();
      await store.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * axe-core's serious and critical violations on the page as it is now, one line each (rule,
 * impact, help, the first three nodes), prefixed by `where` (e.g. "390px editor").
 */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
