import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { inTransaction } from '../../src/db/pool.js';
import { openTotpSecret } from '../../src/two-factor/secrets.js';
import { saveSmsMethod } from '../../src/two-factor/user-data.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { expectRedirect, giveAppMethod, keyFromPage, otherCode, totpAt } from './support.js';
import { csrfFrom, postForm, submitForm } from '../support/forms.js';
import { auditActions } from '../support/database-checks.js';

describe('two-factor: the authenticator app', () => {
  const clock = fixedClock('2025-09-01T09:00:10Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  it('sets up the app from the key on the page, then refuses the same code at the next sign-in', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id, 'password');

    const choose = await agent.get('/two-factor').expect(200);
    for (const words of [
      'You need to enter a code each time you log in',
      'How do you want to get your code?',
      'Smartphone or tablet app',
      'Look up your code without relying on mobile phone reception or if you don&#39;t wish the local authority to store your mobile phone number.',
      'Text message',
      'We&#39;ll send your code by text message (SMS). There is no cost to you.',
      'I need more information',
      'The EHC Hub does this by asking you to enter a unique code each time you log in.',
      'Continue',
    ])
      assert.ok(choose.text.includes(words), words);

    const noChoice = await postForm(agent, '/two-factor', csrfFrom(choose.text)).expect(400);
    assert.match(noChoice.text, /There is a problem/);
    assert.match(noChoice.text, /href="#method">Select how you want to get your code</);

    await postForm(agent, '/two-factor', csrfFrom(choose.text), { method: 'app' })
      .expect(302)
      .expect('Location', '/two-factor/app');
    const appPage = await agent.get('/two-factor/app').expect(200);
    for (const words of [
      'Use an app on your smartphone or tablet',
      '1. Install or open an authenticator app on your smartphone or tablet and add an account.',
      '2. Enter the following key in your authentication app:',
      'Use a QR code instead',
      'Scan this image to get a verification code.',
      '3. Enter the verification code from your authentication app.',
      'If you\'d rather receive a text message (SMS), <a class="govuk-link" href="/two-factor">start again</a>.',
    ])
      assert.ok(appPage.text.includes(words), words);
    assert.match(
      appPage.text,
      /id="app-key"><span class="govuk-visually-hidden">Key: <\/span>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</,
    );
    assert.match(
      appPage.text,
      /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="200" height="200" alt="QR code to add your EHC Hub account/,
    );
    const secret = keyFromPage(appPage.text);
    // The same key until it is confirmed: a reload must not break what the app already holds.
    assert.equal(keyFromPage((await agent.get('/two-factor/app').expect(200)).text), secret);
    const csrf = csrfFrom(appPage.text);

    const empty = await postForm(agent, '/two-factor/app', csrf, { code: '' }).expect(400);
    assert.match(empty.text, /Enter the verification code from your authentication app/);
    const letters = await postForm(agent, '/two-factor/app', csrf, { code: '12ab56' }).expect(400);
    assert.match(letters.text, /The code must be 6 digits/);
    const code = await totpAt(secret, clock);
    const wrong = await postForm(agent, '/two-factor/app', csrf, { code: otherCode(code) }).expect(400);
    assert.match(wrong.text, /The code is not correct/);
    assert.doesNotMatch(wrong.text, new RegExp(`value="${otherCode(code)}"`));
    assert.equal(keyFromPage(wrong.text), secret);
    const before = (await t.pool.query('SELECT two_factor_method FROM users WHERE id = $1', [user.id])).rows[0];
    assert.equal(before.two_factor_method, null);

    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    const done = await postForm(agent, '/two-factor/app', csrf, { code: spaced })
      .expect(302)
      .expect('Location', '/cases');
    assert.match(String(done.headers['set-cookie']), /ehc-session=/, 'a new session id after the code');
    // The session is now fully signed in.
    const account = await agent.get('/account');
    if (account.status === 404) assert.match((await agent.get('/help').expect(200)).text, />Sign out<\/button>/);
    else assert.equal(account.status, 200);
    await agent.get('/two-factor').expect(302).expect('Location', '/account/two-factor');

    const { rows } = await t.pool.query(
      'SELECT two_factor_method, totp_secret_encrypted, totp_last_step, phone_encrypted, last_signed_in_at FROM users WHERE id = $1',
      [user.id],
    );
    assert.equal(rows[0].two_factor_method, 'app');
    assert.ok(!rows[0].totp_secret_encrypted.includes(secret));
    assert.equal(openTotpSecret(t.config.encryptionKey, user.id, rows[0].totp_secret_encrypted), secret);
    assert.equal(Number(rows[0].totp_last_step), Math.floor(clock.now().getTime() / 30_000));
    assert.equal(rows[0].phone_encrypted, null);
    assert.equal(rows[0].last_signed_in_at.getTime(), clock.now().getTime());
    assert.deepEqual(await auditActions(t.pool, user.id), [
      'two-factor.code-failed',
      'two-factor.set-up',
      'sign-in.completed',
    ]);

    // The next sign-in: the code already used is refused, the next step's code is accepted.
    const later = await agentSignedInAs(t, user.id, 'password');
    const codePage = await later.get('/log-in-code').expect(200);
    assert.match(codePage.text, /Enter your log in code/);
    assert.match(codePage.text, /Log in code/);
    assert.doesNotMatch(codePage.text, /Resend log in code/);
    const replay = await postForm(later, '/log-in-code', csrfFrom(codePage.text), { code }).expect(400);
    assert.match(replay.text, /That code has already been used/);
    const next = await totpAt(secret, clock, 30);
    await postForm(later, '/log-in-code', csrfFrom(codePage.text), { code: `${next.slice(0, 3)}-${next.slice(3)}` })
      .expect(302)
      .expect('Location', '/cases');
    // And that one cannot be used again either.
    const third = await agentSignedInAs(t, user.id, 'password');
    const again = await submitForm(third, '/log-in-code', { code: next });
    assert.equal(again.status, 400);
    assert.match(again.text, /That code has already been used/);
  });

  it('keeps the sign-in time, and goes where the user was going (staff to their work tray)', async () => {
    const user = await createUser(t.pool);
    const secret = await giveAppMethod(t, user.id);
    const signedInAt = clock.now().getTime() - 60_000;
    const agent = await agentSignedInAs(t, user.id, 'password', { signedInAt });
    const sid = (await t.pool.query(`SELECT sid FROM session WHERE sess::jsonb -> 'auth' ->> 'userId' = $1`, [user.id]))
      .rows[0].sid;
    await t.pool.query(
      `UPDATE session SET sess = (sess::jsonb || '{"returnTo": "/cases/1234"}'::jsonb)::json WHERE sid = $1`,
      [sid],
    );
    expectRedirect(await submitForm(agent, '/log-in-code', { code: await totpAt(secret, clock) }), '/cases/1234');
    const { rows } = await t.pool.query(`SELECT sid, sess FROM session WHERE sess::jsonb -> 'auth' ->> 'userId' = $1`, [
      user.id,
    ]);
    assert.equal(rows.length, 1, 'the half-signed-in session is gone');
    assert.notEqual(rows[0].sid, sid);
    assert.deepEqual(rows[0].sess.auth, {
      userId: user.id,
      stage: 'full',
      signedInAt,
      lastSeenAt: clock.now().getTime(),
    });

    const staff = await createUser(t.pool, { kind: 'staff' });
    const staffSecret = await giveAppMethod(t, staff.id);
    const staffAgent = await agentSignedInAs(t, staff.id, 'password');
    expectRedirect(await submitForm(staffAgent, '/log-in-code', { code: await totpAt(staffSecret, clock) }), '/staff');
  });

  it('takes over from the password at /sign-in', async () => {
    const user = await createUser(t.pool);
    const secret = await giveAppMethod(t, user.id);
    const agent = t.agent();
    const signIn = await agent.get('/sign-in').expect(200);
    await postForm(agent, '/sign-in', csrfFrom(signIn.text), { email: user.email, password: user.password })
      .expect(302)
      .expect('Location', '/log-in-code');
    await agent.get('/cases').expect(302).expect('Location', '/log-in-code');
    const page = await agent.get('/log-in-code').expect(200);
    await postForm(agent, '/log-in-code', csrfFrom(page.text), { code: await totpAt(secret, clock) })
      .expect(302)
      .expect('Location', '/cases');
    await agent.get('/account').expect(200);
  });

  it('never lets the setup pages get round a factor the account already has', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    // Nor a setup finishing after another one did.
    const replaced = await inTransaction(t.pool, (client) =>
      saveSmsMethod(client, user.id, 'sealed', clock.now(), true),
    );
    assert.equal(replaced, false);
    const agent = await agentSignedInAs(t, user.id, 'password');
    for (const url of ['/two-factor', '/two-factor/app', '/two-factor/sms', '/two-factor/sms/code'])
      await agent.get(url).expect(302).expect('Location', '/log-in-code');
    const csrf = csrfFrom((await agent.get('/log-in-code').expect(200)).text);
    await postForm(agent, '/two-factor/app', csrf, { code: '123456' }).expect(302).expect('Location', '/log-in-code');
    await postForm(agent, '/two-factor/sms', csrf, { phone: '07123456789' })
      .expect(302)
      .expect('Location', '/log-in-code');
    await postForm(agent, '/two-factor/sms/code', csrf, { code: '123456' })
      .expect(302)
      .expect('Location', '/log-in-code');
  });

  it('sends a session with no factor due to the right place', async () => {
    const anonymous = t.agent();
    for (const url of ['/log-in-code', '/two-factor', '/two-factor/app', '/two-factor/sms', '/account/two-factor'])
      await anonymous.get(url).expect(302).expect('Location', '/sign-in');
    const newUser = await createUser(t.pool);
    await (
      await agentSignedInAs(t, newUser.id, 'password')
    )
      .get('/log-in-code')
      .expect(302)
      .expect('Location', '/two-factor');
    const full = await agentSignedInAs(t, newUser.id, 'full');
    await full.get('/log-in-code').expect(302).expect('Location', '/cases');
    const disabled = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, disabled.id, 'password');
    await t.pool.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.id]);
    await agent.get('/log-in-code').expect(302).expect('Location', '/sign-in');
  });

  it('gives a half-signed-in session nothing from the account pages', async () => {
    const user = await createUser(t.pool);
    await giveAppMethod(t, user.id);
    const agent = await agentSignedInAs(t, user.id, 'password');
    for (const url of ['/account', '/account/two-factor'])
      await agent.get(url).expect(302).expect('Location', '/log-in-code');
    const help = await agent.get('/help').expect(200);
    assert.doesNotMatch(help.text, />Sign out<\/button>/, 'no signed-in navigation');
  });

  // Needs the cases feature's routes (they use requireSignedIn, which sends this session to its code).
  it('gives a half-signed-in session nothing from /cases or a case', async () => {
    const user = await createUser(t.pool);
    await giveAppMethod(t, user.id);
    const agent = await agentSignedInAs(t, user.id, 'password');
    for (const url of [
      '/cases',
      '/cases/6f1c0d1e-8a44-4f5e-9d51-2b2f0b9e7a10',
      '/cases/6f1c0d1e-8a44-4f5e-9d51-2b2f0b9e7a10/stages/decision',
    ]) {
      const res = await agent.get(url);
      assert.equal(res.status, 302, url);
      assert.equal(res.headers.location, '/log-in-code', url);
    }
  });

  it('refuses a code form without its CSRF token', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id, 'password');
    await agent.get('/two-factor/app').expect(200);
    await agent.post('/two-factor/app').type('form').send({ code: '123456' }).expect(403);
  });
});
