import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  DESKTOP,
  launchBrowser,
  NARROW,
  newPage,
  scrollsSideways,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the start page in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const [name, viewport] of [
    ['320 px', NARROW],
    ['1280 px', DESKTOP],
  ] as const) {
    it(`passes axe with no violations at ${name}, and fits the screen`, async () => {
      const { context, page } = await newPage(browser, viewport);
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${t.baseUrl}/`);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('h1').textContent(), "Follow your child's EHC needs assessment and plan");
      // govuk-frontend's JavaScript ran (from the module file, with no inline script blocked by CSP).
      assert.equal(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), true);
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(await scrollsSideways(page), false);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('can be used by keyboard: the skip link comes first and moves to the content', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${t.baseUrl}/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to main content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
    await context.close();
  });
});
