import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

describe('staff pages before both factors', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('send a half-signed-in staff member on to their code, and a parent to the 404 page', async () => {
    const staff = await createUser(t.pool, { kind: 'staff', twoFactorMethod: 'app' });
    const half = await (await agentSignedInAs(t, staff.id, 'password')).get('/staff').expect(302);
    assert.equal(half.headers.location, '/log-in-code');
    const parent = await createUser(t.pool);
    const refused = await (await agentSignedInAs(t, parent.id)).get('/staff').expect(404);
    assert.match(refused.text, /Page not found/);
    const anonymous = await t.agent().get('/staff').expect(302);
    assert.equal(anonymous.headers.location, '/sign-in');
  });
});
