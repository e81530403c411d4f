import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkipReason } from '../support/browser.js';
import { createTestCase } from '../support/cases.js';
import { sessionCookieFor } from '../support/sessions.js';
import { createUser } from '../support/users.js';
import { Person, startWorld, VIEWPORTS, type World } from './support.js';

const [DESKTOP_SPEC, MOBILE_SPEC] = VIEWPORTS;

describe(
  'Journey 6: the header menu, the help button, and the Details and Stages sections',
  { skip: browserSkipReason() },
  () => {
    let world: World;
    let parentId: string;
    let caseId: string;
    before(async () => {
      world = await startWorld();
      const parent = await createUser(world.t.pool, { fullName: 'Jo Rogers' });
      parentId = parent.id;
      caseId = (await createTestCase(world.t.pool, { members: [{ userId: parent.id, role: 'parent' }] })).id;
    });
    after(async () => {
      await world?.close();
    });

    /** A parent's browser already signed in (the sign-in itself is journeys 2 to 5). */
    async function signedIn(viewport = MOBILE_SPEC, keyboardOnTouch = false): Promise<Person> {
      const person = await Person.open(world, viewport);
      await person.context.addCookies([{ ...(await sessionCookieFor(world.t, parentId)), url: world.t.baseUrl }]);
      if (keyboardOnTouch) person.useKeyboard();
      return person;
    }

    const menuIcon = (p: Person) => p.page.locator('a.app-header__menu');
    const helpButton = (p: Person) => p.page.locator('details.app-header__help > summary');
    const helpList = (p: Person) => p.page.locator('details.app-header__help .app-header__help-list');
    const whoHasAccess = (p: Person) => p.page.getByRole('heading', { name: 'Who has access' });
    const stagesList = (p: Person) => p.page.locator('#case-stages .app-stages');

    it('6 (mobile, keyboard): the three lines lead to My cases, the question mark opens Help, Account and Sign out; the sections open', async () => {
      const person = await signedIn(MOBILE_SPEC, true);
      await person.goto(`/cases/${caseId}`, 'Rogers, Barney');
      assert.equal(
        await person.page.locator('.app-service-navigation').isVisible(),
        false,
        'the service navigation is hidden on a phone',
      );
      assert.equal(await menuIcon(person).isVisible(), true);

      // The sections start closed on a phone; Enter opens one, Space the other.
      assert.equal(await whoHasAccess(person).isVisible(), false);
      assert.equal(await stagesList(person).isVisible(), false);
      await person.toggle(person.page.locator('#case-details > summary'), 'Enter');
      assert.equal(await whoHasAccess(person).isVisible(), true);
      await person.toggle(person.page.locator('#case-stages > summary'), 'Space');
      assert.equal(await stagesList(person).isVisible(), true);
      await person.check('Rogers, Barney');
      await person.page.keyboard.press('Space');
      assert.equal(await stagesList(person).isVisible(), false, 'Space closes it again');

      await person.activate(menuIcon(person));
      await person.check('My cases');

      assert.equal(await helpList(person).isVisible(), false);
      await person.toggle(helpButton(person), 'Enter');
      assert.equal(await helpList(person).isVisible(), true, 'Enter opens the help menu');
      await person.check('My cases');
      await person.page.keyboard.press('Tab');
      assert.equal(await person.page.evaluate(() => document.activeElement?.textContent?.trim()), 'Help');
      await person.assertFocusVisible();
      await person.page.keyboard.press('Tab');
      assert.equal(await person.page.evaluate(() => document.activeElement?.textContent?.trim()), 'Account');
      await person.assertFocusVisible();
      await person.page.keyboard.press('Tab');
      assert.equal(await person.page.evaluate(() => document.activeElement?.textContent?.trim()), 'Sign out');
      await person.assertFocusVisible();
      await person.page.keyboard.press('Shift+Tab');
      await person.page.keyboard.press('Shift+Tab');
      const loaded = person.page.waitForEvent('load');
      await person.page.keyboard.press('Enter');
      await loaded;
      await person.check('Help');
      await person.close();
    });

    it('6 (mobile, touch): taps open the help menu and the sections, and lead to Account, My cases and Sign out', async () => {
      const person = await signedIn(MOBILE_SPEC);
      await person.goto(`/cases/${caseId}`, 'Rogers, Barney');
      await person.toggle(person.page.locator('#case-details > summary'));
      assert.equal(await whoHasAccess(person).isVisible(), true, 'a tap opens Details');
      await person.toggle(person.page.locator('#case-stages > summary'));
      assert.equal(await stagesList(person).isVisible(), true, 'a tap opens Stages');
      await person.toggle(person.page.locator('#case-details > summary'));
      assert.equal(await whoHasAccess(person).isVisible(), false, 'a second tap closes Details');

      await person.toggle(helpButton(person));
      assert.equal(await helpList(person).isVisible(), true, 'a tap opens the help menu');
      await person.activate(helpList(person).getByRole('link', { name: 'Account' }));
      await person.check('Your account');
      await person.activate(menuIcon(person));
      await person.check('My cases');
      await person.toggle(helpButton(person));
      await person.activate(helpList(person).getByRole('button', { name: 'Sign out' }));
      await person.check('You have signed out');
      assert.equal(await menuIcon(person).count(), 0, 'no menu once signed out');
      await person.close();
    });

    it('6 (desktop): the full menu is shown instead, and Details and Stages are open', async () => {
      const person = await signedIn(DESKTOP_SPEC);
      await person.goto(`/cases/${caseId}`, 'Rogers, Barney');
      const nav = person.page.locator('.app-service-navigation');
      assert.equal(await nav.isVisible(), true);
      assert.equal(await menuIcon(person).isVisible(), false);
      assert.equal(await helpButton(person).isVisible(), false);
      assert.equal(await whoHasAccess(person).isVisible(), true);
      assert.equal(await stagesList(person).isVisible(), true);
      await person.activate(nav.getByRole('link', { name: 'Help' }));
      await person.check('Help');
      await person.activate(person.page.locator('.app-service-navigation').getByRole('link', { name: 'My cases' }));
      await person.check('My cases');
      await person.close();
    });
  },
);
