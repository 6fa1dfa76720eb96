/**
 * The Results charts in Debian's Chromium through playwright-core, on the KTAB SOE built-in
 * (13 actors, two issues, the EUM's pressure network): hover shows a value tip; an actor
 * clicked in the picker, in a chart or hovered in a table row is highlighted in every chart and
 * the others dimmed, until clicked again or Escape; the network filter (threshold, actor)
 * draws fewer edges; end-of-line and plane labels never overlap, at 1440×900 and at 390×844;
 * axe-core finds no serious or critical violation on the Results view (with an actor pinned
 * too). Screenshots go to ENTENTE_SCREENSHOTS when set. Skipped, with the reason printed, when
 * /usr/bin/chromium is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumSkipReason,
  DESKTOP,
  type Page,
  PHONE,
  resizeTo,
  screenshot,
  seriousViolations,
  startWorkbench,
  type Workbench,
} from './support/workbench.ts';

const SCENARIO = 'ktab-soe-pol-comp';

const skipReason = chromiumSkipReason('browser-charts');

const TRAJ_EUM = 'figure.plot[aria-label="Trajectories on Policy under eum"]';
const PLANE = 'figure.plot[aria-label^="Actors\' positions on two issues"]';
const NETWORK = 'figure.plot[aria-label="Pressure network on Policy"]';
/** The charts with labels placed to avoid each other: the trajectories' and the plane. */
const FIGURES = `figure.plot[aria-label^="Trajectories on"], ${PLANE}`;

interface Box {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Pairs of boxes that overlap by more than half a pixel each way. */
function overlapping(boxes: readonly Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 0.5 && dy > 0.5) out.push(`"${a.text}" × "${b.text}"`);
    }
  return out;
}

describe.skipIf(skipReason !== null)('Results charts in Chromium', () => {
  let wb: Workbench;
  let base = '';
  beforeAll(async () => {
    wb = await startWorkbench('browser-charts');
    base = wb.base;
  }, 180_000);
  afterAll(async () => {
    await wb?.close();
  });

  const openResults = async (viewport = DESKTOP, scenario = SCENARIO): Promise<Page> => {
    const page = await wb.newPage(viewport);
    await page.goto(base);
    await page.getByTestId(`builtin-${scenario}`).click();
    await page.getByTestId('headline').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Results' }).click();
    await page.getByTestId('results').waitFor();
    await page.locator('figure.plot svg').first().waitFor();
    return page;
  };
  const shot = (page: Page, name: string, selector?: string) =>
    screenshot(page, `charts-${name}`, selector ? { selector } : {});
  /**
   * Classes and opacity of the elements of `chart` tagged with `actor`, and of the others.
   * (Page scripts are strings, so this Node-side file needs no DOM types.)
   */
  const marks = (page: Page, chart: string, actor: string) =>
    page.evaluate<{
      mine: number;
      others: number;
      mineOn: boolean;
      othersDim: boolean;
      maxOtherOpacity: number;
      minMineOpacity: number;
      anyMarked: boolean;
    }>(`(() => {
      const root = document.querySelector(${JSON.stringify(chart)});
      const id = ${JSON.stringify(actor)};
      const all = [...root.querySelectorAll('[data-actors]')];
      const mine = all.filter((e) => e.getAttribute('data-actors').split(' ').includes(id));
      const others = all.filter((e) => !mine.includes(e));
      const opacity = (e) => Number(getComputedStyle(e).opacity);
      return {
        mine: mine.length,
        others: others.length,
        mineOn: mine.every((e) => e.classList.contains('hl-on')),
        othersDim: others.length > 0 && others.every((e) => e.classList.contains('hl-dim')),
        maxOtherOpacity: Math.max(0, ...others.map(opacity)),
        minMineOpacity: Math.min(1, ...mine.map(opacity)),
        anyMarked: all.some((e) => e.classList.contains('hl-on') || e.classList.contains('hl-dim')),
      };
    })()`);

  it('hover on a chart shows a tip with the value under the pointer', async () => {
    const page = await openResults();
    const fig = page.locator(TRAJ_EUM);
    await fig.scrollIntoViewIfNeeded();
    const box = (await fig.locator('svg').first().boundingBox())!;
    // Round 0, on the first actor's starting position: Plot's pointer picks the nearest point.
    await page.mouse.move(box.x + 60, box.y + box.height / 2);
    await page.mouse.move(box.x + 70, box.y + box.height / 2 + 2);
    const tip = fig.locator('g[aria-label="tip"] text');
    await tip.first().waitFor({ timeout: 5_000 });
    const text = (await tip.first().textContent()) ?? '';
    expect(text).toMatch(/round \d+: \d+(\.\d)?/);
    await shot(page, 'tip-1440', TRAJ_EUM);
    await page.context().close();
  }, 120_000);

  it('an actor picked (button, chart, table row) is highlighted in every chart; again or Escape clears', async () => {
    const page = await openResults();
    // The picker lists the actors in the scenario's order, the tables' order.
    const picks = page.locator('[data-testid^="pick-"]');
    expect(await picks.first().getAttribute('data-testid')).toBe('pick-xj');
    // Each name's swatch is its actor's colour in the charts (the picker is their legend).
    const colours = await page.evaluate<[string, string]>(`(() => {
      const swatch = document.querySelector('[data-testid="pick-mk"] .swatch');
      const line = document.querySelector(${JSON.stringify(`${TRAJ_EUM} g[aria-label="line"] path[data-actors="mk"]`)});
      const probe = document.createElement('i');
      probe.style.color = line.getAttribute('stroke');
      document.body.append(probe);
      const stroke = getComputedStyle(probe).color;
      probe.remove();
      return [getComputedStyle(swatch).backgroundColor, stroke];
    })()`);
    expect(colours[0]).toBe(colours[1]);
    const pick = page.getByTestId('pick-mk');
    await pick.click();
    await expect.poll(() => pick.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(1, 1); // away from the picker: the pin stays
    await expect.poll(async () => (await marks(page, PLANE, 'mk')).othersDim).toBe(true);
    for (const chart of [TRAJ_EUM, PLANE, NETWORK]) {
      const m = await marks(page, chart, 'mk');
      expect(m.mine, chart).toBeGreaterThan(0);
      expect(m.mineOn, chart).toBe(true);
      expect(m.othersDim, chart).toBe(true);
      expect(m.maxOtherOpacity, chart).toBeLessThan(0.5);
      expect(m.minMineOpacity, chart).toBe(1);
    }
    expect(await page.getByTestId('actor-row-policy-mk').getAttribute('class')).toContain('hl-row');
    await page.locator(TRAJ_EUM).scrollIntoViewIfNeeded();
    await shot(page, 'highlight-1440');
    // Clicking it again clears.
    await pick.click();
    await page.mouse.move(1, 1);
    await expect.poll(async () => (await marks(page, PLANE, 'mk')).anyMarked).toBe(false);

    // A click on an actor's dot in the plane pins it in the other charts; Escape clears.
    const dot = page.locator(`${PLANE} circle[data-actors="xj"]`);
    await dot.scrollIntoViewIfNeeded();
    await dot.click({ force: true });
    await page.mouse.move(1, 1);
    await expect.poll(() => page.getByTestId('pick-xj').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await marks(page, TRAJ_EUM, 'xj')).othersDim).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await marks(page, TRAJ_EUM, 'xj')).anyMarked).toBe(false);

    // Hovering a row of the actors table highlights that actor while the pointer stays.
    const row = page.getByTestId('actor-row-competitive-lh');
    await row.scrollIntoViewIfNeeded();
    await row.hover();
    await expect
      .poll(async () => {
        const m = await marks(page, PLANE, 'lh');
        return m.mineOn && m.othersDim;
      })
      .toBe(true);
    await page.mouse.move(1, 1);
    await expect.poll(async () => (await marks(page, PLANE, 'lh')).anyMarked).toBe(false);

    // The keyboard: Tab to a name in the picker, Enter pins it.
    await page.getByTestId('pick-zg').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pick-zg').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await marks(page, NETWORK, 'zg')).othersDim).toBe(true);
    await page.context().close();
  }, 120_000);

  it('the picker lists only the actors drawn, each in its colour in the charts (scenario order)', async () => {
    // The East Asia built-in: 12 actors, of whom two take a stance on the one bargained issue;
    // South Korea's government is the fifth actor, so its colour is the fifth, not the second.
    const page = await openResults(DESKTOP, 'east-asia-coalition-2025');
    const listed = await page.evaluate<string[]>(
      `[...document.querySelectorAll('[data-testid^="pick-"]')].map((b) => b.dataset.testid)`,
    );
    expect(listed).toEqual(['pick-usa', 'pick-korea-gov']);
    const [swatch, dot] = await page.evaluate<[string, string]>(`(() => {
      const probe = document.createElement('i');
      probe.style.color = document.querySelector('circle[data-actors="korea-gov"]').getAttribute('fill');
      document.body.append(probe);
      const fill = getComputedStyle(probe).color;
      probe.remove();
      const swatch = document.querySelector('[data-testid="pick-korea-gov"] .swatch');
      return [getComputedStyle(swatch).backgroundColor, fill];
    })()`);
    expect(swatch).toBe(dot);
    expect(swatch).toBe('rgb(117, 112, 179)'); // ACTOR_COLORS[4]
    await page.context().close();
  }, 120_000);

  it('the network filter by strength and by actor draws fewer edges', async () => {
    const page = await openResults();
    const net = page.locator('figure.network').first();
    await net.scrollIntoViewIfNeeded();
    const arrows = () => net.locator(`${NETWORK} g[aria-label="arrow"] path`).count();
    const all = await arrows();
    expect(all).toBeGreaterThan(10);
    const max = Number(await net.getByTestId('network-min-shift').getAttribute('max'));
    await net.getByTestId('network-min-shift-number').fill(String(Math.round(max * 0.6)));
    await expect.poll(arrows).toBeLessThan(all);
    const strong = await arrows();
    expect(strong).toBeGreaterThan(0);
    expect(await net.getByTestId('network-count').textContent()).toContain(`${strong} of`);
    await net.getByTestId('network-min-shift-number').fill('0');
    await expect.poll(arrows).toBe(all);
    await net.getByTestId('network-actor').selectOption('mk');
    await expect.poll(arrows).toBeLessThan(all);
    const touching = await page.evaluate<boolean>(
      `[...document.querySelectorAll(${JSON.stringify(`${NETWORK} g[aria-label="arrow"] path`)})]
        .every((p) => (p.getAttribute('data-actors') ?? '').split(' ').includes('mk'))`,
    );
    expect(touching).toBe(true);
    await shot(page, 'network-1440', 'figure.network');
    await page.context().close();
  }, 120_000);

  for (const viewport of [DESKTOP, PHONE]) {
    it(`no end-of-line or plane labels overlap at ${viewport.width}×${viewport.height}`, async () => {
      const page = await openResults(viewport);
      const figures = page.locator(FIGURES);
      const n = await figures.count();
      expect(n).toBeGreaterThanOrEqual(5); // 2 issues × (EUM, SMP) + the plane
      const problems: string[] = [];
      for (let i = 0; i < n; i++) {
        const fig = figures.nth(i);
        const label = (await fig.getAttribute('aria-label')) ?? '';
        // The labels: the text marks' texts (not the axes'), with their drawn boxes.
        const boxes = await page.evaluate<Box[]>(
          `[...document.querySelectorAll(${JSON.stringify(FIGURES)})[${i}]
            .querySelectorAll('g[aria-label="text"] > text')].map((t) => {
              const r = t.getBoundingClientRect();
              return { text: t.firstChild?.textContent ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
            })`,
        );
        if (label.startsWith('Trajectories')) expect(boxes.length, label).toBe(13);
        else expect(boxes.length, label).toBeGreaterThan(8);
        const svg = (await fig.locator('svg').last().boundingBox())!;
        for (const b of boxes)
          if (b.x + b.w > svg.x + svg.width + 1 || b.x < svg.x - 1)
            problems.push(`${label}: "${b.text}" outside the chart`);
        for (const o of overlapping(boxes)) problems.push(`${label}: ${o}`);
      }
      expect(problems).toEqual([]);
      // Re-laid out, not shrunk: the page does not scroll sideways and charts fill the card.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const plane = (await page.locator(`${PLANE} svg`).last().boundingBox())!;
      expect(plane.width).toBeGreaterThan(viewport.width === 390 ? 330 : 600);
      await page.locator(TRAJ_EUM).scrollIntoViewIfNeeded();
      await shot(page, `trajectories-${viewport.width}`);
      await page.locator(PLANE).scrollIntoViewIfNeeded();
      await shot(page, `plane-${viewport.width}`);
      await page.context().close();
    }, 120_000);
  }

  it('axe-core finds no serious or critical violation on the Results view, at both sizes', async () => {
    // One page, resized between the scans (resizeTo: the charts redrawn, the DOM of a page
    // opened at that size); the pin is waited for in every chart before its scans.
    const found: string[] = [];
    const page = await openResults(DESKTOP);
    const scan = async (state: string) => {
      const width = page.viewportSize()!.width;
      found.push(...(await seriousViolations(page, `${width}px ${state}`)));
    };
    const pinned = async () => {
      for (const chart of [TRAJ_EUM, PLANE, NETWORK])
        await expect.poll(async () => (await marks(page, chart, 'mk')).othersDim).toBe(true);
    };
    await scan('results');
    await resizeTo(page, PHONE);
    await scan('results');
    await page.getByTestId('pick-mk').click();
    await pinned();
    await scan('results, an actor pinned');
    await resizeTo(page, DESKTOP);
    await pinned();
    await scan('results, an actor pinned');
    await page.context().close();
    expect(found).toEqual([]);
  }, 180_000);
});
