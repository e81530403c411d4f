import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { watchQueries } from '../cases/support.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

// The session and its account are read in one statement; the account must still be the one in
// the database as it is now, on every request.
describe('the signed-in account, read with the session', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2024-02-01T10:00:00Z') });
  });
  after(() => t.close());

  it('is read in the same statement as the session', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, user.id);
    await agent.get('/help').expect(200);
    const seen = await watchQueries(t.pool, () => agent.get('/help').expect(200));
    assert.equal(seen.length, 1);
    assert.equal(seen.filter(({ text }) => /\bsession\b/.test(text)).length, 1);
    assert.equal(seen.filter(({ text }) => /\busers\b/.test(text)).length, 1, 'no second query for the user');
  });

  it('ends the session of an account disabled since it signed in, on its next request', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, user.id);
    await agent.get('/cases').expect(200);
    await t.pool.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [user.id]);
    await agent.get('/cases').expect(302).expect('Location', '/sign-in');
    await t.pool.query(`UPDATE users SET status = 'active' WHERE id = $1`, [user.id]);
    await agent.get('/cases').expect(302).expect('Location', '/sign-in');
  });

  it('shows a change to the account made since sign-in on the next page', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, user.id);
    await agent.get('/account').expect(200);
    await t.pool.query(`UPDATE users SET full_name = 'Rosie Renamed' WHERE id = $1`, [user.id]);
    const res = await agent.get('/account').expect(200);
    assert.match(res.text, /Rosie Renamed/);
  });

  it('is not there for a session that has done only the password', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, user.id, 'password');
    await agent.get('/cases').expect(302).expect('Location', '/log-in-code');
  });
});
