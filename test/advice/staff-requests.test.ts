import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { agentSignedInAs } from '../support/sessions.js';
import { fixedClock } from '../../src/clock.js';
import { queueAdviceReminders, startAdviceReminders } from '../../src/advice/reminders.js';
import { createLogger } from '../../src/logger.js';
import { createTestCase } from '../support/cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { PDF, staffUser } from '../staff/support.js';
import { assessmentCase, requestAdviceAs, TODAY } from './support.js';
import { count, queuedEmails } from '../support/database-checks.js';
import { textOf } from '../support/html.js';
import { csrfFrom, csrfTokenOf, dateFields, postMultipart } from '../support/forms.js';

describe('advice: staff request it, track it, record it', () => {
  let t: TestApp;
  const clock = fixedClock(`${TODAY}T10:00:00Z`);
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  it('asks an EP (new address: an invitation) and a doctor (registered: an email), each due 6 weeks on, listed on the case page', async () => {
    const c = await assessmentCase(t);
    const doctor = await createUser(t.pool, { fullName: 'Dr Amir Khan', email: 'amir.khan@nhs.example' });
    const path = `/staff/cases/${c.id}/advice/new`;
    const csrf = await csrfTokenOf(c.staff.agent, path);

    const bad = await c.staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, kind: 'nonsense', fullName: '', email: 'not-an-email', question: ' ' })
      .expect(400);
    const problems = textOf(bad.text);
    for (const message of [
      'Select the kind of advice',
      'Enter the full name of the person you are asking',
      'Enter an email address in the correct format',
      'Enter what you are asking them',
    ]) {
      assert.ok(problems.includes(message), message);
    }
    assert.match(bad.text, /value="not-an-email"/);

    const ep = await c.staff.agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrf,
        kind: 'psychological',
        fullName: 'Dr Priya Shah',
        email: 'Priya.Shah@EP.example',
        question: 'How does Barney learn best?',
      })
      .expect(302);
    assert.equal(ep.headers.location, `/staff/cases/${c.id}`);
    await c.staff.agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrf,
        kind: 'medical',
        fullName: 'Someone',
        email: doctor.email,
        question: 'What are his health needs?',
      })
      .expect(302);

    const invitation = (await queuedEmails(t.pool, 'priya.shah@ep.example')).at(-1);
    assert.ok(invitation, 'the EP is invited');
    assert.match(invitation.subject, /Complete your registration/);
    assert.match(invitation.text, new RegExp(`psychological advice for case ${c.reference}`));
    assert.match(invitation.text, /It is due by 31st Oct 2023\./);
    const told = (await queuedEmails(t.pool, doctor.email)).at(-1);
    assert.ok(told, 'the registered doctor is emailed');
    assert.equal(told.subject, `Edgehill Council has asked for your advice on EHC Hub: ${c.reference}`);
    assert.match(told.text, /Dear Dr Amir Khan,/);
    assert.match(told.text, /http:\/\/localhost:3000\/advice\/[0-9a-f-]{36}/);
    assert.doesNotMatch(told.text, /Barney/);

    const { rows } = await t.pool.query(
      `SELECT kind, requested_on, due_on FROM advice_requests WHERE case_id = $1 AND kind <> 'other' ORDER BY kind`,
      [c.id],
    );
    // 20 Sep 2023 is day 1: 6 weeks end on 31 Oct 2023.
    assert.deepEqual(rows, [
      { kind: 'medical', requested_on: TODAY, due_on: '2023-10-31' },
      { kind: 'psychological', requested_on: TODAY, due_on: '2023-10-31' },
    ]);
    const page = textOf((await c.staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text);
    // An account this council did not know: the notice does not tell whether it existed.
    assert.match(
      page,
      /Medical advice has been requested from Someone We have emailed the request, with an invitation to register on EHC Hub if they need one, to amir\.khan@nhs\.example\. The advice is due by 31st Oct 2023\./,
    );
    // Known now (asked for advice by this council): People finds the doctor, and the next notice names them.
    assert.match(textOf((await c.staff.agent.get('/staff/people?q=amir').expect(200)).text), /Dr Amir Khan/);
    await c.staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, kind: 'other', fullName: 'Whoever', email: doctor.email, question: 'And anything else?' })
      .expect(302);
    assert.match(
      textOf((await c.staff.agent.get(`/staff/cases/${c.id}`)).text),
      /Other advice has been requested from Dr Amir Khan We have emailed the request to amir\.khan@nhs\.example\./,
    );
    assert.match(page, /Psychological advice Dr Priya Shah 31st Oct 2023 Requested/);
    assert.match(page, /Medical advice Dr Amir Khan 31st Oct 2023 Requested/);
    const facts = await t.pool.query(`SELECT advice_requested_on, advice_received_on FROM cases WHERE id = $1`, [c.id]);
    assert.deepEqual(facts.rows[0], { advice_requested_on: TODAY, advice_received_on: null });
    assert.match(
      textOf((await c.staff.agent.get(`/staff/cases/${c.id}/audit`).expect(200)).text),
      /requested advice \(Dr Priya Shah\) 20th Sep 2023 at 11am \(council staff\) Kind: psychological/,
    );
  });

  it('refuses a staff address, and answers 404 for a case not in Assessment or of another council', async () => {
    const c = await assessmentCase(t);
    const path = `/staff/cases/${c.id}/advice/new`;
    const csrf = await csrfTokenOf(c.staff.agent, path);
    const colleague = await staffUser(t, { fullName: 'Kim Lee' });
    const refused = await c.staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, kind: 'other', fullName: 'Kim', email: colleague.email, question: 'Q' })
      .expect(400);
    assert.match(textOf(refused.text), /This email address belongs to a council staff account/);

    const early = await createTestCase(t.pool, { today: TODAY });
    await c.staff.agent.get(`/staff/cases/${early.id}/advice/new`).expect(404);
    await c.staff.agent
      .post(`/staff/cases/${early.id}/advice/new`)
      .type('form')
      .send({ _csrf: csrf, kind: 'other', fullName: 'A', email: 'a@example.com', question: 'Q' })
      .expect(404);
    const elsewhere = await staffUser(t, { council: 'Farley Council' });
    await elsewhere.agent.get(path).expect(404);
    const requestId = await requestAdviceAs(t, c.staff, c.id, {
      kind: 'educational',
      fullName: 'Head Teacher',
      email: 'head@school.example',
    });
    await elsewhere.agent.get(`/staff/cases/${c.id}/advice/${requestId}`).expect(404);
  });

  afterEach(() => clock.set(`${TODAY}T10:00:00Z`));

  it('goes overdue on the clock; the work tray filters "advice overdue"; each reminder is queued once, however many run', async () => {
    const c = await assessmentCase(t, { firstName: 'Medwyn' });
    const requestId = await requestAdviceAs(t, c.staff, c.id, {
      kind: 'medical',
      fullName: 'Dr Lee',
      email: 'dr.lee@nhs.example',
    });
    const reminders = async () =>
      (await queuedEmails(t.pool, 'dr.lee@nhs.example')).filter((email) => /due on/.test(email.subject));

    clock.set('2023-10-23T10:00:00Z'); // 8 days before 31 Oct: nothing yet
    await queueAdviceReminders(t);
    assert.equal((await reminders()).length, 0);
    clock.set('2023-10-24T10:00:00Z'); // a week before
    await Promise.all([queueAdviceReminders(t), queueAdviceReminders(t), queueAdviceReminders(t)]);
    await queueAdviceReminders(t);
    const soon = await reminders();
    assert.deepEqual(
      soon.map((email) => email.subject),
      [`Reminder: your advice is due on 31st Oct 2023: ${c.reference}`],
    );

    clock.set('2023-10-31T10:00:00Z'); // the due date itself is in time
    c.staff.agent = await agentSignedInAs(t, c.staff.id);
    await queueAdviceReminders(t);
    assert.equal((await reminders()).length, 1);
    let tray = textOf((await c.staff.agent.get('/staff?due=advice-overdue').expect(200)).text);
    assert.doesNotMatch(tray, /Medwyn/);

    clock.set('2023-11-01T10:00:00Z'); // the day after: overdue
    c.staff.agent = await agentSignedInAs(t, c.staff.id);
    await Promise.all([queueAdviceReminders(t), queueAdviceReminders(t)]);
    await queueAdviceReminders(t);
    const all = await reminders();
    assert.equal(all.length, 2);
    assert.equal(all[1].subject, `Your advice was due on 31st Oct 2023: ${c.reference}`);
    assert.match(all[1].text, new RegExp(`/advice/${requestId}`));
    assert.equal(await count(t.pool, `SELECT count(*) FROM advice_reminders WHERE request_id = $1`, [requestId]), 2);
    tray = textOf((await c.staff.agent.get('/staff?due=advice-overdue').expect(200)).text);
    assert.match(tray, /Medwyn/);
    const page = textOf((await c.staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text);
    assert.match(page, /Medical advice Dr Lee 31st Oct 2023 Overdue/);

    // Recorded as received another way: a document and the date; then no longer overdue.
    const recordPath = `/staff/cases/${c.id}/advice/${requestId}/record`;
    const recordCsrf = await csrfTokenOf(c.staff.agent, recordPath);
    const missing = await postMultipart(c.staff.agent, recordPath, { _csrf: recordCsrf }).expect(400);
    assert.match(textOf(missing.text), /Enter the date the advice was received/);
    assert.match(textOf(missing.text), /Select the document with the advice/);
    const wrong = await postMultipart(
      c.staff.agent,
      recordPath,
      { _csrf: recordCsrf, ...dateFields('receivedOn', '2023-10-30') },
      { documents: { content: Buffer.from('MZ not a document at all'), filename: 'advice.exe' } },
    );
    assert.equal(wrong.status, 400);
    assert.match(textOf(wrong.text), /“advice\.exe” must be a/);
    await postMultipart(
      c.staff.agent,
      recordPath,
      { ...dateFields('receivedOn', '2023-10-30') },
      { documents: { content: PDF, filename: 'advice.pdf' } },
    ).expect(403);
    await postMultipart(
      c.staff.agent,
      recordPath,
      { _csrf: recordCsrf, ...dateFields('receivedOn', '2023-10-30') },
      { documents: { content: PDF, filename: 'medical-advice.pdf' } },
    ).expect(302);
    const request = await t.pool.query(`SELECT received_on, recorded_by FROM advice_requests WHERE id = $1`, [
      requestId,
    ]);
    assert.deepEqual(request.rows[0], { received_on: '2023-10-30', recorded_by: c.staff.id });
    const facts = await t.pool.query(`SELECT advice_received_on FROM cases WHERE id = $1`, [c.id]);
    assert.equal(facts.rows[0].advice_received_on, '2023-10-30', 'all advice received follows from the requests');
    const detail = await c.staff.agent.get(`/staff/cases/${c.id}/advice/${requestId}`).expect(200);
    assert.match(textOf(detail.text), /Received on 30th Oct 2023 \(recorded by the council\)/);
    const link = /href="(\/staff\/cases\/[^"]+\/documents\/[^"]+)">medical-advice\.pdf/.exec(detail.text)?.[1];
    assert.ok(link);
    await c.staff.agent.get(link).expect(200);
    await c.staff.agent.get(recordPath).expect(404);
    await queueAdviceReminders(t);
    assert.equal((await reminders()).length, 2);
    tray = textOf((await c.staff.agent.get('/staff?due=advice-overdue').expect(200)).text);
    assert.doesNotMatch(tray, /Medwyn/);
    clock.set(`${TODAY}T10:00:00Z`);
  });

  it('withdraws a request: no longer outstanding, no reminder', async () => {
    const c = await assessmentCase(t);
    const requestId = await requestAdviceAs(t, c.staff, c.id, {
      kind: 'social-care',
      fullName: 'Pat Social',
      email: 'pat@care.example',
    });
    const detail = await c.staff.agent.get(`/staff/cases/${c.id}/advice/${requestId}`).expect(200);
    await c.staff.agent
      .post(`/staff/cases/${c.id}/advice/${requestId}/withdraw`)
      .type('form')
      .send({ _csrf: csrfFrom(detail.text) })
      .expect(302);
    await c.staff.agent
      .post(`/staff/cases/${c.id}/advice/${requestId}/withdraw`)
      .type('form')
      .send({ _csrf: csrfFrom(detail.text) })
      .expect(404);
    const page = textOf((await c.staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text);
    assert.match(page, /Social care advice Pat Social 31st Oct 2023 Withdrawn/);
    clock.set('2023-11-10T10:00:00Z');
    await queueAdviceReminders(t);
    assert.equal(await count(t.pool, `SELECT count(*) FROM advice_reminders WHERE request_id = $1`, [requestId]), 0);
  });

  it('schedules the reminders job in pg-boss once, however many processes start it', async () => {
    const logger = createLogger('silent');
    const deps = { ...t, logger, connectionString: t.connectionString };
    await Promise.all([startAdviceReminders(deps), startAdviceReminders(deps)]);
    assert.equal(await count(t.pool, `SELECT count(*) FROM pgboss.schedule WHERE name = 'advice-reminders'`), 1);
  });
});
