import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../src/clock.js';
import { fillAndSend, PARENT_ANSWERS } from '../online-request/support.js';
import {
  axeViolations,
  browserSkipReason,
  DESKTOP,
  launchBrowser,
  MOBILE,
  newPage,
  scrollsSideways,
} from '../support/browser.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs, sessionCookieFor } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

describe("staff's New requests in Chromium, at 1280 and 375 px", { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let browser: Browser;
  let requestId: string;

  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-08T10:00:00Z'), deliver: false });
    browser = await launchBrowser();
    const parent = await createUser(t.pool, { fullName: 'Jo Parent', twoFactorMethod: 'app' });
    await createTestCase(t.pool, {
      child: { firstName: 'Robin', lastName: 'Morgan', dateOfBirth: '2016-03-14' },
      requestReceived: '2023-01-10',
    });
    ({ requestId } = await fillAndSend(await agentSignedInAs(t, parent.id), PARENT_ANSWERS));
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function check(page: Page, heading: string) {
    await page.waitForLoadState('load');
    assert.equal((await page.locator('h1').first().textContent())?.trim(), heading);
    assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);
    assert.equal(await scrollsSideways(page), false, `${page.url()} fits the screen`);
  }

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['mobile', MOBILE],
  ] as const) {
    it(`(${name}) the list, a request with the possible existing case, and creating the case`, async () => {
      const staff = await createUser(t.pool, { kind: 'staff', twoFactorMethod: 'app' });
      const { context, page } = await newPage(browser, viewport);
      await context.addCookies([{ ...(await sessionCookieFor(t, staff.id)), url: t.baseUrl }]);
      await page.goto(`${t.baseUrl}/staff/requests`);
      await check(page, 'New requests');
      await page.getByRole('link', { name: 'Morgan, Robin' }).click();
      await check(page, 'Morgan, Robin');
      assert.match((await page.locator('main').textContent()) ?? '', /Add the request to EHC-\d{6}/);
      if (name === 'mobile') {
        await page.getByRole('button', { name: 'Create a case from this request' }).click();
        await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
        await check(page, 'Morgan, Robin');
        assert.match((await page.locator('main').textContent()) ?? '', /created from the request sent online/);
      }
      await context.close();
    });
  }
  it('has no request left once it is made into a case', async () => {
    const { rows } = await t.pool.query(`SELECT status FROM online_requests WHERE id = $1`, [requestId]);
    assert.equal(rows[0].status, 'case-created');
  });
});
