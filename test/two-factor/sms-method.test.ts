import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { openPhone } from '../../src/two-factor/secrets.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { startFakeNotify, verifyNotifyToken } from './fake-notify.js';
import { codeInText, giveSmsMethod, otherCode } from './support.js';
import { csrfFrom, postForm } from '../support/forms.js';
import { auditActions } from '../support/database-checks.js';
import { waitFor } from '../support/wait.js';

describe('two-factor: text messages through GOV.UK Notify', () => {
  const clock = fixedClock('2025-09-01T09:00:00Z');
  const serviceId = crypto.randomUUID();
  const keySecret = crypto.randomUUID();
  const templateId = crypto.randomUUID();
  let notify: Awaited<ReturnType<typeof startFakeNotify>>;
  let t: TestApp;
  before(async () => {
    notify = await startFakeNotify();
    t = await startTestApp({
      clock,
      env: {
        SMS_PROVIDER: 'notify',
        NOTIFY_API_KEY: `ehc_hub_test-${serviceId}-${keySecret}`,
        NOTIFY_BASE_URL: notify.url,
        NOTIFY_SMS_TEMPLATE_ID: templateId,
      },
    });
  });
  after(async () => {
    await t.close();
    await notify.close();
  });

  const textsTo = (e164: string) => notify.requests.filter((request) => request.body.phone_number === e164);
  async function nthCode(e164: string, n: number): Promise<string> {
    const request = await waitFor(`text ${n} to ${e164}`, () => textsTo(e164)[n - 1]);
    return codeInText(request.body.personalisation?.body ?? '');
  }
  const sendsFor = async (userId: string) =>
    (await t.pool.query('SELECT count(*) AS n FROM sms_code_sends WHERE user_id = $1', [userId])).rows[0].n;

  it('asks for a UK mobile number, refusing landlines and foreign numbers with clear messages', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id, 'password');
    const choose = await agent.get('/two-factor').expect(200);
    await postForm(agent, '/two-factor', csrfFrom(choose.text), { method: 'sms' })
      .expect(302)
      .expect('Location', '/two-factor/sms');
    const page = await agent.get('/two-factor/sms').expect(200);
    for (const words of [
      '<h1 class="govuk-heading-l">Enter your mobile phone number</h1>',
      "You've chosen to receive your log in code by text message (SMS). It may take a few minutes to arrive.",
      'Mobile phone number',
      'eg. 07123456789',
      'Send code',
      'If you\'d rather use an authentication app, <a class="govuk-link" href="/two-factor">start again</a>.',
    ])
      assert.ok(page.text.includes(words), words);
    const csrf = csrfFrom(page.text);
    const cases: [string, RegExp][] = [
      ['', /Enter your mobile phone number<\/a>/],
      ['020 7946 0018', /Enter a mobile phone number, not a landline/],
      ['+33 6 12 34 56 78', /Enter a UK mobile phone number. We can only send text messages to UK mobile phones/],
      ['07123 456', /The mobile phone number is too short/],
    ];
    for (const [phone, message] of cases) {
      const res = await postForm(agent, '/two-factor/sms', csrf, { phone }).expect(400);
      assert.match(res.text, /There is a problem/);
      assert.match(res.text, message);
      if (phone) assert.ok(res.text.includes(`value="${phone}"`), 'keeps what was typed');
    }
    assert.equal(await sendsFor(user.id), 0);
    assert.equal(notify.requests.length, 0);
  });

  it('accepts a real UK mobile such as "07911 555321" and texts it through Notify as +447911555321', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id, 'password');
    const phonePage = await agent.get('/two-factor/sms').expect(200);
    await postForm(agent, '/two-factor/sms', csrfFrom(phonePage.text), { phone: '07911 555321' })
      .expect(302)
      .expect('Location', '/two-factor/sms/code');
    const code = await nthCode('+447911555321', 1);
    assert.match(code, /^\d{6}$/);
  });

  it('sends a code, refuses a wrong one, resends (the old one is then refused), and takes the right one', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id, 'password');
    const phonePage = await agent.get('/two-factor/sms').expect(200);
    await postForm(agent, '/two-factor/sms', csrfFrom(phonePage.text), { phone: '07123 456984' })
      .expect(302)
      .expect('Location', '/two-factor/sms/code');

    const first = await nthCode('+447123456984', 1);
    const [request] = textsTo('+447123456984');
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/v2/notifications/sms');
    assert.equal(request.body.template_id, templateId);
    assert.deepEqual(request.body.personalisation, {
      body: `${first} is your EHC Hub log in code. It expires in 10 minutes.`,
    });
    assert.match(request.body.reference ?? '', /^[0-9a-f-]{36}$/);
    verifyNotifyToken(request.authorization, serviceId, keySecret);

    const stored = await t.pool.query('SELECT phone_encrypted, two_factor_method FROM users WHERE id = $1', [user.id]);
    assert.deepEqual(
      stored.rows[0],
      { phone_encrypted: null, two_factor_method: null },
      'not stored before a code is entered',
    );
    const code = await t.pool.query('SELECT code_hash, phone_encrypted FROM sms_login_codes WHERE user_id = $1', [
      user.id,
    ]);
    assert.ok(!code.rows[0].code_hash.includes(first));
    assert.ok(!code.rows[0].phone_encrypted.includes('7123456984'));

    const codePage = await agent.get('/two-factor/sms/code').expect(200);
    for (const words of [
      '<h1 class="govuk-heading-l">Enter your log in code</h1>',
      "We've sent a log in code to mobile phone number ending <strong>984</strong>.",
      'Log in code',
      'Resend log in code',
      'If you\'d rather use an authentication app, <a class="govuk-link" href="/two-factor">start again</a>.',
    ])
      assert.ok(codePage.text.includes(words), words);
    // The guide's heading, and the service's own verb on the button: Sign in, as on the sign-in page.
    assert.match(codePage.text, /<button[^>]*class="govuk-button"[^>]*>\s*Sign in\s*<\/button>/);
    assert.doesNotMatch(codePage.text, />\s*Log in\s*<\/button>/);
    const csrf = csrfFrom(codePage.text);

    const wrong = await postForm(agent, '/two-factor/sms/code', csrf, { code: otherCode(first) }).expect(400);
    assert.match(wrong.text, /The log in code is not correct/);
    assert.ok(wrong.text.includes('ending <strong>984</strong>'));

    await postForm(agent, '/two-factor/sms/resend', csrf).expect(302).expect('Location', '/two-factor/sms/code');
    const second = await nthCode('+447123456984', 2);
    assert.notEqual(second, first);
    assert.match((await agent.get('/two-factor/sms/code').expect(200)).text, /We&#39;ve sent you a new log in code/);
    const old = await postForm(agent, '/two-factor/sms/code', csrf, { code: first }).expect(400);
    assert.match(old.text, /The log in code is not correct/);

    await postForm(agent, '/two-factor/sms/code', csrf, { code: `${second.slice(0, 3)} ${second.slice(3)}` })
      .expect(302)
      .expect('Location', '/cases');
    const { rows } = await t.pool.query(
      'SELECT two_factor_method, phone_encrypted, totp_secret_encrypted FROM users WHERE id = $1',
      [user.id],
    );
    assert.equal(rows[0].two_factor_method, 'sms');
    assert.equal(rows[0].totp_secret_encrypted, null);
    assert.equal(openPhone(t.config.encryptionKey, user.id, rows[0].phone_encrypted), '+447123456984');
    assert.equal((await t.pool.query('SELECT 1 FROM sms_login_codes WHERE user_id = $1', [user.id])).rowCount, 0);
    assert.deepEqual(await auditActions(t.pool, user.id), [
      'two-factor.code-failed',
      'two-factor.code-failed',
      'two-factor.set-up',
      'sign-in.completed',
    ]);
    await agent.get('/account').expect(200);
  });

  it('sends a code on arrival at /log-in-code (once), refuses it once expired, and resends', async () => {
    const user = await createUser(t.pool);
    await giveSmsMethod(t, user.id, '+447123456321');
    const agent = await agentSignedInAs(t, user.id, 'password');
    const page = await agent.get('/log-in-code').expect(200);
    assert.ok(page.text.includes("We've sent a log in code to mobile phone number ending <strong>321</strong>."));
    assert.match(page.text, /Resend log in code/);
    const first = await nthCode('+447123456321', 1);
    await agent.get('/log-in-code').expect(200);
    assert.equal(await sendsFor(user.id), 1, 'a reload does not send another code');

    clock.advance(11 * 60 * 1000);
    const expired = await postForm(agent, '/log-in-code', csrfFrom(page.text), { code: first }).expect(400);
    assert.match(expired.text, /The log in code has expired. Select &#39;Resend log in code&#39; to get a new one/);

    await postForm(agent, '/log-in-code/resend', csrfFrom(page.text)).expect(302).expect('Location', '/log-in-code');
    const second = await nthCode('+447123456321', 2);
    const after = await agent.get('/log-in-code').expect(200);
    assert.match(after.text, /We&#39;ve sent you a new log in code/);
    assert.equal(await sendsFor(user.id), 2);
    await postForm(agent, '/log-in-code', csrfFrom(after.text), { code: first }).expect(400);
    await postForm(agent, '/log-in-code', csrfFrom(after.text), { code: second })
      .expect(302)
      .expect('Location', '/cases');
  });

  it('resends at most 5 codes in 15 minutes, counted apart from sign-ins, and says plainly when the next can be sent', async () => {
    clock.set('2025-09-01T09:00:00Z');
    const user = await createUser(t.pool);
    await giveSmsMethod(t, user.id, '+447123456555');
    const agent = await agentSignedInAs(t, user.id, 'password');
    const page = await agent.get('/log-in-code').expect(200);
    for (let i = 1; i <= 5; i += 1) {
      clock.advance(60_000);
      await postForm(agent, '/log-in-code/resend', csrfFrom(page.text)).expect(302);
    }
    const refused = await postForm(agent, '/log-in-code/resend', csrfFrom(page.text)).expect(429);
    // 10:05am (UK summer time): the first resend, at 10:01am, stops counting at 10:16am.
    assert.match(
      refused.text,
      /We cannot send you another code yet\. You can ask for a new code at 10:16am \(in 11 minutes\)\. The code we sent at 10:05am works until 10:15am/,
    );
    assert.doesNotMatch(refused.text, /too many codes/);
    assert.match(refused.text, /If you cannot get a code, for example because you have a new phone, contact/);
    assert.equal(await sendsFor(user.id), 6);
    const sixth = await nthCode('+447123456555', 6);

    // A new sign-in is not a resend: it still gets its code.
    const other = await agentSignedInAs(t, user.id, 'password');
    await other.get('/log-in-code').expect(200);
    await waitFor('the sign-in text', () => textsTo('+447123456555')[6]);
    clock.advance(11 * 60 * 1000 + 1000);
    await postForm(agent, '/log-in-code/resend', csrfFrom(page.text)).expect(302);
    await waitFor('the next resend', () => textsTo('+447123456555')[7]);
    await postForm(agent, '/log-in-code', csrfFrom(page.text), { code: sixth }).expect(400);
  });

  it('lets a parent who signs in many times use the code already sent, and never says "sent" when no code works', async () => {
    clock.set('2025-09-01T09:00:00Z');
    const user = await createUser(t.pool);
    await giveSmsMethod(t, user.id, '+447123456777');
    for (let i = 1; i <= 5; i += 1) {
      await (await agentSignedInAs(t, user.id, 'password')).get('/log-in-code').expect(200);
      clock.advance(60_000);
    }
    const fifth = await nthCode('+447123456777', 5);
    // The sixth sign-in in 15 minutes: no new text, but the code sent at 10:04am still works.
    const sixth = await agentSignedInAs(t, user.id, 'password');
    const page = await sixth.get('/log-in-code').expect(200);
    assert.match(page.text, /We(&#39;|')ve sent a log in code to mobile phone number ending <strong>777<\/strong>/);
    assert.match(page.text, /Use the code we sent at 10:04am: it works until 10:14am\./);
    assert.doesNotMatch(page.text, /too many|There is a problem/);
    assert.equal(await sendsFor(user.id), 5);
    await postForm(sixth, '/log-in-code', csrfFrom(page.text), { code: fifth })
      .expect(302)
      .expect('Location', '/cases');

    // Once that code has expired and the window is still full: no "We've sent", the time a code can be sent, and the way out.
    clock.set('2025-09-01T09:14:30Z');
    const late = await agentSignedInAs(t, user.id, 'password');
    const waiting = await late.get('/log-in-code').expect(429);
    assert.doesNotMatch(waiting.text, /We(&#39;|')ve sent/);
    assert.match(
      waiting.text,
      /We cannot send you another code yet\. You can ask for a new code at 10:15am \(in 1 minute\)/,
    );
    assert.match(waiting.text, /contact [^<]* on [^<]* or at <a class="govuk-link app-break-anywhere" href="mailto:/);
    // Resends are counted apart: asking for one now works.
    await postForm(late, '/log-in-code/resend', csrfFrom(waiting.text)).expect(302).expect('Location', '/log-in-code');
    await waitFor('the resent text', () => textsTo('+447123456777')[5]);
  });
});
