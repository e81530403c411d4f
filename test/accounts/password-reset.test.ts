import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { comparable, smtpSenders } from './support/helpers.js';
import { linkPath, startSmtpCapture, type SmtpCapture } from './support/smtp-capture.js';
import { csrfFrom, submitForm } from '../support/forms.js';
import { waitFor } from '../support/wait.js';
import { auditActions, queuedEmails } from '../support/database-checks.js';

const NEW_PASSWORD = 'Kettle-Lantern-88';

describe('forgotten password and "Create a password"', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const clock = fixedClock('2024-05-13T08:30:00Z');

  before(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ clock, senders: smtpSenders(() => smtp.url) });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const askForReset = (email: string, agent = t.agent()) => submitForm(agent, '/forgotten-password', { email });

  async function resetLinkFor(email: string, notIn: string[] = []) {
    const message = await smtp.waitFor(
      (m) =>
        m.to.includes(email) &&
        m.subject === 'Reset your EHC Hub password' &&
        !notIn.some((link) => m.text.includes(link)),
    );
    return linkPath(message.text, '/reset-password/');
  }

  it('answers the same whether or not the address has an account', async () => {
    const user = await createUser(t.pool, { email: 'same.answer@example.com' });
    const pages = [];
    for (const email of [user.email, 'nobody.at.all@example.com']) {
      const agent = t.agent();
      const res = await askForReset(email, agent);
      assert.equal(res.status, 302);
      assert.equal(res.headers.location, '/forgotten-password');
      const page = await agent.get('/forgotten-password').expect(200);
      assert.match(page.text, /Check your email/);
      assert.match(page.text, /If there is an EHC Hub account for <strong>/);
      pages.push(comparable(page.text, [email]));
    }
    assert.equal(pages[0], pages[1]);
    assert.equal((await queuedEmails(t.pool, 'nobody.at.all@example.com')).length, 0);
    await resetLinkFor(user.email);
  });

  it('checks the email address it is given', async () => {
    const res = await askForReset('not an email');
    assert.equal(res.status, 400);
    assert.match(res.text, /Enter an email address in the correct format, like name@example.com/);
  });

  it('resets the password with the guide rules, ends every session and emails the account holder', async () => {
    const user = await createUser(t.pool, { email: 'reset.me@example.com', twoFactorMethod: 'app' });
    const elsewhere = await agentSignedInAs(t, user.id);
    await elsewhere.get('/account').expect(200);

    await askForReset('  Reset.Me@Example.com ');
    const email = await smtp.waitFor((m) => m.to.includes(user.email) && m.subject === 'Reset your EHC Hub password');
    assert.match(email.text, /Reset password:\nhttp:\/\/localhost:3000\/reset-password\/[\w-]{43}/);
    assert.match(email.text, /The link works for 1 hour/);
    assert.match(email.text, /Contact Edgehill SEND Admin/);
    assert.match(email.html, />Reset password<\/a>/);
    const link = linkPath(email.text, '/reset-password/');

    const agent = t.agent();
    const page = await agent.get(link).expect(200);
    assert.match(page.text, /<h1 class="govuk-heading-l">Create a password<\/h1>/);
    assert.match(page.text, /Your password must have:/);
    for (const rule of ['at least 8 characters', 'at least one symbol (eg ?!£%)', 'at least one capital letter']) {
      assert.ok(page.text.includes(`<li>${rule}</li>`), rule);
    }
    assert.match(page.text, /<label class="govuk-label govuk-label--s" for="password">\s*Password\s*<\/label>/);
    assert.match(
      page.text,
      /<label class="govuk-label govuk-label--s" for="confirmPassword">\s*Confirm password\s*<\/label>/,
    );
    assert.match(page.text, /Continue/);
    const csrf = csrfFrom(page.text);
    const bad = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrf, password: 'short', confirmPassword: 'short' })
      .expect(400);
    assert.match(bad.text, /Passwords must be at least 8 characters long\./);
    const noSymbol = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrf, password: 'Longenough', confirmPassword: 'Longenough' })
      .expect(400);
    assert.match(noSymbol.text, /Passwords must contain at least one symbol &amp; one capital letter\./);

    const done = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrf, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
      .expect(302);
    assert.equal(done.headers.location, '/sign-in');
    const signInPage = await agent.get('/sign-in').expect(200);
    assert.match(signInPage.text, /Your password has been changed/);

    // The other session has ended.
    await elsewhere.get('/account').expect(302).expect('location', '/sign-in');
    const { rows } = await t.pool.query(`SELECT count(*) AS n FROM session WHERE sess->'auth'->>'userId' = $1`, [
      user.id,
    ]);
    assert.equal(rows[0].n, 0);

    const changed = await smtp.waitFor(
      (m) => m.to.includes(user.email) && m.subject === 'Your EHC Hub password has been changed',
    );
    assert.match(changed.text, /was changed on 13th May 2024 at 9:30am/);
    assert.match(changed.text, /If you did not change your password, contact Edgehill SEND Admin straight away/);

    // The old password no longer works; the new one does, and the second factor is still due.
    const old = await submitForm(t.agent(), '/sign-in', { email: user.email, password: user.password });
    assert.equal(old.status, 400);
    const fresh = await submitForm(t.agent(), '/sign-in', { email: user.email, password: NEW_PASSWORD });
    assert.equal(fresh.status, 302);
    assert.equal(fresh.headers.location, '/log-in-code');

    const used = await agent.get(link).expect(410);
    assert.match(used.text, /This link has already been used/);
    assert.match(used.text, /href="\/forgotten-password"/);
    const actions = await auditActions(t.pool, user.id);
    assert.ok(actions.includes('password.reset-requested'));
    assert.ok(actions.includes('password.reset'));
  });

  it('refuses a link after 1 hour, and an older link once a newer one is sent', async () => {
    const user = await createUser(t.pool, { email: 'slow.reader@example.com' });
    await askForReset(user.email);
    const first = await resetLinkFor(user.email);
    await askForReset(user.email);
    const second = await resetLinkFor(user.email, [first]);
    const agent = t.agent();
    const replaced = await agent.get(first).expect(410);
    assert.match(replaced.text, /This link has been replaced/);
    clock.advance(60 * 60 * 1000 + 1000);
    const expired = await agent.get(second).expect(410);
    assert.match(expired.text, /This link has expired/);
    assert.match(expired.text, /Links to reset your password work for 1 hour/);
    const tampered = await agent.get(`${second.slice(0, -2)}zz`).expect(404);
    assert.match(tampered.text, /This link does not work/);
  });

  it('sends at most 3 reset emails an hour to one address, with the same answer every time', async () => {
    const user = await createUser(t.pool, { email: 'many.times@example.com' });
    for (let i = 0; i < 5; i++) {
      const agent = t.agent();
      await askForReset(user.email, agent).then((res) => assert.equal(res.status, 302));
      assert.match((await agent.get('/forgotten-password')).text, /Check your email/);
    }
    // The email is queued just after the answer (so that the answer takes as long for any address).
    const handled = async () =>
      (await auditActions(t.pool, user.id)).filter((a) => a.startsWith('password.reset-')).length;
    await waitFor('the five requests', async () => ((await handled()) === 5 ? true : undefined));
    assert.equal((await queuedEmails(t.pool, user.email)).length, 3);
    clock.advance(60 * 60 * 1000 + 1000);
    await askForReset(user.email);
    await waitFor('the fourth email', async () =>
      (await queuedEmails(t.pool, user.email)).length === 4 ? true : undefined,
    );
  });
});
