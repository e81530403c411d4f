import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  browserSkipReason,
  DESKTOP,
  launchBrowser,
  NARROW,
  newPage,
  scrollsSideways,
} from '../support/browser.js';
import { createTestCase } from '../support/cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sessionCookieFor } from '../support/sessions.js';
import { createUser } from '../support/users.js';
import * as samples from '../cases/samples.js';

/** Presses Tab until the element matching `selector` has the focus (as a keyboard user would). */
async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Could not reach ${selector} with the Tab key`);
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
  assert.equal(await scrollsSideways(page), false, `${where} fits the screen`);
}

// The two screen widths run side by side: each has its own user, case and browser context.
describe(
  'family participation in Chromium, by keyboard alone',
  { skip: browserSkipReason(), concurrency: true },
  () => {
    let t: TestApp;
    let browser: Browser;
    before(async () => {
      t = await startTestApp({ deliver: false });
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
      it(`uploads documents and sends comments on behalf of the child at ${name}`, async () => {
        const parent = await createUser(t.pool, { fullName: 'Jane Rogers', twoFactorMethod: 'app' });
        const created = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
        const { context, page } = await newPage(browser, viewport);
        await context.addCookies([{ ...(await sessionCookieFor(t, parent.id)), url: t.baseUrl }]);
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));

        // The request page leads to both journeys.
        await page.goto(`${t.baseUrl}/cases/${created.id}/request`);
        assert.equal(await scrollsSideways(page), false);

        // Upload: describe, choose several files, send.
        await page.goto(`${t.baseUrl}/cases/${created.id}/documents/upload`);
        await tabTo(page, '#description');
        await page.keyboard.type('School report and a drawing');
        await tabTo(page, '#documents');
        // The operating system's file dialog is outside the page: choose the files as it would.
        assert.equal(await page.locator('#documents').getAttribute('multiple'), '');
        await page.locator('#documents').setInputFiles([
          { name: 'report.pdf', mimeType: 'application/pdf', buffer: samples.pdf() },
          { name: 'setup.pdf', mimeType: 'application/pdf', buffer: samples.executable() },
          { name: 'drawing.png', mimeType: 'image/png', buffer: samples.png() },
        ]);
        await tabTo(page, 'button.govuk-button');
        await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
        await page.waitForSelector('.govuk-error-summary');
        assert.match(
          await page.locator('.govuk-error-summary').innerText(),
          /“setup\.pdf” must be a PDF, Word document, JPG, PNG or HEIC file/,
        );
        assert.match(await page.locator('.govuk-notification-banner').innerText(), /2 documents have been uploaded/);
        // The error summary takes the focus, and its link leads to the file input.
        await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'), undefined, {
          timeout: 5000,
        });
        await expectAccessible(page, 'the upload page with an error');

        await page.goto(`${t.baseUrl}/cases/${created.id}/documents`);
        assert.match(
          await page.locator('main').innerText(),
          /report\.pdf[\s\S]*School report and a drawing[\s\S]*Jane Rogers/,
        );
        await expectAccessible(page, 'the documents list');

        // Comments: an error first (the text is kept), then on behalf of Barney, check, send.
        await page.goto(`${t.baseUrl}/cases/${created.id}/comments/new`);
        await tabTo(page, '#comment');
        await page.keyboard.type('Barney says he likes his teacher.');
        await tabTo(page, 'button.govuk-button');
        await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
        await page.waitForSelector('.govuk-error-summary');
        assert.equal(await page.locator('#comment').inputValue(), 'Barney says he likes his teacher.');
        await expectAccessible(page, 'the comment form with an error');

        await tabTo(page, 'input[name="whose"]');
        await page.keyboard.press('ArrowDown');
        assert.equal(await page.locator('input[value="child"]').isChecked(), true);
        await tabTo(page, 'button.govuk-button');
        await Promise.all([page.waitForURL(/\/comments\/check$/), page.keyboard.press('Enter')]);
        assert.match(
          await page.locator('main').innerText(),
          /On behalf of Barney[\s\S]*Barney says he likes his teacher\./,
        );
        await expectAccessible(page, 'check your comments');

        await tabTo(page, 'button.govuk-button');
        await Promise.all([page.waitForURL(/\/comments$/), page.keyboard.press('Enter')]);
        assert.match(await page.locator('.govuk-notification-banner').innerText(), /Your comments have been sent/);
        assert.match(await page.locator('main').innerText(), /Jane Rogers, on behalf of Barney/);
        await expectAccessible(page, 'the comments list');

        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  },
);
