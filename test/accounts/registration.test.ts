import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resendInvitation } from '../../src/accounts/invitations.js';
import { parseCommand, runCommand } from '../../src/cli.js';
import { fixedClock } from '../../src/clock.js';
import { inTransaction } from '../../src/db/pool.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { invite, smtpSenders } from './support/helpers.js';
import { linkPath, startSmtpCapture, type SmtpCapture } from './support/smtp-capture.js';
import { csrfFrom, submitForm } from '../support/forms.js';
import { auditActions } from '../support/database-checks.js';

const DAY = 24 * 60 * 60 * 1000;
const GOOD_PASSWORD = 'Barney-Kettle-2023';

describe('invitation and "Complete your registration"', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const clock = fixedClock('2023-08-08T09:00:00Z');

  before(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({ clock, senders: smtpSenders(() => smtp.url) });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('invites by email, refuses each password rule with the guide words, registers, and sends the user to sign in', async () => {
    const invited = await invite(t, {
      email: ' Jo.Rogers@Example.com ',
      fullName: 'Jo Rogers',
      invitedBy: { name: 'Sam Taylor' },
    });
    assert.equal(invited.outcome, 'invited');

    const email = await smtp.waitFor((m) => m.to.includes('jo.rogers@example.com'));
    assert.equal(email.subject, 'Complete your registration for EHC Hub');
    assert.match(email.text, /Sam Taylor at Edgehill Council has invited you to register on EHC Hub/);
    assert.match(email.text, /request for an Education, Health and Care \(EHC\) needs assessment for your child/);
    assert.match(email.text, /Complete your registration:\nhttp:\/\/localhost:3000\/register\//);
    assert.match(email.text, /This link expires on 22nd Aug 2023 at 10am/);
    assert.match(
      email.text,
      /Contact Edgehill SEND Admin\nEmail: send\.admin@edgehill\.example\.gov\.uk\nTelephone: 01632 960 000/,
    );
    assert.match(
      email.html,
      /<a href="http:\/\/localhost:3000\/register\/[\w-]{43}"[^>]*>Complete your registration<\/a>/,
    );
    assert.match(email.html, /send\.admin@edgehill\.example\.gov\.uk/);

    const link = linkPath(email.text, '/register/');
    const token = link.split('/').pop()!;
    const { rows } = await t.pool.query('SELECT token_hash FROM account_tokens');
    assert.ok(
      rows.every((row) => row.token_hash !== token && row.token_hash.length === 64),
      'only a hash is stored',
    );

    const agent = t.agent();
    const page = await agent.get(link).expect(200);
    assert.match(page.text, /<h1 class="govuk-heading-l">Complete your registration<\/h1>/);
    assert.match(page.text, /jo\.rogers@example\.com/);
    assert.match(page.text, /Choose your password/);
    assert.match(page.text, /Confirm your password/);
    const csrf = csrfFrom(page.text);
    const attempt = (password: string, confirmPassword: string) =>
      agent.post(link).type('form').send({ _csrf: csrf, password, confirmPassword });

    const cases: [string, string, string][] = [
      ['a', 'a', 'Passwords must be at least 8 characters long.'],
      ['kettlesong', 'kettlesong', 'Passwords must contain at least one symbol &amp; one capital letter.'],
      ['Password1!', 'Password1!', 'less common password'],
      [`A!${'x'.repeat(300)}`, `A!${'x'.repeat(300)}`, 'Passwords must be 256 characters or fewer.'],
      [GOOD_PASSWORD, `${GOOD_PASSWORD}x`, 'Passwords do not match.'],
    ];
    for (const [password, confirmPassword, message] of cases) {
      const res = await attempt(password, confirmPassword).expect(400);
      assert.match(res.text, /There is a problem/);
      assert.ok(res.text.includes(message), `expected "${message}"`);
      assert.ok(!res.text.includes(`value="${password}"`), 'a typed password is never shown again');
    }
    const mismatch = await attempt(GOOD_PASSWORD, `${GOOD_PASSWORD}x`);
    assert.equal(mismatch.text.match(/Passwords do not match\./g)?.length, 4, 'in the summary and by both fields');

    const done = await attempt(GOOD_PASSWORD, GOOD_PASSWORD).expect(302);
    assert.equal(done.headers.location, '/sign-in');
    const signIn = await agent.get('/sign-in').expect(200);
    assert.match(signIn.text, /You have completed your registration/);

    const { rows: users } = await t.pool.query('SELECT id, status, registered_at FROM users WHERE email = $1', [
      'jo.rogers@example.com',
    ]);
    assert.equal(users[0].status, 'active');
    assert.equal(users[0].registered_at.toISOString(), '2023-08-08T09:00:00.000Z');
    assert.ok((await auditActions(t.pool, users[0].id)).includes('account.registered'));

    // Sign in: a new session id, half signed in, and on to set up the second factor.
    const before = signIn.headers['set-cookie']?.[0] ?? '';
    const signedIn = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(signIn.text), email: 'JO.ROGERS@example.com ', password: GOOD_PASSWORD })
      .expect(302);
    assert.equal(signedIn.headers.location, '/two-factor');
    const newCookie = signedIn.headers['set-cookie']?.[0] ?? '';
    assert.match(newCookie, /^ehc-session=/);
    assert.notEqual(newCookie.split(';')[0], before.split(';')[0]);
    const { rows: sessions } = await t.pool.query(`SELECT sess FROM session WHERE sess->'auth'->>'userId' = $1`, [
      users[0].id,
    ]);
    assert.equal(sessions.length, 1);
    assert.deepEqual(sessions[0].sess.auth, {
      userId: users[0].id,
      stage: 'password',
      signedInAt: clock.now().getTime(),
      lastSeenAt: clock.now().getTime(),
    });

    // Half signed in: no case page, no account page.
    const cases404or302 = await agent.get('/cases');
    assert.notEqual(cases404or302.status, 200);
    if (cases404or302.status === 302) assert.equal(cases404or302.headers.location, '/log-in-code');
    assert.doesNotMatch(cases404or302.text, /My cases/);
    const account = await agent.get('/account').expect(302);
    assert.equal(account.headers.location, '/log-in-code');
    assert.ok((await auditActions(t.pool, users[0].id)).includes('sign-in.password'));
  });

  it('refuses a used link with a page that says to sign in', async () => {
    await invite(t, { email: 'used@example.com' });
    const link = linkPath((await smtp.waitFor((m) => m.to.includes('used@example.com'))).text, '/register/');
    const agent = t.agent();
    await submitForm(agent, link, { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }).then((r) =>
      assert.equal(r.status, 302),
    );
    const again = await agent.get(link).expect(410);
    assert.match(again.text, /You have already completed your registration/);
    assert.match(again.text, /href="\/sign-in"/);
  });

  it('refuses the link of an invitation whose account staff have disabled, and registers nothing', async () => {
    await invite(t, { email: 'stopped@example.com' });
    const link = linkPath((await smtp.waitFor((m) => m.to.includes('stopped@example.com'))).text, '/register/');
    await t.pool.query(`UPDATE users SET status = 'disabled' WHERE email = 'stopped@example.com'`);
    const agent = t.agent();
    const page = await agent.get(link).expect(404);
    assert.match(page.text, /This link does not work/);
    const csrf = csrfFrom((await agent.get('/sign-in')).text);
    await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrf, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD })
      .expect(404);
    const { rows } = await t.pool.query(`SELECT status, password_hash FROM users WHERE email = 'stopped@example.com'`);
    assert.deepEqual(rows[0], { status: 'disabled', password_hash: null });
  });

  it('refuses an expired link (after 14 days) and a tampered one, saying what to do', async () => {
    await invite(t, { email: 'late@example.com' });
    const link = linkPath((await smtp.waitFor((m) => m.to.includes('late@example.com'))).text, '/register/');
    const agent = t.agent();
    clock.advance(14 * DAY - 60_000);
    await agent.get(link).expect(200);
    clock.advance(2 * 60_000);
    const expired = await agent.get(link).expect(410);
    assert.match(expired.text, /This link has expired/);
    assert.match(expired.text, /Links to complete your registration work for 14 days/);
    assert.match(expired.text, /ask Edgehill SEND Admin to send you a new invitation/);
    const csrf = csrfFrom((await agent.get('/sign-in')).text);
    const posted = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrf, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
    assert.equal(posted.status, 410);
    const { rows } = await t.pool.query(`SELECT status FROM users WHERE email = 'late@example.com'`);
    assert.equal(rows[0].status, 'invited');

    const token = link.split('/').pop()!;
    const tampered = `/register/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const unknown = await agent.get(tampered).expect(404);
    assert.match(unknown.text, /This link does not work/);
    await agent.get('/register/not-a-token').expect(404);
  });

  it('resends an invitation: the newer link works and the older one says it was replaced', async () => {
    const first = await invite(t, { email: 'twice@example.com', invitedBy: { name: 'Priya Shah' } });
    assert.equal(first.outcome, 'invited');
    const firstLink = linkPath((await smtp.waitFor((m) => m.to.includes('twice@example.com'))).text, '/register/');
    const resent = await inTransaction(t.pool, (client) =>
      resendInvitation(
        client,
        { config: t.config, clock: t.clock, queue: t.queue },
        { userId: first.userId, resentBy: { name: 'Someone Else' } },
      ),
    );
    t.queue.nudge();
    assert.equal(resent.outcome, 'invited');
    const second = await smtp.waitFor((m) => m.to.includes('twice@example.com') && !m.text.includes(firstLink));
    assert.match(second.text, /Priya Shah at Edgehill Council has invited you/);
    const agent = t.agent();
    const old = await agent.get(firstLink).expect(410);
    assert.match(old.text, /This link has been replaced/);
    await agent.get(linkPath(second.text, '/register/')).expect(200);
  });

  it('does not invite an address that already has an account', async () => {
    await invite(t, { email: 'used@example.com' }).then((result) => assert.equal(result.outcome, 'already-registered'));
  });

  it('npm run cli -- invite and create-admin invite through the same service', async () => {
    const printed: string[] = [];
    const deps = {
      config: t.config,
      pool: t.pool,
      clock: t.clock,
      queue: t.queue,
      print: (line: string) => printed.push(line),
    };
    await runCommand(parseCommand(['invite', '--email', 'cli.parent@example.com', '--name', 'Cli Parent']), deps);
    await runCommand(
      parseCommand(['create-admin', '--email', 'first.admin@example.com', '--name', 'First Admin']),
      deps,
    );
    t.queue.nudge();
    assert.match(printed.join('\n'), /Invitation email queued for cli\.parent@example\.com/);
    const adminLink = printed.find((line) => line.startsWith('http://localhost:3000/register/'));
    assert.ok(adminLink, printed.join('\n'));
    const { rows } = await t.pool.query(
      `SELECT u.kind, u.staff_role, u.status, c.name AS council FROM users u LEFT JOIN councils c ON c.id = u.council_id
        WHERE email = 'first.admin@example.com'`,
    );
    assert.deepEqual(rows[0], { kind: 'staff', staff_role: 'admin', status: 'invited', council: 'Edgehill Council' });
    await t.agent().get(new URL(adminLink).pathname).expect(200);
    await smtp.waitFor((m) => m.to.includes('cli.parent@example.com'));
    assert.throws(() => parseCommand(['invite', '--name', 'No Email']), /--email is required/);
  });
});
