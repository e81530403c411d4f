// `npm run screenshots`: the README's pictures, taken from the real app. It starts EHC Hub in this
// process on a throwaway embedded database (with the development demo data), signs the demo parent
// and the demo case worker in through the real pages (their log in codes read from the development
// mailbox) and saves full-page PNGs at 1280 and 375 px wide into docs/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { clockStartingAt, type Clock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { DEMO } from '../src/seed/demo.js';
import { startServer, type RunningServer } from '../src/server.js';
import { DESKTOP, launchBrowser, MOBILE } from '../test/support/browser.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs/screenshots');

/**
 * The guide's worked example is seen on 20th Aug 2023: Barney's request arrived on 8th Aug 2023
 * and the decision is due on 18th Sep 2023. The clock starts there and runs on in real time, so
 * log in codes and sessions behave as they would on any day.
 */
const GUIDE_DAY = '2023-08-20T09:30:00Z';

function guideDayClock(): Clock {
  return clockStartingAt(GUIDE_DAY);
}

const SIZES = [
  { name: 'desktop', viewport: DESKTOP },
  { name: 'mobile', viewport: MOBILE },
] as const;

type Size = (typeof SIZES)[number];

async function shoot(page: Page, size: Size, name: string): Promise<void> {
  await page.waitForLoadState('load');
  // The pointer rests outside the page, so no link shows its hover colour.
  await page.mouse.move(0, 0);
  // A focused field or button would show its yellow focus ring in the picture; the error summary keeps it.
  await page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (focused && !focused.classList.contains('govuk-error-summary')) focused.blur();
  });
  const file = path.join(outDir, `${size.name}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  console.log(`  ${path.relative(root, file)}`);
}

/** The newest log in code the development mailbox shows for a phone number, once a new one arrives. */
async function codeFromMailbox(
  browser: Browser,
  baseUrl: string,
  phone: string,
  seenBefore: number,
  shots?: Size,
): Promise<string> {
  const context = await browser.newContext({ viewport: shots?.viewport });
  const page = await context.newPage();
  try {
    for (let attempt = 0; attempt < 60; attempt++) {
      await page.goto(`${baseUrl}/dev/mailbox`);
      const messages = page.locator('.govuk-summary-card').filter({ hasText: phone });
      if ((await messages.count()) > seenBefore) {
        const match = /(\d{6}) is your EHC Hub log in code/.exec(await messages.first().innerText());
        if (match && shots) await shoot(page, shots, 'dev-mailbox');
        if (match) return match[1];
      }
      await page.waitForTimeout(500);
    }
    throw new Error(`no log in code for ${phone} arrived in the development mailbox`);
  } finally {
    await context.close();
  }
}

async function messagesTo(browser: Browser, baseUrl: string, phone: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/dev/mailbox`);
  const count = await page.locator('.govuk-summary-card').filter({ hasText: phone }).count();
  await context.close();
  return count;
}

/** Signs in through the real pages, photographing them on the way when asked. */
async function signIn(
  browser: Browser,
  page: Page,
  baseUrl: string,
  person: { email: string; password: string; phone: string },
  shots?: Size,
): Promise<void> {
  const before = await messagesTo(browser, baseUrl, person.phone);
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  if (shots) await shoot(page, shots, 'sign-in');
  await Promise.all([
    page.waitForURL(/\/log-in-code$/),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  const code = await codeFromMailbox(browser, baseUrl, person.phone, before, shots);
  if (shots) await shoot(page, shots, 'log-in-code');
  await page.getByLabel('Log in code').fill(code);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/log-in-code'),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
}

/** The family's pages, as the demo parent (Jo Rogers) sees them. */
async function familyPages(browser: Browser, baseUrl: string, size: Size): Promise<void> {
  const context = await browser.newContext({ viewport: size.viewport, hasTouch: size.name === 'mobile' });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await shoot(page, size, 'start');
  await signIn(browser, page, baseUrl, DEMO.parent, size);

  await page.goto(`${baseUrl}/cases`);
  const barney = page.locator('section.app-case-card').filter({ hasText: 'Rogers, Barney' });
  await barney.locator('summary', { hasText: 'What does this mean?' }).click();
  await shoot(page, size, 'my-cases');

  const barneyCase = new URL((await barney.locator('a.govuk-button').getAttribute('href')) ?? '', baseUrl).href;
  const ameliaCard = page.locator('section.app-case-card').filter({ hasText: 'Rogers, Amelia' });
  const ameliaCase = new URL((await ameliaCard.locator('a.govuk-button').getAttribute('href')) ?? '', baseUrl).href;

  await page.goto(barneyCase);
  // On a phone Details and Stages are closed toggles (wider screens show them open): open both.
  for (const section of ['#case-details', '#case-stages']) {
    const summary = page.locator(`${section} > summary`);
    if (await summary.isVisible()) await summary.click();
  }
  await shoot(page, size, 'case');

  await page.goto(`${ameliaCase}/stages/decision`);
  await shoot(page, size, 'decision-stage');

  await page.goto(`${barneyCase}/request`);
  await shoot(page, size, 'view-request');

  await page.goto(`${barneyCase}/comments/new`);
  await page.getByLabel('Comments on behalf of Barney').check();
  await page
    .getByLabel('Comments', { exact: true })
    .fill('Barney says reading makes his head hurt and he would like more time to finish his work.');
  await shoot(page, size, 'add-comment');

  await page.goto(`${barneyCase}/documents/upload`);
  await shoot(page, size, 'upload');
  await context.close();
}

/** The council's pages, as the demo case worker (Sam Patel) sees them. */
async function staffPages(browser: Browser, baseUrl: string, size: Size): Promise<void> {
  const context = await browser.newContext({ viewport: size.viewport, hasTouch: size.name === 'mobile' });
  const page = await context.newPage();
  await signIn(browser, page, baseUrl, DEMO.staff);

  await page.goto(`${baseUrl}/staff`);
  await shoot(page, size, 'staff-work-tray');

  await page.getByRole('link', { name: 'Rogers, Barney' }).first().click();
  await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
  await shoot(page, size, 'staff-case');

  await page.getByRole('link', { name: 'Record the decision whether to assess' }).click();
  await shoot(page, size, 'staff-record-decision');

  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: 'Save and tell the family' }).click(),
  ]);
  await page.waitForSelector('.govuk-error-summary');
  await shoot(page, size, 'staff-record-decision-errors');
  await context.close();
}

async function main(): Promise<void> {
  await import('./build-css.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-hub-screenshots-'));
  // Only these settings: a DATABASE_URL or council name in the shell must not change the pictures.
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    PGLITE_DIR: path.join(dataDir, 'pglite'),
    LOG_LEVEL: 'warn',
  });
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(config, createLogger(config.logLevel), guideDayClock());
    browser = await launchBrowser();
    fs.mkdirSync(outDir, { recursive: true });
    for (const file of fs.readdirSync(outDir)) if (file.endsWith('.png')) fs.rmSync(path.join(outDir, file));
    console.log(`Taking screenshots of ${server.url}`);
    for (const size of SIZES) {
      await familyPages(browser, server.url, size);
      await staffPages(browser, server.url, size);
    }
    const total = fs.readdirSync(outDir).reduce((sum, file) => sum + fs.statSync(path.join(outDir, file)).size, 0);
    console.log(`Saved to docs/screenshots/ (${(total / 1024 / 1024).toFixed(1)} MB in all)`);
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
