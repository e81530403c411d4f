import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser, TEST_PASSWORD } from '../support/users.js';
import { devMailboxCode, giveSmsMethod, keyFromPage, otherCode, totpAt } from '../two-factor/support.js';
import { staffUser } from './support.js';
import { csrfFrom, csrfTokenOf, postForm } from '../support/forms.js';
import { count } from '../support/database-checks.js';

const LOCKED = /You have entered the wrong code too many times/;

describe('staff: resetting a second factor also lifts a lock and drops a waiting code', () => {
  const clock = fixedClock('2025-09-01T09:00:10Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  it('lets a parent locked out of their text-message codes set up an app straight after the reset', async () => {
    const parent = await createUser(t.pool, { fullName: 'Lou Locked' });
    await giveSmsMethod(t, parent.id, '+447700900123');
    await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });

    // Five wrong codes in a row lock code entry; the code they were sent is still waiting.
    const locked = await agentSignedInAs(t, parent.id, 'password');
    const csrf = csrfFrom((await locked.get('/log-in-code').expect(200)).text);
    const sent = await devMailboxCode(t, '+447700900123', 1);
    for (let i = 1; i <= 5; i += 1) await postForm(locked, '/log-in-code', csrf, { code: otherCode(sent) }).expect(400);
    assert.match((await postForm(locked, '/log-in-code', csrf, { code: sent }).expect(400)).text, LOCKED);
    assert.equal(await count(t.pool, 'SELECT count(*) FROM sms_login_codes WHERE user_id = $1', [parent.id]), 1);

    const staff = await staffUser(t);
    await staff.agent.get(`/staff/people/${parent.id}/reset-two-factor`).expect(200);
    await staff.agent
      .post(`/staff/people/${parent.id}/reset-two-factor`)
      .type('form')
      .send({ _csrf: await csrfTokenOf(staff.agent, `/staff/people/${parent.id}`) })
      .expect(302);
    assert.equal(await count(t.pool, 'SELECT count(*) FROM two_factor_failures WHERE user_id = $1', [parent.id]), 0);
    assert.equal(await count(t.pool, 'SELECT count(*) FROM sms_login_codes WHERE user_id = $1', [parent.id]), 0);

    // The same minute, through the real sign-in: password, then a new app set up and its first code taken.
    const agent = t.agent();
    const signIn = await agent.get('/sign-in').expect(200);
    const email = (await t.pool.query('SELECT email FROM users WHERE id = $1', [parent.id])).rows[0].email;
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(signIn.text), email, password: TEST_PASSWORD })
      .expect(302)
      .expect('Location', '/two-factor');
    const choose = await agent.get('/two-factor').expect(200);
    await postForm(agent, '/two-factor', csrfFrom(choose.text), { method: 'app' })
      .expect(302)
      .expect('Location', '/two-factor/app');
    const appPage = await agent.get('/two-factor/app').expect(200);
    const code = await totpAt(keyFromPage(appPage.text), clock);
    await postForm(agent, '/two-factor/app', csrfFrom(appPage.text), { code }).expect(302).expect('Location', '/cases');
    await agent.get('/cases').expect(200);
    assert.equal(
      (await t.pool.query('SELECT two_factor_method FROM users WHERE id = $1', [parent.id])).rows[0].two_factor_method,
      'app',
    );
  });
});
