import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { invite } from '../accounts/support/helpers.js';
import { browserSkipReason } from '../support/browser.js';
import { createTestCase } from '../support/cases.js';
import { giveAppMethod } from '../two-factor/support.js';
import { forgottenPasswordJourney, parentReadsAndTakesPart, parentRegistersWithApp } from './steps.js';
import { Person, startWorld, VIEWPORTS, type World } from './support.js';

describe('Journey 7: with JavaScript switched off, journeys 2 and 5 still work', { skip: browserSkipReason() }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await world?.close();
  });

  for (const viewport of VIEWPORTS) {
    const open = () => Person.open(world, viewport, { javaScript: false });
    const parent = {
      email: `jo.nojs.${viewport.name}@example.com`,
      fullName: 'Jo Rogers',
      password: 'Barney-Kettle-2023',
    };

    it(`7 (${viewport.name}, no JavaScript): from the invitation, the parent registers, sets up the app, reads, comments and uploads`, async () => {
      // Staff's side (journey 1) is the same with or without the family's JavaScript: made directly here.
      const invited = await invite(world.t, { email: parent.email, fullName: parent.fullName });
      assert.equal(invited.outcome, 'invited');
      const userId = (invited as { userId: string }).userId;
      const barney = await createTestCase(world.t.pool, {
        requestText: 'Barney finds reading and writing hard. Please assess his needs.',
        members: [{ userId, role: 'parent' }],
      });
      const person = await open();
      await parentRegistersWithApp(person, world, parent.email, parent.password);
      await parentReadsAndTakesPart(person, barney.id);
      await person.close();
    });

    it(`7 (${viewport.name}, no JavaScript): forgotten password, and the session from before is gone`, async () => {
      const { rows } = await world.t.pool.query('SELECT id FROM users WHERE email = $1', [parent.email]);
      const secret = await giveAppMethod(world.t, rows[0].id);
      await forgottenPasswordJourney(world, open, { email: parent.email, password: parent.password, secret });
    });
  }
});
