/**
 * HTML → PDF through Debian's Chromium (playwright-core drives it; no browser is downloaded).
 * The one impure module of the report: it starts a headless browser. The page is loaded with
 * `setContent` and the network is blocked, so a report can never fetch anything while printing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's `chromium` package puts the browser; `ENTENTE_CHROMIUM` overrides. */
export function chromiumPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';
}

/** Flags for a headless, offline, throw-away Chromium (see docs/workbench.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium is not installed: a clear message saying how to get it. */
export class ChromiumMissingError extends Error {
  constructor(readonly path: string) {
    super(
      `PDF needs Chromium at ${path}, which is not installed. Install it (Debian: apt-get install -y chromium) or set ENTENTE_CHROMIUM to a Chromium binary; --format html gives the same report as a file that prints to PDF from any browser.`,
    );
    this.name = 'ChromiumMissingError';
  }
}

export async function htmlToPdf(
  html: string,
  options: { executablePath?: string } = {},
): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'entente-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    offline: true,
  });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
