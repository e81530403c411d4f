import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import supertest from 'supertest';
import { fixedClock } from '../../src/clock.js';
import { sessionStore } from '../../src/auth/session-store.js';
import { watchQueries } from '../cases/support.js';
import { agentSignedInAs, sessionCookieFor } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { waitFor } from '../support/wait.js';

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

  /** A signed-in browser's cookie, with its session row then changed by `sql` ($1 is the sid). */
  async function cookieWithSession(sql: string): Promise<{ cookie: string; sid: string }> {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const { name, value } = await sessionCookieFor(t, user.id);
    const sid = decodeURIComponent(value).slice(2).split('.')[0];
    await t.pool.query(sql, [sid]);
    return { cookie: `${name}=${value}`, sid };
  }

  it('treats a session row that is not an object as no session, and removes it', async () => {
    for (const sess of ['null', '42', '"text"']) {
      const { cookie, sid } = await cookieWithSession(`UPDATE session SET sess = '${sess}' WHERE sid = $1`);
      await supertest(t.baseUrl).get('/cases').set('Cookie', cookie).expect(302).expect('Location', '/sign-in');
      const left = await t.pool.query('SELECT 1 FROM session WHERE sid = $1', [sid]);
      assert.equal(left.rowCount, 0, `${sess} is removed`);
    }
  });

  it('treats a signed-in session whose user id is not a uuid as not signed in', async () => {
    const { cookie } = await cookieWithSession(
      `UPDATE session SET sess = jsonb_set(sess::jsonb, '{auth,userId}', '"not-a-uuid"')::json WHERE sid = $1`,
    );
    await supertest(t.baseUrl).get('/cases').set('Cookie', cookie).expect(302).expect('Location', '/sign-in');
  });

  it('prunes expired sessions on its own, as connect-pg-simple does', async () => {
    await t.pool.query(
      `INSERT INTO session (sid, sess, expire) VALUES ('long-expired', '{"cookie":{}}', now() - interval '1 day')`,
    );
    const store = sessionStore(t.pool, { tableName: 'session', pruneSessionInterval: 0.05 });
    try {
      await waitFor(
        'the expired session to be pruned',
        async () => (await t.pool.query(`SELECT 1 FROM session WHERE sid = 'long-expired'`)).rowCount === 0,
        5000,
      );
    } finally {
      await store.close();
    }
  });
});
