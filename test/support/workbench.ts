/**
 * A workbench for browser tests: the web UI built with Vite (once for all tests: web-build.ts), served with a
 * fresh SQLite store on a free loopback port, and Debian's Chromium through playwright-core.
 * `skipReason` is non-null (and printed) when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Where screenshots go: `ENTENTE_SCREENSHOTS` (created on first use), or nowhere. */
export const SHOTS_DIR = process.env.ENTENTE_SCREENSHOTS;

/**
 * Writes `NAME.png` into `ENTENTE_SCREENSHOTS` when it is set (nothing otherwise): the page, the
 * whole page with `fullPage`, or the first element matching `selector`.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; selector?: string } = {},
): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  if (options.selector) await page.locator(options.selector).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: options.fullPage ?? false });
}

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
 * Gives the page a new viewport and waits until every chart is redrawn at its figure's new width
 * (PlotView redraws on a ResizeObserver, a render later): a chart whose figure changed width is
 * waited for until its svg is a new one. The app's layout at a width is CSS and those charts
 * only, so a page resized to 390×844 has the DOM of one opened at 390×844: compared on each view
 * the axe scans use (welcome, dashboard, the Editor with the evidence editor open, Results of
 * both built-ins, Variants, API docs), the same markup and the same axe violations. A scan at
 * both sizes so costs one page, not two.
 */
export async function resizeTo(page: Page, viewport: Viewport): Promise<void> {
  const charts = await page.evaluate<number>(`(() => {
    const figures = document.querySelectorAll('figure.plot');
    for (const f of figures) {
      const svg = [...f.querySelectorAll('svg')].pop();
      if (svg) svg.dataset.drawnAt = String(Math.round(f.clientWidth));
    }
    return figures.length;
  })()`);
  await page.setViewportSize(viewport);
  if (charts === 0) return;
  // Polled with `evaluate` (not `waitForFunction`, which the app's CSP refuses: no eval).
  const redrawn = `[...document.querySelectorAll('figure.plot')].every((f) => {
    const svg = [...f.querySelectorAll('svg')].pop();
    return !svg || svg.dataset.drawnAt === undefined || Number(svg.dataset.drawnAt) === Math.round(f.clientWidth);
  })`;
  for (const end = Date.now() + 10_000; !(await page.evaluate<boolean>(redrawn));) {
    if (Date.now() > end) throw new Error(`the charts were not redrawn at ${viewport.width} px`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * axe-core's serious and critical violations on the page as it is now, one line each (rule,
 * impact, help, the first three nodes), prefixed by `where` (e.g. "390px editor").
 *
 * Every rule runs on every node, as in a default scan; two settings only skip work whose result
 * nobody reads, and cut a scan to a fifth (the Editor with the evidence editor open: 9.3 s →
 * 1.5 s on the shared 2-core machine):
 * - `resultTypes: ['violations']`: the passes, incomplete and inapplicable lists keep one node
 *   per rule instead of a CSS selector and HTML snippet for each of thousands of nodes (the
 *   violations are listed in full; this helper reads nothing else).
 * - legacy mode: `axe.run` in the page, instead of `runPartial` per frame plus `finishRun` in a
 *   new blank page fed the serialized partial results. What it gives up is cross-origin frames,
 *   and the workbench has none: a page with any frame but the main one is refused here.
 * Measured on the 20 states the browser tests scan, plus 6 violations planted in each: the
 * same violations (rule, impact, every node) as the default scan.
 */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  if (page.frames().length !== 1)
    throw new Error(`${where}: the page has frames; scan it with axe's default (non-legacy) mode`);
  const r = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
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
