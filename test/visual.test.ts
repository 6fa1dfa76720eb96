/**
 * Screenshot snapshots of the workbench (issue 16), checked into test/visual/ and compared on
 * every run with a small tolerance (test/support/png-diff.ts): the dashboard, the editor and the
 * results of the built-in scenario at 1440×900 and on a 390×844 phone. Timings (the what-if's
 * "in 23.4 ms") are masked. A change that moves the layout fails here; when it is intended, look
 * at the new pictures and rewrite them with `ENTENTE_UPDATE_SNAPSHOTS=1 npx vitest run
 * test/visual.test.ts`. Skipped when /usr/bin/chromium is absent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entente } from './support/cli.ts';
import { compareSnapshot } from './support/png-diff.ts';
import {
  chromiumSkipReason,
  DESKTOP,
  overflowX,
  PHONE,
  type Page,
  startWorkbench,
  type Workbench,
} from './support/workbench.ts';

const DIR = join(import.meta.dirname, 'visual');
const BUILTIN = 'east-asia-coalition-2025';
const skipReason = chromiumSkipReason('visual');

describe.skipIf(skipReason !== null)('workbench screenshots match the committed ones', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await startWorkbench('visual');
  }, 180_000);
  afterAll(async () => {
    await wb?.close();
  });

  const open = async (viewport: { width: number; height: number }): Promise<Page> => {
    const page = await wb.newPage(viewport);
    await page.goto(wb.base);
    await page.getByTestId(`builtin-${BUILTIN}`).click();
    await page.getByTestId('headline').waitFor({ timeout: 30_000 });
    return page;
  };
  const snap = async (page: Page, name: string) => {
    // Let the what-if settle and fonts load; the timings vary from run to run.
    await page.waitForFunction('document.fonts.status === "loaded"');
    await page.waitForTimeout(300);
    const png = await page.screenshot({
      animations: 'disabled',
      caret: 'hide',
      mask: [page.locator('[data-timing]')],
    });
    const r = compareSnapshot(DIR, name, png);
    console.log(`[visual] ${r.message}`);
    expect.soft(r.ok, r.message).toBe(true);
  };

  for (const [label, viewport] of [
    ['1440x900', DESKTOP],
    ['390x844', PHONE],
  ] as const) {
    it(`dashboard, editor and results at ${label}`, async () => {
      const page = await open(viewport);
      await snap(page, `dashboard-${label}`);
      await page.getByRole('tab', { name: 'Editor' }).click();
      await page.getByTestId('legend').waitFor();
      await snap(page, `editor-${label}`);
      await page.getByRole('tab', { name: 'Results' }).click();
      await page.locator('figure svg, .plot svg, svg').first().waitFor();
      await snap(page, `results-${label}`);
      await page.context().close();
    }, 120_000);
  }

  it('the HTML report of the built-in never scrolls sideways at 390 or 1440 px (wide content scrolls in its box, long quotes wrap)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-report-fit-'));
    try {
      const file = join(dir, 'report.html');
      const r = await entente('report', '--format', 'html', '--out', file);
      expect(r.code, r.err).toBe(0);
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await wb.newPage(viewport);
        await page.goto(`file://${file}`);
        expect(await overflowX(page), `${viewport.width} px`).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
