import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkipReason } from '../support/browser.js';
import { createTestCase } from '../support/cases.js';
import { createUser, TEST_PASSWORD } from '../support/users.js';
import { otherCode } from '../two-factor/support.js';
import { BARNEY_STATUS, signInWithPassword } from './steps.js';
import { codeInText, nthTextTo, Person, startWorld, textsTo, VIEWPORTS, type World } from './support.js';

describe('Journey 3: a second parent chooses text messages for the log in code', { skip: browserSkipReason() }, () => {
  let world: World;
  let caseId: string;
  before(async () => {
    world = await startWorld();
    const first = await createUser(world.t.pool, { fullName: 'Jo Rogers' });
    caseId = (await createTestCase(world.t.pool, { members: [{ userId: first.id, role: 'parent' }] })).id;
  });
  after(async () => {
    await world?.close();
  });

  for (const [index, viewport] of VIEWPORTS.entries()) {
    it(`3 (${viewport.name}): phone number, a code by text, a wrong code, a new code, the right code, My cases`, async () => {
      const parent = await createUser(world.t.pool, {
        fullName: 'Alex Rogers',
        email: `alex.rogers.${viewport.name}@example.com`,
      });
      await world.t.pool.query(`INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, 'parent')`, [
        caseId,
        parent.id,
      ]);
      const mobile = `07123 45698${index}`;
      const e164 = `+44712345698${index}`;

      const person = await Person.open(world, viewport);
      await signInWithPassword(person, parent.email, TEST_PASSWORD, 'You need to enter a code each time you log in');
      await person.choose(person.page.getByLabel('Text message', { exact: true }));
      await person.activate(person.page.getByRole('button', { name: 'Continue', exact: true }));
      await person.check('Enter your mobile phone number');

      // A landline first: the guide's message, the number kept.
      await person.type(person.page.getByLabel('Mobile phone number'), '020 7946 0018');
      await person.activate(person.page.getByRole('button', { name: 'Send code', exact: true }));
      await person.check('Enter your mobile phone number');
      await person.expectErrors('Enter a mobile phone number, not a landline');
      assert.equal(textsTo(world, '+442079460018').length, 0);

      await person.type(person.page.getByLabel('Mobile phone number'), mobile);
      await person.activate(person.page.getByRole('button', { name: 'Send code', exact: true }));
      await person.check('Enter your log in code');
      assert.match(
        await person.mainText(),
        new RegExp(`We've sent a log in code to mobile phone number ending ${e164.slice(-3)}`),
      );
      const first = codeInText(await nthTextTo(world, e164, 1));

      await person.type(person.page.getByLabel('Log in code'), otherCode(first));
      await person.activate(person.page.getByRole('button', { name: 'Sign in', exact: true }));
      await person.check('Enter your log in code');
      await person.expectErrors('The log in code is not correct. Check the text message and try again');

      const resend = person.page.getByRole('button', { name: 'Resend log in code' });
      await person.activate(resend);
      await person.check('Enter your log in code');
      assert.match(await person.mainText(), /We've sent you a new log in code\./);
      const second = codeInText(await nthTextTo(world, e164, 2));

      if (first !== second) {
        // The first code was replaced by the new one.
        await person.type(person.page.getByLabel('Log in code'), first);
        await person.activate(person.page.getByRole('button', { name: 'Sign in', exact: true }));
        await person.check('Enter your log in code');
        await person.expectErrors('The log in code is not correct. Check the text message and try again');
      }
      await person.type(person.page.getByLabel('Log in code'), second);
      await person.activate(person.page.getByRole('button', { name: 'Sign in', exact: true }));
      await person.check('My cases');
      assert.match(await person.mainText(), new RegExp(BARNEY_STATUS));
      assert.match(await person.mainText(), /Decision due: 18th Sep 2023/);

      const { rows } = await world.t.pool.query('SELECT two_factor_method FROM users WHERE id = $1', [parent.id]);
      assert.equal(rows[0].two_factor_method, 'sms');
      assert.equal(textsTo(world, e164).length, 2, 'two texts, both through GOV.UK Notify');
      await person.close();
    });
  }
});
