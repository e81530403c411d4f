import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { fixedClock } from '../../src/clock.js';
import { familyCase } from '../cases/family-support.js';
import { familySendsEverything } from '../staff/family-activity-support.js';
import {
  axeViolations,
  browserSkipReason,
  DESKTOP,
  launchBrowser,
  MOBILE,
  newPage,
  scrollsSideways,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { sessionCookieFor } from '../support/sessions.js';

describe(
  'the staff case page in Chromium: everything the family sent, made to scan',
  { skip: browserSkipReason() },
  () => {
    const clock = fixedClock('2023-08-20T09:00:00Z');
    let t: TestApp;
    let browser: Browser;
    let caseId: string;
    before(async () => {
      t = await startTestApp({ clock, deliver: false });
      browser = await launchBrowser();
      const family = await familyCase(t);
      // A long address, the kind that used to be broken mid-word.
      await t.pool.query(
        `UPDATE users SET email = 'jane.rogers-longer-address-for-testing@example-family-mail.co.uk' WHERE id = $1`,
        [family.parent.id],
      );
      await familySendsEverything(t, clock, family);
      caseId = family.caseId;
    });
    after(async () => {
      await browser?.close();
      await t?.close();
    });

    async function staffPage(viewport: typeof DESKTOP) {
      const staff = await createUser(t.pool, {
        kind: 'staff',
        staffRole: 'caseworker',
        fullName: 'Sam Jones',
        twoFactorMethod: 'app',
      });
      const cookie = await sessionCookieFor(t, staff.id);
      const { context, page } = await newPage(browser, viewport);
      await context.addCookies([{ ...cookie, url: t.baseUrl }]);
      await page.goto(`${t.baseUrl}/staff/cases/${caseId}`);
      await page.waitForLoadState('load');
      return { context, page };
    }

    for (const [name, viewport] of [
      ['1280', DESKTOP],
      ['375', MOBILE],
    ] as const) {
      it(`passes axe and fits the screen at ${name} px`, async () => {
        const { context, page } = await staffPage(viewport);
        try {
          assert.equal((await page.locator('h1').textContent())?.trim(), 'Rogers, Barney');
          assert.deepEqual(await axeViolations(page), []);
          assert.equal(await scrollsSideways(page), false, 'no horizontal scroll');
          assert.match((await page.locator('#comments').textContent()) ?? '', /Jane Rogers, on behalf of Barney/);
          if (viewport === DESKTOP) {
            // Full width: the page's sections use the whole container, and every email address is on one line.
            const widths = await page.evaluate(() => ({
              section: document.querySelector('#people')!.getBoundingClientRect().width,
              container: document.querySelector('main')!.getBoundingClientRect().width,
            }));
            assert.ok(
              widths.section >= widths.container - 1,
              `the people section is full width (${widths.section} of ${widths.container})`,
            );
            const broken = await page.evaluate(() =>
              Array.from(document.querySelectorAll('main a'))
                .filter((link) => (link.textContent ?? '').includes('@'))
                .filter((link) => link.getClientRects().length !== 1)
                .map((link) => link.textContent),
            );
            const emails = await page.locator('main a', { hasText: '@' }).count();
            assert.ok(emails >= 2, 'the page shows the email addresses');
            assert.deepEqual(broken, [], 'no email address is broken over two lines');
          }
        } finally {
          await context.close();
        }
      });
    }
  },
);
