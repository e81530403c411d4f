import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from './support.js';
import { textOf } from '../support/html.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { waitForEmail } from '../support/wait.js';
import { waitFor } from '../support/wait.js';

describe('staff: people on a case', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T10:00:00Z') });
  });
  after(() => t.close());

  it('invites a new parent: the account is made, the invitation email has a working "Complete your registration" link', async () => {
    const c = await createTestCase(t.pool);
    const staff = await staffUser(t, { fullName: 'Sam Jones' });
    const path = `/staff/cases/${c.id}/people/add`;
    const csrf = await csrfTokenOf(staff.agent, path);
    const res = await staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, email: ' Jane.Rogers@Example.com ', fullName: 'Jane Rogers', role: 'parent' })
      .expect(302);
    assert.equal(res.headers.location, `/staff/cases/${c.id}`);

    const user = await t.pool.query(
      `SELECT id, kind, status, full_name FROM users WHERE email = 'jane.rogers@example.com'`,
    );
    assert.deepEqual(
      { ...user.rows[0], id: undefined },
      { id: undefined, kind: 'family', status: 'invited', full_name: 'Jane Rogers' },
    );
    const member = await t.pool.query(
      `SELECT role, added_by, removed_at FROM case_members WHERE case_id = $1 AND user_id = $2`,
      [c.id, user.rows[0].id],
    );
    assert.deepEqual(member.rows[0], { role: 'parent', added_by: staff.id, removed_at: null });

    const email = await waitForEmail(t.pool, 'jane.rogers@example.com', /Complete your registration/);
    assert.match(email.text_body, /Sam Jones at Edgehill Council has invited you to register on EHC Hub\./);
    assert.match(email.text_body, new RegExp(`You have been added as a parent or carer to case ${c.reference}`));
    const link = /Complete your registration:\n(http:\/\/localhost:3000\/register\/[A-Za-z0-9_-]{43})/.exec(
      email.text_body,
    )?.[1];
    assert.ok(link, email.text_body);
    const registration = await t.agent().get(new URL(link).pathname).expect(200);
    assert.match(textOf(registration.text), /Complete your registration/);

    const page = await staff.agent.get(`/staff/cases/${c.id}`).expect(200);
    assert.match(
      textOf(page.text),
      /Jane Rogers has been added to the case and sent an email to tell them \(jane\.rogers@example\.com\)\./,
    );
    assert.match(
      textOf(page.text),
      /Jane Rogers, Parent or carer jane\.rogers@example\.com Invited, not registered yet Resend invitation/,
    );
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM audit_log WHERE action = 'staff.case.member-added' AND case_id = $1`, [
        c.id,
      ]),
      1,
    );

    // Resend: a new link, the old one stops working.
    const resendCsrf = await csrfTokenOf(staff.agent, `/staff/cases/${c.id}`);
    await staff.agent
      .post(`/staff/cases/${c.id}/people/${user.rows[0].id}/resend-invitation`)
      .type('form')
      .send({ _csrf: resendCsrf })
      .expect(302);
    await waitFor(
      'the second invitation',
      async () =>
        (await count(t.pool, `SELECT count(*) FROM dev_mailbox WHERE recipient = 'jane.rogers@example.com'`)) >= 2,
      45_000,
    );
    const old = await t.agent().get(new URL(link).pathname);
    assert.notEqual(old.status, 200, 'the first link no longer works');
  });

  it('adds a registered parent: "you have been added to a case" email, with the case reference and a sign-in link', async () => {
    const c = await createTestCase(t.pool);
    const parent = await createUser(t.pool, { fullName: 'Tom Rogers' });
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/people/add`;
    const csrf = await csrfTokenOf(staff.agent, path);
    await staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, email: parent.email, fullName: 'Whatever', role: 'parent' })
      .expect(302);
    const email = await waitForEmail(t.pool, parent.email, /You have been added to a case/);
    assert.equal(email.subject, `You have been added to a case on EHC Hub: ${c.reference}`);
    assert.match(email.text_body, /Dear Tom Rogers,/);
    assert.match(email.text_body, /Edgehill Council has added you to a case on EHC Hub\./);
    assert.match(email.text_body, /You have been added as: Parent or carer\./);
    assert.match(email.text_body, /http:\/\/localhost:3000\/sign-in/);
    assert.match(email.text_body, /Email: send\.admin@edgehill\.example\.gov\.uk/);
    assert.doesNotMatch(email.text_body, /Barney/);
    assert.equal(await count(t.pool, `SELECT count(*) FROM account_tokens WHERE user_id = $1`, [parent.id]), 0);

    // Twice is refused; then access is removed, and the row is kept for the record.
    const again = await staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, email: parent.email, fullName: 'Tom', role: 'parent' })
      .expect(400);
    assert.match(again.text, /<a href="#email">This person already has access to this case<\/a>/);
    const confirm = await staff.agent.get(`/staff/cases/${c.id}/people/${parent.id}/remove`).expect(200);
    assert.match(textOf(confirm.text), /Remove Tom Rogers’s access to this case\?/);
    await staff.agent
      .post(`/staff/cases/${c.id}/people/${parent.id}/remove`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(302);
    const member = await t.pool.query(
      `SELECT removed_by, removed_at IS NOT NULL AS removed FROM case_members WHERE case_id = $1 AND user_id = $2`,
      [c.id, parent.id],
    );
    assert.deepEqual(member.rows[0], { removed_by: staff.id, removed: true });
    await staff.agent
      .post(`/staff/cases/${c.id}/people/${parent.id}/remove`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(404);
  });

  it('checks the form: email, name and role, and refuses a staff address for a family role', async () => {
    const c = await createTestCase(t.pool);
    const staff = await staffUser(t);
    const other = await staffUser(t, { fullName: 'Alex Smith' });
    const path = `/staff/cases/${c.id}/people/add`;
    const csrf = await csrfTokenOf(staff.agent, path);
    const empty = await staff.agent.post(path).type('form').send({ _csrf: csrf, email: 'not-an-email' }).expect(400);
    assert.match(empty.text, /Enter an email address in the correct format, like name@example\.com/);
    assert.match(empty.text, /Enter their full name/);
    assert.match(empty.text, /Select their role on the case/);
    assert.match(empty.text, /value="not-an-email"/);
    const staffAddress = await staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, email: other.email, fullName: 'Alex', role: 'parent' })
      .expect(400);
    assert.match(staffAddress.text, /This email address belongs to a council staff account/);
    await staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, email: other.email, fullName: 'Alex', role: 'coordinator' })
      .expect(302);
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM case_members WHERE case_id = $1 AND user_id = $2 AND role = 'coordinator'`,
        [c.id, other.id],
      ),
      1,
    );
    await staff.agent
      .post(path)
      .type('form')
      .send({ email: 'x@example.com', fullName: 'X', role: 'parent' })
      .expect(403);
  });
});
