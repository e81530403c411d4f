import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { openTotpSecret } from '../../src/two-factor/secrets.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { devMailboxCode, giveAppMethod, giveSmsMethod, keyFromPage, otherCode, totpAt } from './support.js';
import { csrfFrom, postForm } from '../support/forms.js';
import { auditActions } from '../support/database-checks.js';
import { waitFor } from '../support/wait.js';

describe('two-factor: changing the method from the account', () => {
  const clock = fixedClock('2025-09-01T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  async function emailsTo(address: string) {
    const { rows } = await t.pool.query(
      `SELECT subject, text_body, html_body FROM dev_mailbox WHERE channel = 'email' AND recipient = $1`,
      [address],
    );
    return rows;
  }

  it('changes from the app to text messages after a fresh app code, and emails to confirm', async () => {
    const user = await createUser(t.pool, { fullName: 'Sam Rogers' });
    const secret = await giveAppMethod(t, user.id);
    const agent = await agentSignedInAs(t, user.id);

    const account = await agent.get('/account/two-factor').expect(200);
    assert.match(account.text, /How you get your log in code/);
    assert.match(account.text, /Smartphone or tablet app/);
    // Not without the fresh code first.
    await agent.get('/two-factor').expect(302).expect('Location', '/account/two-factor');
    await agent.get('/two-factor/sms').expect(302).expect('Location', '/account/two-factor');

    await postForm(agent, '/account/two-factor', csrfFrom(account.text))
      .expect(302)
      .expect('Location', '/account/two-factor/code');
    const codePage = await agent.get('/account/two-factor/code').expect(200);
    assert.match(codePage.text, /Before you change how you get your code, enter a code the way you get it now/);
    assert.match(codePage.text, /If you cannot get a code, for example because you have a new phone, contact/);
    const csrf = csrfFrom(codePage.text);
    const code = await totpAt(secret, clock);
    assert.match(
      (await postForm(agent, '/account/two-factor/code', csrf, { code: otherCode(code) }).expect(400)).text,
      /The code is not correct/,
    );
    await agent.get('/two-factor').expect(302).expect('Location', '/account/two-factor');
    await postForm(agent, '/account/two-factor/code', csrf, { code }).expect(302).expect('Location', '/two-factor');

    const choose = await agent.get('/two-factor').expect(200);
    await postForm(agent, '/two-factor', csrfFrom(choose.text), { method: 'sms' })
      .expect(302)
      .expect('Location', '/two-factor/sms');
    await postForm(agent, '/two-factor/sms', csrf, { phone: '+44 7123 456 984' })
      .expect(302)
      .expect('Location', '/two-factor/sms/code');
    const textCode = await devMailboxCode(t, '+447123456984', 1);
    await postForm(agent, '/two-factor/sms/code', csrf, { code: textCode })
      .expect(302)
      .expect('Location', '/account/two-factor');

    const done = await agent.get('/account/two-factor').expect(200);
    assert.match(done.text, /You have changed how you get your log in code. We have sent you an email to confirm it./);
    assert.match(done.text, /Text message to mobile phone number ending 984/);
    const { rows } = await t.pool.query(
      'SELECT two_factor_method, totp_secret_encrypted, totp_last_step FROM users WHERE id = $1',
      [user.id],
    );
    assert.deepEqual(rows[0], { two_factor_method: 'sms', totp_secret_encrypted: null, totp_last_step: null });
    assert.deepEqual(await auditActions(t.pool, user.id), [
      'two-factor.code-failed',
      'two-factor.change-started',
      'two-factor.changed',
    ]);

    const [email] = await waitFor('the confirming email', async () => {
      const emails = await emailsTo(user.email);
      return emails.length ? emails : undefined;
    });
    assert.equal(email.subject, 'You have changed how you get your EHC Hub log in code');
    assert.match(email.text_body, /Dear Sam Rogers,/);
    assert.match(
      email.text_body,
      /You now get your log in code by text message to the mobile phone number ending 984\./,
    );
    assert.match(email.text_body, /If you did not make this change, contact Edgehill SEND Admin straight away/);
    assert.match(email.html_body, /ending 984/);

    // The change is over: the setup pages are closed again.
    await agent.get('/two-factor').expect(302).expect('Location', '/account/two-factor');
  });

  it('changes from text messages to the app after a fresh text message code', async () => {
    const user = await createUser(t.pool);
    await giveSmsMethod(t, user.id, '+447123456111');
    const agent = await agentSignedInAs(t, user.id);
    const account = await agent.get('/account/two-factor').expect(200);
    assert.match(account.text, /Text message to mobile phone number ending 111/);
    const csrf = csrfFrom(account.text);
    await postForm(agent, '/account/two-factor', csrf).expect(302).expect('Location', '/account/two-factor/code');
    const codePage = await agent.get('/account/two-factor/code').expect(200);
    assert.ok(codePage.text.includes("We've sent a log in code to mobile phone number ending <strong>111</strong>."));
    const reauth = await devMailboxCode(t, '+447123456111', 1);
    await postForm(agent, '/account/two-factor/code', csrf, { code: reauth })
      .expect(302)
      .expect('Location', '/two-factor');

    await postForm(agent, '/two-factor', csrf, { method: 'app' }).expect(302).expect('Location', '/two-factor/app');
    const appPage = await agent.get('/two-factor/app').expect(200);
    const secret = keyFromPage(appPage.text);
    await postForm(agent, '/two-factor/app', csrf, { code: await totpAt(secret, clock) })
      .expect(302)
      .expect('Location', '/account/two-factor');

    const { rows } = await t.pool.query(
      'SELECT two_factor_method, totp_secret_encrypted, phone_encrypted FROM users WHERE id = $1',
      [user.id],
    );
    assert.equal(rows[0].two_factor_method, 'app');
    assert.equal(rows[0].phone_encrypted, null);
    assert.equal(openTotpSecret(t.config.encryptionKey, user.id, rows[0].totp_secret_encrypted), secret);
    const email = await waitFor('the confirming email', async () => (await emailsTo(user.email))[0]);
    assert.match(
      email.text_body,
      /You now get your log in code from an authentication app on your smartphone or tablet\./,
    );
  });

  it('closes the change again after 15 minutes without finishing it', async () => {
    const user = await createUser(t.pool);
    const secret = await giveAppMethod(t, user.id);
    const agent = await agentSignedInAs(t, user.id);
    const account = await agent.get('/account/two-factor').expect(200);
    await postForm(agent, '/account/two-factor', csrfFrom(account.text)).expect(302);
    await postForm(agent, '/account/two-factor/code', csrfFrom(account.text), { code: await totpAt(secret, clock) })
      .expect(302)
      .expect('Location', '/two-factor');
    await agent.get('/two-factor/app').expect(200);
    clock.advance(16 * 60 * 1000);
    await agent.get('/two-factor/app').expect(302).expect('Location', '/account/two-factor');
  });
});
