import { after, before, describe, it } from 'node:test';
import { browserSkipReason } from '../support/browser.js';
import { createTestCase } from '../support/cases.js';
import { createUser, TEST_PASSWORD } from '../support/users.js';
import { giveAppMethod } from '../two-factor/support.js';
import { forgottenPasswordJourney } from './steps.js';
import { Person, startWorld, VIEWPORTS, type World } from './support.js';

describe('Journey 5: forgotten password', { skip: browserSkipReason() }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await world?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`5 (${viewport.name}): the email, "Create a password", sign in again; the session from before is gone`, async () => {
      const parent = await createUser(world.t.pool, {
        fullName: 'Jo Rogers',
        email: `jo.forgetful.${viewport.name}@example.com`,
      });
      await createTestCase(world.t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
      const secret = await giveAppMethod(world.t, parent.id);
      await forgottenPasswordJourney(world, () => Person.open(world, viewport), {
        email: parent.email,
        password: TEST_PASSWORD,
        secret,
      });
    });
  }
});
