import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixedClock } from '../../src/clock.js';
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

describe(
  'the staff journey in Chromium: work tray, create a case, record a decision',
  { skip: browserSkipReason() },
  () => {
    let t: TestApp;
    let browser: Browser;
    before(async () => {
      t = await startTestApp({ clock: fixedClock('2023-09-12T10:00:00Z') });
      browser = await launchBrowser();
      await createTestCase(t.pool, {
        child: { firstName: 'Ada', lastName: 'Overdue' },
        requestReceived: '2023-07-01',
        today: '2023-09-12',
      });
    });
    after(async () => {
      await browser?.close();
      await t?.close();
    });

    /** A browser signed in as a member of staff. */
    async function signedInStaffPage(viewport: typeof DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
      const staff = await createUser(t.pool, {
        kind: 'staff',
        staffRole: 'caseworker',
        fullName: 'Sam Jones',
        twoFactorMethod: 'app',
      });
      const { context, page } = await newPage(browser, viewport);
      await context.addCookies([{ ...(await sessionCookieFor(t, staff.id)), url: t.baseUrl }]);
      return { context, page };
    }

    async function checkPage(page: Page, heading: string | RegExp) {
      await page.waitForLoadState('load');
      const h1 = (await page.locator('h1').first().textContent())?.trim() ?? '';
      if (typeof heading === 'string') assert.equal(h1, heading);
      else assert.match(h1, heading);
      assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);
      if (await scrollsSideways(page)) {
        const wide = await page.evaluate(() =>
          Array.from(document.querySelectorAll('main *'))
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 5)
            .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
        );
        assert.fail(`${page.url()} does not fit the screen: ${wide.join(', ')}`);
      }
    }

    /** The GET pages of the journey, visited again at 320 px. */
    const visited: { url: string; heading: string | RegExp }[] = [];

    it('goes from the work tray to a new case to a recorded decision, axe clean at 1280 px', async () => {
      const { context, page } = await signedInStaffPage(DESKTOP);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const check = async (heading: string | RegExp) => {
        await checkPage(page, heading);
        visited.push({ url: page.url(), heading });
      };

      // Each template is checked once (the busiest state of it): axe takes seconds a page.
      await page.goto(`${t.baseUrl}/staff`);
      await page.getByLabel('Overdue', { exact: true }).check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await check('Work tray');
      assert.match((await page.locator('main').textContent()) ?? '', /Overdue, Ada/);

      await page.getByRole('button', { name: 'Create a case' }).click();
      await page.getByRole('button', { name: 'Create case' }).click();
      await checkPage(page, 'Create a case');
      assert.match(
        (await page.locator('.govuk-error-summary').textContent()) ?? '',
        /Enter the child or young person's first name/,
      );

      await page.getByLabel('First name').fill('Barney');
      await page.getByLabel('Last name').fill('Rogers');
      const dob = page.getByRole('group', { name: 'Date of birth' });
      await dob.getByLabel('Day').fill('14');
      await dob.getByLabel('Month').fill('3');
      await dob.getByLabel('Year').fill('2015');
      const received = page.getByRole('group', { name: 'Date the request was received' });
      await received.getByLabel('Day').fill('8');
      await received.getByLabel('Month').fill('8');
      await received.getByLabel('Year').fill('2023');
      await page.getByLabel('Education setting', { exact: true }).check();
      await page.getByLabel('The request', { exact: true }).fill('Please assess Barney.');
      await page
        .getByLabel('Request documents (optional)')
        .setInputFiles({ name: 'request.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: 'Create case' }).click();
      await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
      assert.match((await page.locator('main').textContent()) ?? '', /Decision due: 18th Sep 2023/);

      await page.getByRole('link', { name: 'Record the decision whether to assess' }).click();
      await check('Record the decision whether to assess');
      await page.getByLabel('Carry out an EHC needs assessment', { exact: true }).check();
      await page
        .getByLabel('Reason for the decision')
        .fill('The school has shown that Barney needs more help than it can give.');
      const decided = page.getByRole('group', { name: 'Date of the decision letter' });
      await decided.getByLabel('Day').fill('11');
      await decided.getByLabel('Month').fill('9');
      await decided.getByLabel('Year').fill('2023');
      await page
        .getByLabel('Decision letter')
        .setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: 'Save and tell the family' }).click();
      await check('Rogers, Barney');
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /Decision whether to assess: saved\./);
      assert.match(main, /Stage\s*Assessment/);

      await page.getByRole('link', { name: 'See the audit trail for this case' }).click();
      await check('Audit trail');
      assert.match(
        (await page.locator('main').textContent()) ?? '',
        /Sam Jones recorded the decision whether to assess/,
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    it('shows the same pages, and a form with errors, axe clean and fitting the screen at 320 px', async () => {
      assert.equal(visited.length, 4, 'the 1280 px journey ran first');
      const { context, page } = await signedInStaffPage(NARROW);
      for (const { url, heading } of visited) {
        await page.goto(url);
        await checkPage(page, heading);
      }
      await page.goto(`${t.baseUrl}/staff/cases/new`);
      await page.getByRole('button', { name: 'Create case' }).click();
      await checkPage(page, 'Create a case');

      // On a phone the header menu is folded away: People is reached from the "?" menu.
      await page.locator('details.app-header__help > summary').click();
      await page.getByRole('link', { name: 'People', exact: true }).click();
      await checkPage(page, 'People');
      await context.close();
    });
  },
);
