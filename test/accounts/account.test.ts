import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { csrfFrom, submitForm } from '../support/forms.js';
import { auditActions, queuedEmails } from '../support/database-checks.js';

const NEW_PASSWORD = 'Orchard-Window-51';

describe('your account and changing the password', () => {
  let t: TestApp;
  const clock = fixedClock('2024-11-20T15:00:00Z');

  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  it('shows the name, email address and how the log in code comes, with links to change them', async () => {
    const user = await createUser(t.pool, {
      fullName: 'Jo Rogers',
      email: 'jo.account@example.com',
      twoFactorMethod: 'sms',
    });
    const agent = await agentSignedInAs(t, user.id);
    const page = await agent.get('/account').expect(200);
    assert.match(page.text, /<h1 class="govuk-heading-l">Your account<\/h1>/);
    assert.match(page.text, /Jo Rogers/);
    assert.match(page.text, /jo\.account@example\.com/);
    assert.match(page.text, /Text message/);
    assert.match(page.text, /href="\/account\/two-factor"/);
    assert.match(page.text, /href="\/account\/password"/);
  });

  it('needs both factors: no account page for a half-signed-in or signed-out visitor', async () => {
    const user = await createUser(t.pool);
    await (
      await agentSignedInAs(t, user.id, 'password')
    )
      .get('/account')
      .expect(302)
      .expect('location', '/log-in-code');
    await t.agent().get('/account/password').expect(302).expect('location', '/sign-in');
  });

  it('changes the password after the current one, keeps this session, ends the others and emails the holder', async () => {
    const user = await createUser(t.pool, { email: 'changer@example.com', twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, user.id);
    const other = await agentSignedInAs(t, user.id);
    await other.get('/account').expect(200);

    const form = await agent.get('/account/password').expect(200);
    assert.match(form.text, /Current password/);
    const csrf = csrfFrom(form.text);
    const post = (fields: Record<string, string>) =>
      agent
        .post('/account/password')
        .type('form')
        .send({ _csrf: csrf, ...fields });

    const wrong = await post({
      currentPassword: 'Not-My-Password-1',
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    }).expect(400);
    assert.match(wrong.text, /Your current password is not correct/);
    assert.doesNotMatch(wrong.text, /Orchard-Window/);
    const weak = await post({
      currentPassword: user.password,
      password: 'weakpassword',
      confirmPassword: 'weakpassword',
    }).expect(400);
    assert.match(weak.text, /Passwords must contain at least one symbol &amp; one capital letter\./);

    const done = await post({
      currentPassword: user.password,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    }).expect(302);
    assert.equal(done.headers.location, '/account');
    const page = await agent.get('/account').expect(200);
    assert.match(page.text, /Your password has been changed/);
    await other.get('/account').expect(302).expect('location', '/sign-in');

    const emails = await queuedEmails(t.pool, user.email);
    assert.deepEqual(
      emails.map((e) => e.subject),
      ['Your EHC Hub password has been changed'],
    );
    assert.match(emails[0].text, /20th Nov 2024 at 3pm/);
    assert.ok((await auditActions(t.pool, user.id)).includes('password.changed'));

    const signIn = await submitForm(t.agent(), '/sign-in', { email: user.email, password: NEW_PASSWORD });
    assert.equal(signIn.headers.location, '/log-in-code');
  });

  it('counts wrong current passwords towards the sign-in lock', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id);
    const csrf = csrfFrom((await agent.get('/account/password')).text);
    let last;
    for (let i = 1; i <= 10; i++) {
      last = await agent
        .post('/account/password')
        .type('form')
        .send({ _csrf: csrf, currentPassword: `Wrong-${i}!`, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    }
    assert.equal(last!.status, 400);
    assert.match(last!.text, /too many attempts/);
    const right = await agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: user.password, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    assert.match(right.text, /too many attempts/);
  });
});
