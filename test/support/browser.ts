import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests run when Debian's Chromium is installed, and must run in CI: there a missing
 * browser is a failure, not a skip.
 */
export function browserSkipReason(): string | false {
  if (fs.existsSync(CHROMIUM_PATH)) return false;
  if (process.env.CI === 'true') throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
  return `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const NARROW = { width: 320, height: 640 };
export const MOBILE = { width: 375, height: 667 };

export async function newPage(
  browser: Browser,
  viewport = DESKTOP,
  options: { javaScriptEnabled?: boolean; hasTouch?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  return { context, page };
}

/** WCAG 2.2 A and AA rules; returns a readable list of violations (empty when clean). */
/**
 * `framesWithoutScripts`: the page holds sandboxed frames that may run no script (the development
 * mailbox's emails), where axe cannot run and would wait for ever; check those frames' pages alone.
 */
export async function axeViolations(page: Page, options: { framesWithoutScripts?: boolean } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  // options() replaces every run option, so it comes before withTags.
  if (options.framesWithoutScripts) builder.setLegacyMode(true).options({ iframes: false });
  builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  const results = await builder.analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/** True when the page is wider than the viewport (content spilling sideways at 320 px). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
