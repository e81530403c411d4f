import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('session writes on read-only pages', () => {
  const clock = fixedClock('2024-02-01T10:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  const sessionOf = async (userId: string) =>
    (await t.pool.query(`SELECT sess, expire FROM session WHERE sess->'auth'->>'userId' = $1`, [userId])).rows[0] as {
      sess: { auth: { lastSeenAt: number } };
      expire: Date;
    };

  it('leaves the session row alone for pages read within a minute of the last write', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, user.id);
    await agent.get('/account').expect(200);
    const before = await sessionOf(user.id);
    clock.advance(30 * SECOND);
    await agent.get('/account').expect(200);
    await agent.get('/help').expect(200);
    const afterwards = await sessionOf(user.id);
    assert.deepEqual(afterwards.sess, before.sess, 'lastSeenAt is not written');
    assert.equal(afterwards.expire.getTime(), before.expire.getTime(), 'the row is not touched');
  });

  it('writes lastSeenAt once a minute has passed, so the idle limit still counts from the last activity', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, user.id);
    clock.advance(61 * SECOND);
    await agent.get('/account').expect(200);
    assert.equal((await sessionOf(user.id)).sess.auth.lastSeenAt, clock.now().getTime());
    clock.advance(29 * MINUTE);
    await agent.get('/account').expect(200);
    clock.advance(31 * MINUTE);
    const res = await agent.get('/account').expect(302);
    assert.equal(res.headers.location, '/signed-out?reason=timeout');
  });
});
