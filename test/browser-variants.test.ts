/**
 * The Variants view (issue 16, part 3) in Debian's Chromium through playwright-core, at 1440×900
 * and 390×844: pick variants, see their columns beside the base with every number equal to
 * `compareScenarios`'s (the code of `entente compare`, run here in Node with the CLI's defaults),
 * the differences marked, the inputs each variant changes; the Report follows the pick; no
 * horizontal page overflow on the phone (the tables scroll inside their card); axe-core finds no
 * serious or critical violation. Screenshots go to ENTENTE_SCREENSHOTS when set. Skipped, with
 * the reason printed, when /usr/bin/chromium is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumSkipReason,
  DESKTOP,
  overflowX,
  type Page,
  PHONE,
  resizeTo,
  screenshot,
  SHOTS_DIR,
  seriousViolations,
  startWorkbench,
  type Workbench,
} from './support/workbench.ts';
import { compareScenarios } from '../src/analysis/compare.ts';
import { compareInputs } from '../src/analysis/compare-inputs.ts';
import { COALITION_DRAWS } from '../src/analysis/forecast.ts';
import { DEFAULT_SEED } from '../src/core/rng.ts';
import { parseScenarioText } from '../src/formats/scenario-file.ts';
import { defaultModelIds, getModel } from '../src/models/registry.ts';
import { compareRows, inputChangeRows } from '../src/report/compare-rows.ts';

const ROOT = join(import.meta.dirname, '..');
const BUILTIN = 'east-asia-coalition-2025';

const skipReason = chromiumSkipReason('browser-variants');

/** `entente compare --variants …` with its defaults, in Node. */
function expected(variants: string[]) {
  const scenario = parseScenarioText(
    readFileSync(join(ROOT, 'scenarios', `${BUILTIN}.yaml`), 'utf8'),
  );
  return compareScenarios(compareInputs(scenario, { variants }), {
    models: defaultModelIds().map((id) => ({
      model: getModel(id),
      options: { ...getModel(id).defaults },
    })),
    seed: DEFAULT_SEED,
    draws: 0,
    commitmentDraws: COALITION_DRAWS,
  });
}

describe.skipIf(skipReason !== null)('the Variants view in Chromium', () => {
  let wb: Workbench;
  let base = '';
  beforeAll(async () => {
    wb = await startWorkbench('browser-variants');
    base = wb.base;
  }, 180_000);
  afterAll(async () => {
    await wb?.close();
  });

  const newPage = (viewport = DESKTOP): Promise<Page> => wb.newPage(viewport);
  const shot = (page: Page, name: string, fullPage = false) => screenshot(page, name, { fullPage });
  /** Opens the built-in on its Variants view and picks exactly `ids`. */
  const openVariants = async (page: Page, ids: string[]) => {
    await page.goto(base);
    await page.getByTestId(`builtin-${BUILTIN}`).click();
    await page.getByTestId('headline').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: /^Variants/ }).click();
    await page.getByTestId('variants').waitFor();
    await page.getByRole('button', { name: 'None', exact: true }).click();
    for (const id of ids) await page.getByTestId(`pick-${id}`).check();
    // The columns follow the scenario's order, whatever the order of picking.
    await waitForColumns(page, inOrder(ids));
  };
  const waitForColumns = async (page: Page, ids: string[]) => {
    await expect
      .poll(
        () =>
          page.evaluate<(string | null)[]>(
            `[...document.querySelectorAll('[data-testid="compare-table"] thead th[data-col]')].map((th) => th.getAttribute('data-col'))`,
          ),
        { timeout: 30_000 },
      )
      .toEqual(ids);
  };
  /** Every row on screen: label → [base, variant value, Δ, …] as shown. */
  const screenRows = (page: Page) =>
    page.evaluate<
      {
        row: string;
        cells: { col: string | null; kind: string | null; text: string; changed: string | null }[];
      }[]
    >(`[...document.querySelectorAll('[data-testid="compare-table"] tbody tr[data-row]')].map((tr) => ({
        row: tr.getAttribute('data-row'),
        cells: [...tr.querySelectorAll('td')].map((td) => ({
          col: td.getAttribute('data-col'),
          kind: td.getAttribute('data-kind'),
          text: (td.firstChild?.textContent ?? '').trim(),
          changed: td.getAttribute('data-changed'),
        })),
      }))`);

  it('pick a variant: its column equals entente compare’s, the differences are marked (1440×900)', async () => {
    const page = await newPage();
    const picked = ['usfk-drawdown'];
    await openVariants(page, picked);
    const want = expected(picked);
    const rows = compareRows(want);
    const seen = await screenRows(page);
    expect(seen.map((r) => r.row)).toEqual(rows.map((r) => `${r.group} — ${r.label}`));
    seen.forEach((r, i) => {
      const w = rows[i]!;
      expect(r.cells[0]).toMatchObject({ col: 'base', kind: 'value', text: w.cells[0]!.text });
      expect(r.cells[1]).toMatchObject({
        col: 'usfk-drawdown',
        kind: 'value',
        text: w.cells[1]!.text,
        changed: w.cells[1]!.changed ? 'yes' : 'no',
      });
      expect(r.cells[2]).toMatchObject({ kind: 'delta', text: w.cells[1]!.delta ?? '' });
    });
    // A raw number: the mean's forecast on the issue, which the drawdown moves.
    const issue = want.issues[0]!.id;
    const col = want.columns[1]!;
    const meanRow = seen.find((r) => r.row.endsWith(`${getModel('mean').name}: forecast`))!;
    expect(meanRow.cells[1]!.text).toBe(col.issues[issue]!.forecasts.mean!.toFixed(1));
    expect(meanRow.cells[1]!.changed).toBe('yes');
    const d = col.diff!.issues[issue]!.forecasts.mean!;
    expect(meanRow.cells[2]!.text).toBe(`${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)}`);
    // The inputs the variant changes: path, base → variant, rationale, evidence.
    const inputs = (await page.getByTestId('inputs-usfk-drawdown').textContent()) ?? '';
    for (const x of inputChangeRows(col)) {
      expect(inputs).toContain(x.path);
      expect(inputs).toContain(x.base);
      expect(inputs).toContain(x.variant);
      expect(inputs).toContain(x.note!);
      for (const id of x.evidence) expect(inputs).toContain(id);
    }
    // The headline lines the variant changes are listed under it.
    expect(await page.getByTestId('headline-usfk-drawdown').locator('li.changed').count()).toBe(
      col.headline.filter((l) => !want.columns[0]!.headline.includes(l)).length,
    );
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await shot(page, 'variants-1440');

    // A second variant: its column joins, still equal to compare's.
    await page.getByTestId('pick-us-credibility-shock').check();
    // Listed in the scenario's order, whatever the order they were picked in.
    const two = inOrder(['usfk-drawdown', 'us-credibility-shock']);
    await waitForColumns(page, two);
    const rows2 = compareRows(expected(two));
    const seen2 = await screenRows(page);
    expect(seen2.map((r) => r.cells.map((c) => c.text))).toEqual(
      rows2.map((r) => [r.cells[0]!.text, ...r.cells.slice(1).flatMap((c) => [c.text, c.delta])]),
    );
    await shot(page, 'variants-two-1440', true);
    // The two cards an analyst reads, each whole.
    await screenshot(page, 'variants-two-side-1440', {
      selector: 'section[aria-labelledby="var-side"]',
    });
    await screenshot(page, 'variants-two-inputs-1440', {
      selector: 'section[aria-labelledby="var-inputs"]',
    });

    // The Markdown report has the Variants section with the two picked, and only those.
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Markdown' }).click();
    const md = readFileSync(await (await download).path(), 'utf8');
    expect(md).toContain('## Variants');
    expect(md).toContain(`--variants ${two.join(',')}`);
    expect(md).not.toMatch(/\*\*Chinese trade coercion\*\*/);
    await page.context().close();
  }, 180_000);

  it('on a 390×844 phone: no page overflow, the table scrolls inside its card', async () => {
    const page = await newPage(PHONE);
    await openVariants(page, ['usfk-drawdown', 'japan-china-crisis']);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const scrolls = await page.evaluate<string | false>(
      `(() => { const el = document.querySelector('[data-testid="compare-table"]').parentElement; return el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX; })()`,
    );
    expect(scrolls).toBe('auto');
    for (const card of ['var-pick', 'var-head', 'var-inputs'])
      await screenshot(page, `variants-390-${card}`, {
        selector: `section[aria-labelledby="${card}"]`,
      });
    if (SHOTS_DIR) {
      // For the screenshot only: the table in view, the smooth scroll over.
      await page.getByTestId('compare-table').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await shot(page, 'variants-390');
    }
    await page.context().close();
  }, 120_000);

  it('a scenario without variants explains what they are', async () => {
    const page = await newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByTestId('headline').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Variants (0)' }).click();
    expect(await page.getByTestId('no-variants').textContent()).toMatch(/variants:/);
    await page.context().close();
  }, 60_000);

  it('axe-core finds no serious or critical violation on the Variants view, at both sizes', async () => {
    // One page, resized between the two scans (resizeTo: the DOM of a page opened at 390×844).
    const found: string[] = [];
    const page = await newPage(DESKTOP);
    await openVariants(page, ['usfk-drawdown', 'north-korean-provocation']);
    found.push(...(await seriousViolations(page, `${DESKTOP.width}px`)));
    await resizeTo(page, PHONE);
    found.push(...(await seriousViolations(page, `${PHONE.width}px`)));
    await page.context().close();
    expect(found).toEqual([]);
  }, 180_000);
});

/** `ids` in the built-in's order of variants (the view's and the report's order). */
function inOrder(ids: string[]): string[] {
  const scenario = parseScenarioText(
    readFileSync(join(ROOT, 'scenarios', `${BUILTIN}.yaml`), 'utf8'),
  );
  return (scenario.variants ?? []).map((v) => v.id).filter((id) => ids.includes(id));
}
