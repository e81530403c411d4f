import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser, TEST_PASSWORD } from '../support/users.js';
import { comparable } from './support/helpers.js';
import { csrfFrom } from '../support/forms.js';
import { auditActions } from '../support/database-checks.js';

const MINUTE = 60 * 1000;

describe('sign in, lockout and sign out', () => {
  let t: TestApp;
  const clock = fixedClock('2024-02-01T10:00:00Z');

  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  async function signIn(email: string, password: string, agent = t.agent()) {
    const page = await agent.get('/sign-in').expect(200);
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email, password });
    return { agent, res };
  }

  it('shows the sign in page with "Forgotten password?"', async () => {
    const page = await t.agent().get('/sign-in').expect(200);
    assert.match(page.text, /Sign in to EHC Hub/);
    assert.match(page.text, /<a class="govuk-link" href="\/forgotten-password">Forgotten password\?<\/a>/);
    assert.match(page.text, /name="email"/);
    assert.match(page.text, /name="password"/);
  });

  it('sends a user with a second factor to /log-in-code, keeping where they were going', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = t.agent();
    await agent.get('/account').expect(302).expect('location', '/sign-in');
    const { res } = await signIn(`  ${user.email.toUpperCase()} `, user.password, agent);
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/log-in-code');
    const { rows } = await t.pool.query(`SELECT sess FROM session WHERE sess->'auth'->>'userId' = $1`, [user.id]);
    assert.equal(rows[0].sess.returnTo, '/account');
    assert.equal(rows[0].sess.auth.stage, 'password');
  });

  it('answers an unknown email, a wrong password, an unregistered and a disabled account the same way', async () => {
    const active = await createUser(t.pool);
    const invited = await createUser(t.pool, { status: 'invited' });
    const disabled = await createUser(t.pool, { status: 'disabled' });
    const attempts = [
      ['nobody.here@example.com', 'Wrong-Password-1'],
      [active.email, 'Wrong-Password-1'],
      [invited.email, TEST_PASSWORD],
      [disabled.email, TEST_PASSWORD],
    ];
    const answers = [];
    for (const [email, password] of attempts) {
      const { res } = await signIn(email, password);
      answers.push({ status: res.status, body: comparable(res.text, [email]), cookie: res.headers['set-cookie'] });
    }
    assert.equal(answers[0].status, 400);
    assert.match(answers[0].body, /There is a problem/);
    assert.match(answers[0].body, /Enter a correct email address and password/);
    assert.match(answers[0].body, /value="\[replaced\]"/, 'the email address is kept');
    for (const answer of answers.slice(1)) {
      assert.equal(answer.status, answers[0].status);
      assert.equal(answer.body, answers[0].body);
      assert.equal(answer.cookie, undefined, 'no new session for any failure');
    }
    assert.deepEqual(await auditActions(t.pool, active.id), ['sign-in.failed']);
  });

  it('asks for a missing email address or password', async () => {
    const { res } = await signIn('', '');
    assert.equal(res.status, 400);
    assert.match(res.text, /Enter your email address/);
    assert.match(res.text, /Enter your password/);
  });

  it('refuses a form without its CSRF token, and odd input with a 400, never a 500', async () => {
    const agent = t.agent();
    const page = await agent.get('/sign-in');
    await agent.post('/sign-in').type('form').send({ email: 'a@example.com', password: 'x' }).expect(403);
    const twice = await agent
      .post('/sign-in')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfFrom(page.text))}&email=a%40example.com&email=b%40example.com&password=x`)
      .expect(400);
    assert.match(twice.text, /Enter your email address/);
  });

  it('locks an account after 10 failures in 15 minutes, even against the right password, then lets it in again', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'sms' });
    for (let i = 1; i <= 9; i++) {
      const { res } = await signIn(user.email, `Wrong-Password-${i}`);
      assert.equal(res.status, 400, `attempt ${i}`);
    }
    const tenth = await signIn(user.email, 'Wrong-Password-10');
    assert.equal(tenth.res.status, 429);
    assert.match(tenth.res.text, /There have been too many attempts to sign in. Wait 15 minutes, then try again./);

    const right = await signIn(user.email, user.password);
    assert.equal(right.res.status, 429, 'the right password does not bypass the lock');
    assert.match(right.res.text, /too many attempts/);
    const actions = await auditActions(t.pool, user.id);
    assert.equal(actions.filter((a) => a === 'sign-in.failed').length, 10);
    assert.ok(actions.includes('sign-in.locked-out'));
    assert.ok(actions.includes('sign-in.refused-locked'));

    clock.advance(10 * MINUTE);
    const later = await signIn(user.email, user.password);
    assert.equal(later.res.status, 429);
    assert.match(later.res.text, /Wait 5 minutes/);

    clock.advance(5 * MINUTE + 1000);
    const after = await signIn(user.email, user.password);
    assert.equal(after.res.status, 302);
    assert.equal(after.res.headers.location, '/log-in-code');
  });

  it('locks an address that has no account the same way, so the lock tells nothing', async () => {
    let last;
    for (let i = 1; i <= 10; i++) last = (await signIn('no.such.person@example.com', `Wrong-Password-${i}`)).res;
    assert.equal(last!.status, 429);
    assert.match(last!.text, /too many attempts/);
  });

  it('signs out: the session is gone from the database and the page says so', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id);
    const account = await agent.get('/account').expect(200);
    const res = await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfFrom(account.text) })
      .expect(302);
    assert.equal(res.headers.location, '/signed-out');
    const page = await agent.get('/signed-out').expect(200);
    assert.match(page.text, /<h1 class="govuk-heading-l">You have signed out<\/h1>/);
    const { rows } = await t.pool.query(`SELECT 1 FROM session WHERE sess->'auth'->>'userId' = $1`, [user.id]);
    assert.equal(rows.length, 0);
    await agent.get('/account').expect(302).expect('location', '/sign-in');
    assert.ok((await auditActions(t.pool, user.id)).includes('sign-out'));
  });

  it('after a timeout says "You have been signed out" and signing in again returns to the page', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, user.id, 'full', { lastSeenAt: clock.now().getTime() - 31 * MINUTE });
    const res = await agent.get('/account').expect(302);
    assert.equal(res.headers.location, '/signed-out?reason=timeout');
    const page = await agent.get(res.headers.location).expect(200);
    assert.match(page.text, /<h1 class="govuk-heading-l">You have been signed out<\/h1>/);
    assert.match(page.text, /not used EHC Hub for 30 minutes/);
    assert.match(page.text, /href="\/sign-in"/);
    const again = await signIn(user.email, user.password, agent);
    assert.equal(again.res.headers.location, '/log-in-code');
    const { rows } = await t.pool.query(`SELECT sess FROM session WHERE sess->'auth'->>'userId' = $1`, [user.id]);
    assert.equal(rows[0].sess.returnTo, '/account');
  });
});
