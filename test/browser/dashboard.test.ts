import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../src/clock.js';
import { addDocument, addKeyDate, addNote, linkLetter } from '../cases/support.js';
import {
  axeViolations,
  browserSkipReason,
  DESKTOP,
  launchBrowser,
  MOBILE,
  NARROW,
  newPage,
  scrollsSideways,
} from '../support/browser.js';
import { createTestCase } from '../support/cases.js';
import { sessionCookieFor } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

describe('My cases and the case page in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let browser: Browser;
  let parentId: string;
  let barneyId: string;

  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T10:00:00Z') });
    browser = await launchBrowser();
    const parent = await createUser(t.pool, { fullName: 'Pat Rogers' });
    const coordinator = await createUser(t.pool, {
      kind: 'staff',
      fullName: 'Jane Coordinator',
      email: 'jane.coordinator.with.a.long.address@edgehill.example.gov.uk',
    });
    parentId = parent.id;
    const members = [
      { userId: parent.id, role: 'parent' as const },
      { userId: coordinator.id, role: 'coordinator' as const },
    ];
    const barney = await createTestCase(t.pool, {
      members,
      requestText: 'Barney finds reading hard.\n\nHe needs more help in class.',
    });
    barneyId = barney.id;
    await addNote(t.pool, barney.id, 'We have shared the request with the family.', {
      authorId: coordinator.id,
      at: '2023-08-09T09:30:00Z',
    });
    await addKeyDate(t.pool, barney.id, 'Meeting at school', '2023-09-01');
    const decided = await createTestCase(t.pool, {
      child: { firstName: 'Maximilian-Alexander', lastName: 'Featherstonehaugh-Worthington' },
      members,
      decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-08-18' }],
    });
    await linkLetter(t.pool, decided.id, 'assess', await addDocument(t.pool, decided.id));
    await createTestCase(t.pool, { child: { firstName: 'Zoe', lastName: 'Aardvark' }, members });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedInPage(
    viewport: { width: number; height: number },
    options: { javaScriptEnabled?: boolean } = {},
  ) {
    const { context, page } = await newPage(browser, viewport, options);
    const cookie = await sessionCookieFor(t, parentId);
    await context.addCookies([{ ...cookie, url: t.baseUrl }]);
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    return { context, page, errors };
  }

  async function activeText(page: Page): Promise<string> {
    return page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
  }

  for (const [name, viewport] of [
    ['320 px', NARROW],
    ['1280 px', DESKTOP],
  ] as const) {
    it(`shows My cases and a case with no axe violations at ${name}, fitting the screen`, async () => {
      const { context, page, errors } = await signedInPage(viewport);
      await page.goto(`${t.baseUrl}/cases`);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('h1').textContent(), 'My cases');
      assert.deepEqual(await page.locator('.app-name-bar a').allTextContents(), [
        'Aardvark, Zoe',
        'Featherstonehaugh-Worthington, Maximilian-Alexander',
        'Rogers, Barney',
      ]);
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(await scrollsSideways(page), false);

      await page.goto(`${t.baseUrl}/cases/${barneyId}`);
      await page.waitForLoadState('networkidle');
      const whoHasAccess = page.getByRole('heading', { name: 'Who has access' });
      if (viewport === NARROW) {
        // On a phone, Details and Stages are closed sections at the top; opening one shows it.
        assert.equal(await whoHasAccess.isVisible(), false);
        await page.locator('#case-details > summary').click();
        assert.equal(await whoHasAccess.isVisible(), true);
        await page.locator('#case-stages > summary').click();
        assert.deepEqual(await axeViolations(page), []);
        assert.equal(await scrollsSideways(page), false);
      } else {
        // On a larger screen they are shown open, with headings instead of the toggles.
        assert.deepEqual(await axeViolations(page), []);
        assert.equal(await scrollsSideways(page), false);
        assert.equal(await whoHasAccess.isVisible(), true);
        assert.equal(await page.getByRole('heading', { name: 'Stages', level: 2 }).isVisible(), true);
        assert.equal(await page.locator('#case-details > summary').isVisible(), false);
      }
      // A reached stage is a link; one not reached is not.
      assert.equal(await page.getByRole('link', { name: /^Request/ }).count(), 1);
      assert.equal(await page.getByRole('link', { name: /^Decision/ }).count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('shows many cases compactly with no axe violations, and opens one whole on demand', async () => {
    const many = await createUser(t.pool, { fullName: 'Sam Many' });
    for (const firstName of ['Ada', 'Ben', 'Cal', 'Dee', 'Eve', 'Fay']) {
      await createTestCase(t.pool, {
        child: { firstName, lastName: 'Many' },
        members: [{ userId: many.id, role: 'parent' }],
      });
    }
    for (const viewport of [NARROW, DESKTOP]) {
      const { context, page } = await newPage(browser, viewport);
      await context.addCookies([{ ...(await sessionCookieFor(t, many.id)), url: t.baseUrl }]);
      await page.goto(`${t.baseUrl}/cases`);
      assert.equal(await page.locator('.app-case-card--compact').count(), 6);
      assert.equal(await page.locator('details.govuk-details').count(), 0);
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(await scrollsSideways(page), false);
      await page.getByRole('link', { name: 'What this means and what to do for Many, Dee' }).click();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('.app-case-card--compact').count(), 5);
      const dee = page.locator('section.app-case-card:not(.app-case-card--compact)');
      assert.equal(await dee.locator('h2').textContent(), 'Many, Dee');
      assert.equal(await dee.locator('details.govuk-details').count(), 3);
      assert.equal(await dee.isVisible(), true);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    }
  });

  it('opens the three questions by keyboard, and the name bar leads to each card', async () => {
    const { context, page } = await signedInPage(NARROW);
    await page.goto(`${t.baseUrl}/cases`);
    const summary = page.locator(`#case-${barneyId} summary`, { hasText: 'What does this mean?' });
    const answer = page
      .locator(`#case-${barneyId}`)
      .getByText('We have received a request for an EHC needs assessment for Barney and have shared this with you.', {
        exact: false,
      });
    assert.equal(await answer.isVisible(), false);
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.equal(await answer.isVisible(), true);
    assert.equal(await page.locator(`#case-${barneyId} details`).first().getAttribute('open'), '');
    await page.keyboard.press('Enter');
    assert.equal(await answer.isVisible(), false);

    // The bar scrolls sideways at 320 px, by keyboard once focused; its links go to the cards.
    const bar = page.locator('.app-name-bar');
    assert.equal(await bar.evaluate((el) => el.scrollWidth > el.clientWidth), true);
    await bar.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (document.querySelector('.app-name-bar') as HTMLElement).scrollLeft > 0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await activeText(page), 'Rogers, Barney');
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, `#case-${barneyId}`);
    await context.close();
  });

  it('works without JavaScript: the questions and the case sections still open', async () => {
    const { context, page } = await signedInPage(NARROW, { javaScriptEnabled: false });
    await page.goto(`${t.baseUrl}/cases/${barneyId}`);
    const whoHasAccess = page.getByRole('heading', { name: 'Who has access' });
    assert.equal(await whoHasAccess.isVisible(), false);
    await page.locator('#case-details > summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await whoHasAccess.isVisible(), true);
    await context.close();
  });

  it('has working mobile menus by keyboard at 375 px: three lines to My cases, the question mark to Help, Account and Sign out', async () => {
    const { context, page } = await signedInPage(MOBILE);
    await page.goto(`${t.baseUrl}/cases/${barneyId}`);
    assert.equal(await page.locator('.app-service-navigation').isVisible(), false);
    await page.keyboard.press('Tab');
    assert.equal(await activeText(page), 'Skip to main content');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '/cases');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'My cases');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}/cases`);

    const helpMenu = page.locator('details.app-header__help');
    await helpMenu.locator('summary').focus();
    assert.equal(await helpMenu.locator('a', { hasText: 'Help' }).isVisible(), false);
    await page.keyboard.press('Enter');
    assert.equal(await helpMenu.getAttribute('open'), '');
    await page.keyboard.press('Tab');
    assert.equal(await activeText(page), 'Help');
    await page.keyboard.press('Tab');
    assert.equal(await activeText(page), 'Account');
    await page.keyboard.press('Tab');
    assert.equal(await activeText(page), 'Sign out');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}/help`);
    assert.equal(await page.locator('h1').textContent(), 'Help');
    await context.close();
  });
});
