import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { devMailboxCode, giveAppMethod, giveSmsMethod, otherCode, totpAt } from './support.js';
import { csrfFrom, postForm } from '../support/forms.js';
import { auditActions } from '../support/database-checks.js';

const LOCKED = /You have entered the wrong code too many times. You can try again in 15 minutes/;

describe('two-factor: 5 wrong codes lock code entry for 15 minutes', () => {
  const clock = fixedClock('2025-09-01T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  async function codePage(userId: string) {
    const agent = await agentSignedInAs(t, userId, 'password');
    const page = await agent.get('/log-in-code');
    return { agent, page, csrf: csrfFrom(page.text) };
  }

  it('locks after the fifth wrong code, in this session and a new one, until 15 minutes have passed', async () => {
    const user = await createUser(t.pool);
    const secret = await giveAppMethod(t, user.id);
    const { agent, csrf } = await codePage(user.id);
    const right = await totpAt(secret, clock);
    for (let i = 1; i <= 4; i += 1) {
      const res = await postForm(agent, '/log-in-code', csrf, { code: otherCode(right) }).expect(400);
      assert.match(res.text, /The code is not correct/);
    }
    const fifth = await postForm(agent, '/log-in-code', csrf, { code: otherCode(right) }).expect(400);
    assert.match(fifth.text, LOCKED);
    assert.match((await postForm(agent, '/log-in-code', csrf, { code: right }).expect(400)).text, LOCKED);

    // A new session (or another app process) finds the same lock: it is kept in the database.
    const fresh = await codePage(user.id);
    assert.equal(fresh.page.status, 429);
    assert.match(fresh.page.text, LOCKED);
    assert.match((await postForm(fresh.agent, '/log-in-code', fresh.csrf, { code: right }).expect(400)).text, LOCKED);
    assert.deepEqual(await auditActions(t.pool, user.id), [
      ...Array(5).fill('two-factor.code-failed'),
      'two-factor.locked',
    ]);

    clock.advance(14 * 60 * 1000);
    const later = await codePage(user.id);
    const stillLocked = await postForm(later.agent, '/log-in-code', later.csrf, {
      code: await totpAt(secret, clock),
    }).expect(400);
    assert.match(stillLocked.text, /You can try again in 1 minute</);

    clock.advance(60 * 1000 + 1000);
    const open = await codePage(user.id);
    await postForm(open.agent, '/log-in-code', open.csrf, { code: await totpAt(secret, clock) })
      .expect(302)
      .expect('Location', '/cases');
    assert.deepEqual((await auditActions(t.pool, user.id)).slice(-2), ['two-factor.locked', 'sign-in.completed']);
  });

  it('counts wrong codes in a row: a right code starts the count again', async () => {
    const user = await createUser(t.pool);
    const secret = await giveAppMethod(t, user.id);
    const first = await codePage(user.id);
    const right = await totpAt(secret, clock);
    for (let i = 1; i <= 4; i += 1)
      await postForm(first.agent, '/log-in-code', first.csrf, { code: otherCode(right) }).expect(400);
    await postForm(first.agent, '/log-in-code', first.csrf, { code: right }).expect(302);
    const second = await codePage(user.id);
    const next = await totpAt(secret, clock, 30);
    for (let i = 1; i <= 4; i += 1) {
      const res = await postForm(second.agent, '/log-in-code', second.csrf, { code: otherCode(next) }).expect(400);
      assert.doesNotMatch(res.text, LOCKED);
    }
    await postForm(second.agent, '/log-in-code', second.csrf, { code: next }).expect(302).expect('Location', '/cases');
  });

  it('locks text message codes too, and sends none while locked', async () => {
    const user = await createUser(t.pool);
    await giveSmsMethod(t, user.id, '+447123456777');
    const { agent, csrf } = await codePage(user.id);
    const code = await devMailboxCode(t, '+447123456777', 1);
    for (let i = 1; i <= 4; i += 1) await postForm(agent, '/log-in-code', csrf, { code: otherCode(code) }).expect(400);
    assert.match((await postForm(agent, '/log-in-code', csrf, { code: otherCode(code) }).expect(400)).text, LOCKED);
    assert.match((await postForm(agent, '/log-in-code', csrf, { code }).expect(400)).text, LOCKED);

    const fresh = await agentSignedInAs(t, user.id, 'password');
    const arrival = await fresh.get('/log-in-code').expect(429);
    assert.match(arrival.text, LOCKED);
    assert.match((await postForm(fresh, '/log-in-code/resend', csrfFrom(arrival.text)).expect(429)).text, LOCKED);
    const { rows } = await t.pool.query('SELECT count(*) AS n FROM sms_code_sends WHERE user_id = $1', [user.id]);
    assert.equal(rows[0].n, 1);
  });
});
