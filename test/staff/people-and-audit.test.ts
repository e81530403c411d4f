import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from './support.js';
import { textOf } from '../support/html.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { waitForEmail } from '../support/wait.js';

describe('staff: people, staff accounts, notes and the audit trail', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-09-01T09:30:00Z') });
  });
  after(() => t.close());

  it('finds a parent, shows their cases, disables the account (ending their sessions) and enables it again', async () => {
    const parent = await createUser(t.pool, { fullName: 'Jane Findable', twoFactorMethod: 'app' });
    const c = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    const parentAgent = await agentSignedInAs(t, parent.id);
    await parentAgent.get('/cases').expect(200);
    const staff = await staffUser(t);

    const results = await staff.agent.get('/staff/people?q=findable').expect(200);
    assert.match(results.text, new RegExp(`href="/staff/people/${parent.id}">Jane Findable</a>`));
    assert.match(
      textOf((await staff.agent.get('/staff/people?q=nobody-like-this').expect(200)).text),
      /Nobody matches “nobody-like-this”\./,
    );

    const person = textOf((await staff.agent.get(`/staff/people/${parent.id}`).expect(200)).text);
    assert.match(person, /Status Active Second factor Authentication app/);
    assert.match(person, new RegExp(`Rogers, Barney \\(${c.reference}\\) ?, Parent or carer`));

    const confirm = await staff.agent.get(`/staff/people/${parent.id}/disable`).expect(200);
    assert.match(textOf(confirm.text), /Disable Jane Findable's account\?/);
    await staff.agent
      .post(`/staff/people/${parent.id}/disable`)
      .type('form')
      .send({ _csrf: await csrfTokenOf(staff.agent, `/staff/people/${parent.id}`) })
      .expect(302);
    const { rows } = await t.pool.query(`SELECT status FROM users WHERE id = $1`, [parent.id]);
    assert.equal(rows[0].status, 'disabled');
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM session WHERE sess->'auth'->>'userId' = $1`, [parent.id]),
      0,
    );
    assert.equal((await parentAgent.get('/cases')).status, 302, 'the parent is signed out');
    assert.match(
      textOf((await staff.agent.get(`/staff/people/${parent.id}`).expect(200)).text),
      /Jane Findable's account has been disabled and they have been signed out\./,
    );

    await staff.agent
      .post(`/staff/people/${parent.id}/enable`)
      .type('form')
      .send({ _csrf: await csrfTokenOf(staff.agent, `/staff/people/${parent.id}`) })
      .expect(302);
    assert.equal((await t.pool.query(`SELECT status FROM users WHERE id = $1`, [parent.id])).rows[0].status, 'active');
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM audit_log WHERE subject_user_id = $1 AND action IN ('staff.person.disabled', 'staff.person.enabled')`,
        [parent.id],
      ),
      2,
    );
  });

  it('resets a second factor: cleared, and they set it up again at their next sign-in', async () => {
    const parent = await createUser(t.pool, { twoFactorMethod: 'sms' });
    await t.pool.query(
      `UPDATE users SET phone_encrypted = 'sealed', totp_secret_encrypted = 'sealed', totp_last_step = 5 WHERE id = $1`,
      [parent.id],
    );
    await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    const staff = await staffUser(t);
    await staff.agent.get(`/staff/people/${parent.id}/reset-two-factor`).expect(200);
    await staff.agent
      .post(`/staff/people/${parent.id}/reset-two-factor`)
      .type('form')
      .send({ _csrf: await csrfTokenOf(staff.agent, `/staff/people/${parent.id}`) })
      .expect(302);
    const { rows } = await t.pool.query(
      `SELECT two_factor_method, totp_secret_encrypted, totp_last_step, phone_encrypted, status FROM users WHERE id = $1`,
      [parent.id],
    );
    assert.deepEqual(rows[0], {
      two_factor_method: null,
      totp_secret_encrypted: null,
      totp_last_step: null,
      phone_encrypted: null,
      status: 'active',
    });
  });

  it('keeps people of other councils out of reach, and staff accounts to admins', async () => {
    const parent = await createUser(t.pool, { fullName: 'Only Elsewhere' });
    await createTestCase(t.pool, { council: 'Elsewhere Council', members: [{ userId: parent.id, role: 'parent' }] });
    const caseworker = await staffUser(t);
    assert.doesNotMatch(
      (await caseworker.agent.get('/staff/people?q=only%20elsewhere').expect(200)).text,
      /Only Elsewhere/,
    );
    await caseworker.agent.get(`/staff/people/${parent.id}`).expect(404);
    await caseworker.agent
      .post(`/staff/people/${parent.id}/disable`)
      .type('form')
      .send({ _csrf: await csrfTokenOf(caseworker.agent, '/staff/people') })
      .expect(404);
    await caseworker.agent.get('/staff/staff-accounts').expect(404);
    await caseworker.agent.get('/staff/staff-accounts/invite').expect(404);
    // A caseworker cannot disable another member of staff, nor anyone themselves.
    const admin = await staffUser(t, { role: 'admin', fullName: 'Ada Admin' });
    await caseworker.agent.get(`/staff/people/${admin.id}/disable`).expect(404);
    await admin.agent.get(`/staff/people/${admin.id}/disable`).expect(404);
    await admin.agent.get(`/staff/people/${caseworker.id}/disable`).expect(200);
  });

  it('lets an admin invite a caseworker into their own council', async () => {
    const admin = await staffUser(t, { role: 'admin', fullName: 'Ada Admin' });
    const csrf = await csrfTokenOf(admin.agent, '/staff/staff-accounts/invite');
    const bad = await admin.agent
      .post('/staff/staff-accounts/invite')
      .type('form')
      .send({ _csrf: csrf, email: admin.email, fullName: 'Me', role: 'admin' })
      .expect(400);
    assert.match(bad.text, /This email address already has an EHC Hub account/);
    await admin.agent
      .post('/staff/staff-accounts/invite')
      .type('form')
      .send({ _csrf: csrf, email: 'new.caseworker@edgehill.example.gov.uk', fullName: 'Nia New', role: 'caseworker' })
      .expect(302);
    const { rows } = await t.pool.query(
      `SELECT kind, staff_role, status, council_id FROM users WHERE email = 'new.caseworker@edgehill.example.gov.uk'`,
    );
    const adminCouncil = await t.pool.query(`SELECT council_id FROM users WHERE id = $1`, [admin.id]);
    assert.deepEqual(rows[0], {
      kind: 'staff',
      staff_role: 'caseworker',
      status: 'invited',
      council_id: adminCouncil.rows[0].council_id,
    });
    const email = await waitForEmail(t.pool, 'new.caseworker@edgehill.example.gov.uk', /Complete your registration/);
    assert.match(email.text_body, /Ada Admin at Edgehill Council has invited you/);
    assert.match(
      textOf((await admin.agent.get('/staff/staff-accounts').expect(200)).text),
      /Nia New new\.caseworker@edgehill\.example\.gov\.uk, Caseworker, invited/,
    );
  });

  it('adds notes and key dates (internal or not) and shows the case audit trail: who viewed, downloaded and changed what', async () => {
    const parent = await createUser(t.pool, { fullName: 'Pat Parent' });
    const c = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    const staff = await staffUser(t, { fullName: 'Casey Worker' });
    const csrf = await csrfTokenOf(staff.agent, `/staff/cases/${c.id}/notes/new`);
    const empty = await staff.agent
      .post(`/staff/cases/${c.id}/notes/new`)
      .type('form')
      .send({ _csrf: csrf, body: ' ' })
      .expect(400);
    assert.match(empty.text, /<a href="#body">Enter the note<\/a>/);
    await staff.agent
      .post(`/staff/cases/${c.id}/notes/new`)
      .type('form')
      .send({ _csrf: csrf, body: 'Phoned the school.', internal: 'yes' })
      .expect(302);
    await staff.agent
      .post(`/staff/cases/${c.id}/notes/new`)
      .type('form')
      .send({ _csrf: csrf, body: 'Visit booked.' })
      .expect(302);
    const badDate = await staff.agent
      .post(`/staff/cases/${c.id}/key-dates/new`)
      .type('form')
      .send({ _csrf: csrf, label: 'Meeting', 'onDate-day': '30', 'onDate-month': '2', 'onDate-year': '2024' })
      .expect(400);
    assert.match(badDate.text, /<a href="#onDate-day">Date must be a real date<\/a>/);
    await staff.agent
      .post(`/staff/cases/${c.id}/key-dates/new`)
      .type('form')
      .send({
        _csrf: csrf,
        label: 'Meeting with school',
        'onDate-day': '20',
        'onDate-month': '9',
        'onDate-year': '2023',
      })
      .expect(302);
    const notes = await t.pool.query(`SELECT body, internal FROM case_notes WHERE case_id = $1 ORDER BY body`, [c.id]);
    assert.deepEqual(notes.rows, [
      { body: 'Phoned the school.', internal: true },
      { body: 'Visit booked.', internal: false },
    ]);
    const keyDates = await t.pool.query(`SELECT label, on_date, internal FROM case_key_dates WHERE case_id = $1`, [
      c.id,
    ]);
    assert.deepEqual(keyDates.rows, [{ label: 'Meeting with school', on_date: '2023-09-20', internal: false }]);

    await (await agentSignedInAs(t, parent.id)).get(`/cases/${c.id}`).expect(200);
    const page = textOf((await staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text);
    assert.match(page, /20th Sep 2023: Meeting with school/);
    assert.match(page, /Casey Worker Internal Phoned the school\./);
    const trail = textOf((await staff.agent.get(`/staff/cases/${c.id}/audit`).expect(200)).text);
    assert.match(trail, /Casey Worker viewed the case 1st Sep 2023 at 10:30am \(council staff\)/);
    assert.match(
      trail,
      new RegExp(`Pat Parent viewed the case 1st Sep 2023 at 10:30am \\(${parent.email.replace(/\./g, '\\.')}\\)`),
    );
    assert.match(trail, /Casey Worker added a key date 1st Sep 2023 at 10:30am \(council staff\) Date: 20th Sep 2023/);
    assert.match(trail, /Casey Worker added a note 1st Sep 2023 at 10:30am \(council staff\) Internal/);
  });
});
