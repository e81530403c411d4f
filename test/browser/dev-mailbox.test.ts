import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { invite } from '../accounts/support/helpers.js';
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
import { waitFor } from '../support/wait.js';

describe('the development mailbox in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let browser: Browser;
  let messageId: number;
  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    await invite(t, { email: 'jo.rogers@example.com' });
    messageId = await waitFor(
      'the invitation in the mailbox',
      async () => {
        const { rows } = await t.pool.query(`SELECT id FROM dev_mailbox WHERE recipient = 'jo.rogers@example.com'`);
        return rows[0]?.id as number | undefined;
      },
      10_000,
      100,
    );
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it("serves an email's HTML to be framed by the mailbox only, loading nothing and running nothing", async () => {
    const response = await t.agent().get(`/dev/mailbox/${messageId}/html`).expect(200);
    const policy = response.headers['content-security-policy'];
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /frame-ancestors 'self'/);
    assert.doesNotMatch(policy, /script-src/);
    assert.match(
      response.text,
      /<a href="http:\/\/localhost:3000\/register\/[\w-]{43}"[^>]*>Complete your registration<\/a>/,
    );
    await t.agent().get('/dev/mailbox/not-a-number/html').expect(404);
    await t.agent().get('/dev/mailbox/999999/html').expect(404);
  });

  it('frames an email that passes axe itself', async () => {
    // Opened as a page of its own, with its no-script policy set aside so that axe can run in it.
    const context = await browser.newContext({ bypassCSP: true, viewport: NARROW });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/dev/mailbox/${messageId}/html`);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  for (const [name, viewport] of [
    ['320 px', NARROW],
    ['1280 px', DESKTOP],
  ] as const) {
    it(`shows the email as it will look, with the plain text a click away, at ${name}`, async () => {
      const { context, page } = await newPage(browser, viewport);
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${t.baseUrl}/dev/mailbox`);
      const frameElement = page.locator('iframe.app-mailbox__html').first();
      assert.equal(await frameElement.getAttribute('sandbox'), '');
      assert.match(
        (await frameElement.getAttribute('title')) ?? '',
        /^The email as it will look: Complete your registration/,
      );
      const frame = page.frameLocator('iframe.app-mailbox__html').first();
      await frame.getByRole('link', { name: 'Complete your registration' }).waitFor();
      // The markdown-like plain text (headings marked with #) is not what is shown first.
      assert.doesNotMatch(await frame.locator('body').innerText(), /^# /m);
      const plain = page.locator('.govuk-details').first();
      assert.equal(await plain.locator('.app-mailbox__body').isVisible(), false);
      await plain.locator('summary').click();
      assert.match(
        await plain.locator('.app-mailbox__body').innerText(),
        /Complete your registration:\nhttp:\/\/localhost:3000\/register\//,
      );
      assert.deepEqual(await axeViolations(page, { framesWithoutScripts: true }), []);
      assert.equal(await scrollsSideways(page), false);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
