import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { refreshCaseSummary } from '../../src/cases/case-facts-from-db.js';
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
import { sessionCookieFor } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

/**
 * The admin pages and case steps added after the first staff journey: change a member of staff's
 * role, remove an exemption, record the next annual review meeting, disable an account and reset a
 * second factor. Each template is checked once a viewport, in its busiest state (the error state of
 * a form), and each form is then completed with the keyboard alone.
 */
describe(
  'staff admin pages in Chromium: change role, remove an exemption, the next review meeting, disable, reset',
  { skip: browserSkipReason() },
  () => {
    let t: TestApp;
    let browser: Browser;
    before(async () => {
      t = await startTestApp({ clock: fixedClock('2025-11-20T10:00:00Z') });
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await t?.close();
    });

    /** Everything one viewport's walk-through changes, made afresh so that both viewports start alike. Long email addresses, as councils have. */
    async function fixtures(tag: string) {
      const staff = (fullName: string, role: 'caseworker' | 'admin', email: string) =>
        createUser(t.pool, { kind: 'staff', staffRole: role, fullName, email, twoFactorMethod: 'app' });
      const admin = await staff('Ada Admin', 'admin', `ada.administrator.${tag}@edgehillcouncil.gov.uk`);
      const caseworker = await staff(
        'Carl Caseworker',
        'caseworker',
        `carl.caseworkerfotheringham.${tag}@edgehillcouncil.gov.uk`,
      );
      const locked = await staff(
        'Lou Lockedout',
        'caseworker',
        `louisa.lockedoutfotheringham.${tag}@edgehillcouncil.gov.uk`,
      );
      const parent = await createUser(t.pool, {
        fullName: 'Jane Rogers',
        email: `jane.rogersfotheringham.${tag}@examplefamilyemail.co.uk`,
        twoFactorMethod: 'sms',
      });
      const exempted = await createTestCase(t.pool, {
        child: { firstName: 'Ada', lastName: `Exempt ${tag}` },
        members: [{ userId: parent.id, role: 'parent' }],
        today: '2025-11-20',
      });
      // One statement: the kind and the reason are set together or not at all.
      await t.pool.query(
        `UPDATE cases SET exemption_kind = 'family-away', exemption_reason = 'The family are abroad until December.', exemption_recorded_on = '2025-10-01' WHERE id = $1`,
        [exempted.id],
      );
      await refreshCaseSummary(t.pool, exempted.id, '2025-11-20');
      const reviewed = await createTestCase(t.pool, {
        child: { firstName: 'Ben', lastName: `Review ${tag}` },
        set: {
          draft_plan_issued_on: '2023-11-20',
          final_plan_issued_on: '2023-12-20',
          review_meeting_on: '2024-12-01',
        },
        decisions: [
          { kind: 'assess', outcome: 'assess', decidedOn: '2023-09-12' },
          { kind: 'issue', outcome: 'issue', decidedOn: '2023-11-10' },
          { kind: 'review', outcome: 'keep', decidedOn: '2024-12-09' },
        ],
        today: '2025-11-20',
      });
      return { admin, caseworker, locked, parent, exempted, reviewed };
    }

    async function signedInPage(userId: string, viewport: typeof DESKTOP) {
      const cookie = await sessionCookieFor(t, userId);
      const { context, page } = await newPage(browser, viewport);
      await context.addCookies([{ ...cookie, url: t.baseUrl }]);
      return { context, page };
    }

    async function checkPage(page: Page, heading: string) {
      await page.waitForLoadState('load');
      assert.equal((await page.locator('h1').first().textContent())?.trim(), heading);
      assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);
      await assertFits(page);
    }

    /** The page fits the screen; if not, which boxes do not. */
    async function assertFits(page: Page) {
      if (await scrollsSideways(page)) {
        const wide = await page.evaluate(() => {
          // Boxes past the edge, and boxes whose text spills out of them (a long word in a paragraph); the innermost ones.
          const width = document.documentElement.clientWidth;
          const spilling = Array.from(document.querySelectorAll('body *')).filter(
            (el) =>
              el.getBoundingClientRect().right > width + 1 ||
              (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'),
          );
          return spilling
            .filter((el) => !spilling.some((inner) => inner !== el && el.contains(inner)))
            .slice(0, 5)
            .map((el) => `${el.tagName}.${el.className} "${el.textContent?.trim().slice(0, 60)}"`);
        });
        assert.fail(`${page.url()} does not fit the screen: ${wide.join(', ')}`);
      }
    }

    /** The error summary has the focus (govuk-frontend moves it there) and lists the message. */
    async function expectErrorSummaryFocused(page: Page, message: RegExp) {
      await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'), undefined, {
        timeout: 5000,
      });
      assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', message);
      assert.match(
        (await page.locator('.govuk-error-message').first().textContent()) ?? '',
        message,
        'the message by the field too',
      );
    }

    async function isFocused(target: Locator): Promise<boolean> {
      return target.evaluate((el) => el === document.activeElement);
    }

    /** Presses Tab until `target` has the focus: it is in the tab order, reached the way a keyboard user would. */
    async function tabTo(page: Page, target: Locator, limit = 40) {
      for (let presses = 0; presses < limit; presses += 1) {
        await page.keyboard.press('Tab');
        if (await isFocused(target)) return;
      }
      assert.fail(`Tab did not reach ${target} on ${page.url()}`);
    }

    /** From the focused error summary: Tab to its first link, Enter, and the field named in it has the focus. */
    async function followFirstErrorLink(page: Page, field: Locator) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.ok(await isFocused(field), `the error link moves the focus to its field on ${page.url()}`);
    }

    /** Presses a key that submits a form, and waits for the page the server answers with (it may have the same URL). */
    async function pressForNextPage(page: Page, key: string) {
      const loaded = page.waitForEvent('load');
      await page.keyboard.press(key);
      await loaded;
    }

    /** The success banner of the page a saved form goes to (also checked to fit: these pages show email addresses too). */
    async function noticeText(page: Page): Promise<string> {
      await page.waitForLoadState('load');
      await assertFits(page);
      return (await page.locator('.govuk-notification-banner').textContent())?.replace(/\s+/g, ' ') ?? '';
    }

    for (const viewport of [DESKTOP, NARROW]) {
      it(`each page axe clean, fitting the screen, its errors focused and its form done by keyboard at ${viewport.width} px`, async () => {
        const { admin, caseworker, locked, parent, exempted, reviewed } = await fixtures(String(viewport.width));
        const { context, page } = await signedInPage(admin.id, viewport);
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));

        // Change role: an admin cannot drop their own admin role (the error state) ...
        await page.goto(`${t.baseUrl}/staff/staff-accounts/${admin.id}/role`);
        assert.match((await page.locator('main').textContent()) ?? '', /This is your own account\./);
        // In a radio group only the chosen radio is in the tab order; the arrow keys choose another.
        await tabTo(page, page.getByLabel('Admin', { exact: true }));
        await page.keyboard.press('ArrowUp');
        assert.ok(await page.getByLabel('Caseworker', { exact: true }).isChecked());
        await tabTo(page, page.getByRole('button', { name: 'Save role' }));
        await pressForNextPage(page, 'Enter');
        await checkPage(page, "Change Ada Admin's role");
        await expectErrorSummaryFocused(page, /You cannot remove your own admin role/);
        await followFirstErrorLink(page, page.getByLabel('Caseworker', { exact: true }));
        assert.equal(
          (await t.pool.query(`SELECT staff_role FROM users WHERE id = $1`, [admin.id])).rows[0].staff_role,
          'admin',
        );

        // ... and makes a caseworker an admin with the arrow keys.
        await page.goto(`${t.baseUrl}/staff/staff-accounts/${caseworker.id}/role`);
        await tabTo(page, page.getByLabel('Caseworker', { exact: true }));
        await page.keyboard.press('ArrowDown');
        assert.ok(await page.getByLabel('Admin', { exact: true }).isChecked());
        await tabTo(page, page.getByRole('button', { name: 'Save role' }));
        await page.keyboard.press('Enter');
        await page.waitForURL(`${t.baseUrl}/staff/staff-accounts`);
        assert.match(await noticeText(page), /Carl Caseworker is now an admin\./);

        // Remove the exemption: no reason is an error; then the reason typed and saved.
        await page.goto(`${t.baseUrl}/staff/cases/${exempted.id}/progress/remove-exemption`);
        assert.match(
          (await page.locator('.govuk-inset-text').textContent()) ?? '',
          /The exemption \(recorded on 1st Oct 2025\): Family away from the area/,
        );
        await tabTo(page, page.getByRole('button', { name: 'Save and tell the family' }));
        await pressForNextPage(page, 'Enter');
        await checkPage(page, 'Remove the exemption to the time limits');
        await expectErrorSummaryFocused(page, /Enter why the exemption no longer applies/);
        await followFirstErrorLink(page, page.getByLabel('Why the exemption no longer applies'));
        await page.keyboard.type('The family came back early.');
        await tabTo(page, page.getByRole('button', { name: 'Save and tell the family' }));
        await page.keyboard.press('Enter');
        await page.waitForURL(`${t.baseUrl}/staff/cases/${exempted.id}`);
        assert.match(await noticeText(page), /Remove the exemption to the time limits: saved\./);

        // The next annual review meeting: the inset says it starts a new cycle; a date before the last decision is an error.
        await page.goto(`${t.baseUrl}/staff/cases/${reviewed.id}/progress/review-meeting`);
        assert.match(
          (await page.locator('.govuk-inset-text').textContent()) ?? '',
          /The decision after the annual review meeting of 1st Dec 2024 was made on 9th Dec 2024\. The meeting you record now is for the next annual review\./,
        );
        const meetingDay = page.getByRole('group', { name: 'Date of the annual review meeting' }).getByLabel('Day');
        await tabTo(page, meetingDay);
        await page.keyboard.type('5');
        await page.keyboard.press('Tab');
        await page.keyboard.type('12');
        await page.keyboard.press('Tab');
        await page.keyboard.type('2024');
        await pressForNextPage(page, 'Enter');
        await checkPage(page, 'Record the annual review meeting');
        await expectErrorSummaryFocused(
          page,
          /Date of the next annual review meeting must be after the date of the last review decision \(9th Dec 2024\)/,
        );
        await followFirstErrorLink(page, meetingDay);
        for (const value of ['25', '11', '2025']) {
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type(value);
          await page.keyboard.press('Tab');
        }
        await tabTo(page, page.getByRole('button', { name: 'Save and tell the family' }));
        await page.keyboard.press('Enter');
        await page.waitForURL(`${t.baseUrl}/staff/cases/${reviewed.id}`);
        assert.match(await noticeText(page), /Annual review meeting: saved\./);
        assert.equal(
          (await t.pool.query(`SELECT review_meeting_on FROM cases WHERE id = $1`, [reviewed.id])).rows[0]
            .review_meeting_on,
          '2025-11-25',
        );

        // Reset a member of staff's second factor, and disable a parent's account: each confirmed by keyboard.
        for (const { person, action, heading, button, notice } of [
          {
            person: locked,
            action: 'reset-two-factor',
            heading: "Reset Lou Lockedout's second factor?",
            button: 'Reset second factor',
            notice: /Lou Lockedout's second factor has been reset\./,
          },
          {
            person: parent,
            action: 'disable',
            heading: "Disable Jane Rogers's account?",
            button: 'Disable account',
            notice: /Jane Rogers's account has been disabled/,
          },
        ]) {
          await page.goto(`${t.baseUrl}/staff/people/${person.id}/${action}`);
          await checkPage(page, heading);
          assert.match((await page.locator('main').textContent()) ?? '', /We will email them/);
          await tabTo(page, page.getByRole('button', { name: button }));
          await page.keyboard.press('Enter');
          await page.waitForURL(`${t.baseUrl}/staff/people/${person.id}`);
          assert.match(await noticeText(page), notice);
        }
        const after = await t.pool.query(`SELECT id, status, two_factor_method FROM users WHERE id = ANY($1::uuid[])`, [
          [locked.id, parent.id],
        ]);
        assert.deepEqual(Object.fromEntries(after.rows.map((row) => [row.id, [row.status, row.two_factor_method]])), {
          [locked.id]: ['active', null],
          [parent.id]: ['disabled', 'sms'],
        });

        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  },
);
