/**
 * The workbench in a real browser: Playwright (playwright-core) drives Debian's Chromium, started
 * headless here, against the built UI served by the API in this process. It opens the built-in
 * scenario, changes South Korea's government salience, runs, sees the forecast change, and
 * exports a PDF whose first page renders (pdftoppm). Skipped, with the reason printed, when
 * /usr/bin/chromium is absent.
 */
import { spawnSync } from 'node:child_process';
import { createHash as nodeHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtWebDir } from './support/web-build.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../src/report/scenario-report/print-pdf.ts';
import { createServer, type Server } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';
import { createHash } from '../web/src/shims/node-crypto.ts';

describe('the browser build of the shared code', () => {
  it('hashes scenarios as the CLI does (the SHA-256 that stands in for node:crypto)', () => {
    for (const text of [
      '',
      'abc',
      'x'.repeat(55),
      'y'.repeat(56),
      'z'.repeat(1000),
      '대한민국 ✓ “quotes”',
    ]) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(
        nodeHash('sha256').update(text).digest('hex'),
      );
    }
  });
});

const CHROMIUM = chromiumPath();
const skipReason = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} is absent (Debian: apt-get install -y chromium)`;
if (skipReason) console.log(`[browser] SKIPPING the browser tests: ${skipReason}`);
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;

describe.skipIf(skipReason !== null)('the workbench in Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'entente-browser-'));
  let store: Store;
  let server: Server;
  let http: { close(cb?: () => void): void } | null = null;
  let base = '';
  // playwright-core types, loaded lazily so the suite imports nothing when skipped.
  let context: import('playwright-core').BrowserContext;
  let page: import('playwright-core').Page;

  beforeAll(async () => {
    const webDir = await builtWebDir();
    store = await openSqliteStore(join(tmp, 'e.db'));
    server = createServer({ store, webDir });
    const { serve } = await import('@hono/node-server');
    base = await new Promise<string>((resolve) => {
      http = serve(
        { fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' },
        (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`),
      );
    });
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      viewport: { width: 1400, height: 1000 },
    });
    page = await context.newPage();
    page.on('pageerror', (e) => console.log(`[browser] page error: ${e.message}`));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
    await server?.close();
    await store?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const forecasts = async (prefix: string) => {
    const cells = page.locator(`[data-testid^="${prefix}-usfk-flexibility-"]`);
    await cells.first().waitFor();
    const out: Record<string, string> = {};
    for (let i = 0; i < (await cells.count()); i++) {
      const id = (await cells.nth(i).getAttribute('data-testid')) ?? '';
      out[id.slice(`${prefix}-usfk-flexibility-`.length)] =
        (await cells.nth(i).textContent()) ?? '';
    }
    return out;
  };

  it('opens the built-in scenario, changes South Korea’s salience on USFK flexibility, runs and sees the forecast change', async () => {
    await page.goto(base);
    await page.getByTestId('builtin-east-asia-coalition-2025').click();
    await expect
      .poll(() => page.getByTestId('doc-title').textContent())
      .toMatch(/coalition in East Asia/);
    // A scenario opens on its dashboard; the what-if sits beside the editor.
    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.getByTestId('whatif-usfk-flexibility-smp').waitFor();

    await page.getByTestId('run').click();
    await expect
      .poll(() => page.getByTestId('status').textContent(), { timeout: 30_000 })
      .toMatch(/forecast done/);
    const before = await forecasts('forecast');
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['mean', 'median', 'nash', 'smp']));

    await page.getByRole('tab', { name: 'Editor' }).click();
    const cell = page.getByTestId('cell-korea-gov-usfk-flexibility-salience');
    expect(await cell.inputValue()).toBe('60');
    const whatIfBefore = await page.getByTestId('whatif-usfk-flexibility-smp').textContent();
    await cell.fill('65'); // within its evidence range, 50-70
    // The what-if (models in the browser's Web Worker) follows the edit before any run.
    await expect
      .poll(() => page.getByTestId('whatif-usfk-flexibility-smp').textContent())
      .not.toBe(whatIfBefore);
    const ms = Number(await page.getByTestId('whatif-ms').textContent());
    console.log(`[browser] what-if latency after the edit: ${ms.toFixed(1)} ms (all point models)`);

    await page.getByTestId('run').click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Results' }).getAttribute('aria-selected'), {
        timeout: 30_000,
      })
      .toBe('true');
    await expect.poll(async () => (await forecasts('forecast')).smp).not.toBe(before.smp);
    const after = await forecasts('forecast');
    expect(after).not.toEqual(before);
    // The what-if and the server agree (same code, same numbers).
    await page.getByRole('tab', { name: 'Editor' }).click();
    expect((await forecasts('whatif')).smp).toBe(after.smp);

    const runs = await store.listRuns();
    expect(runs).toHaveLength(2);
    expect(runs[0]!.inputsHash).not.toBe(runs[1]!.inputsHash);
  });

  it('validates as you type and marks the cell', async () => {
    await page.getByRole('tab', { name: 'Editor' }).click();
    const cell = page.getByTestId('cell-korea-gov-usfk-flexibility-salience');
    await cell.fill('abc');
    await expect
      .poll(() => page.getByTestId('problems').textContent())
      .toContain('actors[4].stances.usfk-flexibility.salience');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    await cell.fill('65');
    await page.getByTestId('valid').waitFor();
  });

  it('is keyboard accessible: the view tabs move with the arrow keys', async () => {
    await page.getByRole('tab', { name: 'Editor' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Results' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Results');
  });

  it('exports a PDF report whose first page renders', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-pdf').click();
    const file = join(tmp, 'report.pdf');
    await (await download).saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    if (!hasPdftoppm) {
      console.log(
        '[browser] pdftoppm is absent (apt-get install -y poppler-utils): the first page was not rendered',
      );
      return;
    }
    const r = spawnSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(tmp, 'page1'),
    ]);
    expect(r.status).toBe(0);
    expect(statSync(join(tmp, 'page1.png')).size).toBeGreaterThan(5000);
  }, 90_000);
});
