import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { placementAnswerDue } from '../../src/ehc/index.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from '../staff/support.js';
import { assessmentCase } from './support.js';
import { queuedEmails } from '../support/database-checks.js';
import { textOf } from '../support/html.js';
import { csrfFrom, csrfTokenOf } from '../support/forms.js';

const TODAY = '2023-11-22';

describe('advice: consulting the school or setting the family named', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock(`${TODAY}T10:00:00Z`), deliver: false });
  });
  after(() => t.close());

  it('counts the 15 days with the day asked as day 1', () => {
    assert.equal(placementAnswerDue('2023-11-22'), '2023-12-06');
    assert.equal(placementAnswerDue('2024-02-20'), '2024-03-05');
  });

  it('staff consult the named school; it answers on the Hub within 15 days; staff see it, and the family once shared', async () => {
    const c = await assessmentCase(t);
    await t.pool.query(
      `UPDATE cases SET advice_requested_on = '2023-09-20', advice_received_on = '2023-10-30', draft_plan_issued_on = '2023-11-20' WHERE id = $1`,
      [c.id],
    );
    const consult = `/staff/cases/${c.id}/advice/consult`;
    await c.staff.agent.get(consult).expect(404); // the family has named no school yet
    assert.doesNotMatch(
      textOf((await c.staff.agent.get(`/staff/cases/${c.id}`)).text),
      /Consult the school or setting/,
    );

    await t.pool.query(
      `INSERT INTO draft_plan_responses (case_id, draft_plan_issued_on, author_user_id, preferred_setting, agrees) VALUES ($1, '2023-11-20', $2, 'Hillside Academy', false)`,
      [c.id, c.parent.id],
    );
    assert.match(
      textOf((await c.staff.agent.get(`/staff/cases/${c.id}`)).text),
      /The family asked for Hillside Academy in their response to the draft plan\. Consult the school or setting/,
    );
    const form = await c.staff.agent.get(consult).expect(200);
    assert.match(form.text, /value="Hillside Academy"/);
    assert.match(form.text, /Barney’s family has asked for Hillside Academy to be named in Barney’s EHC plan/);
    const csrf = csrfFrom(form.text);
    const bad = await c.staff.agent
      .post(consult)
      .type('form')
      .send({ _csrf: csrf, settingName: 'Hillside Academy', fullName: '', email: 'nope', question: 'Q' })
      .expect(400);
    assert.match(textOf(bad.text), /Enter the name of the person at the setting/);
    assert.match(textOf(bad.text), /Enter an email address in the correct format/);

    const senco = await createUser(t.pool, { fullName: 'Ms Clare Bell', email: 'senco@hillside.example' });
    await c.staff.agent
      .post(consult)
      .type('form')
      .send({
        _csrf: csrf,
        settingName: 'Hillside Academy',
        fullName: 'Clare',
        email: 'senco@hillside.example',
        question: 'Can you meet Barney’s needs?',
      })
      .expect(302);
    const { rows } = await t.pool.query(
      `SELECT id, kind, setting_name, due_on FROM advice_requests WHERE case_id = $1`,
      [c.id],
    );
    assert.deepEqual(
      { ...rows[0], id: undefined },
      { id: undefined, kind: 'placement', setting_name: 'Hillside Academy', due_on: '2023-12-06' },
    );
    const requestId = rows[0].id;
    const email = (await queuedEmails(t.pool, 'senco@hillside.example')).at(-1);
    assert.match(email!.text, /asked you for a consultation about a school or setting/);
    assert.match(
      textOf((await c.staff.agent.get(`/staff/cases/${c.id}`)).text),
      /Consultation on a school or setting Ms Clare Bell, Hillside Academy 6th Dec 2023 Requested/,
    );

    // The setting answers.
    const setting = await agentSignedInAs(t, senco.id);
    const page = await setting.get(`/advice/${requestId}`).expect(200);
    assert.match(textOf(page.text), /Can your setting meet Barney’s needs\?/);
    const answerCsrf = csrfFrom(page.text);
    const empty = await setting
      .post(`/advice/${requestId}`)
      .type('form')
      .send({ _csrf: answerCsrf, action: 'continue' })
      .expect(400);
    assert.match(textOf(empty.text), /Select whether the setting can meet the child’s needs Enter your reasons/);
    await setting
      .post(`/advice/${requestId}`)
      .type('form')
      .send({
        _csrf: answerCsrf,
        action: 'continue',
        canMeetNeeds: 'yes',
        reasons: 'We have a speech and language unit.',
      })
      .expect(302);
    await setting.get(`/advice/${requestId}/check`).expect(200);
    await setting.post(`/advice/${requestId}/submit`).type('form').send({ _csrf: answerCsrf }).expect(302);
    const staffView = textOf((await c.staff.agent.get(`/staff/cases/${c.id}/advice/${requestId}`).expect(200)).text);
    assert.match(
      staffView,
      /Can the setting meet Barney’s needs\? Yes, it can meet the needs Reasons We have a speech and language unit\./,
    );
    // The case's advice dates are not the consultation's.
    const facts = await t.pool.query(`SELECT advice_received_on FROM cases WHERE id = $1`, [c.id]);
    assert.equal(facts.rows[0].advice_received_on, '2023-10-30');

    const stagePath = `/cases/${c.id}/stages/assessment`;
    assert.doesNotMatch(textOf((await c.parent.agent.get(stagePath).expect(200)).text), /speech and language unit/);
    const detail = await c.staff.agent.get(`/staff/cases/${c.id}/advice/${requestId}`);
    await c.staff.agent
      .post(`/staff/cases/${c.id}/advice/${requestId}/share`)
      .type('form')
      .send({ _csrf: csrfFrom(detail.text) })
      .expect(302);
    assert.match(
      textOf((await c.parent.agent.get(stagePath).expect(200)).text),
      /Consultation on a school or setting from Ms Clare Bell, Hillside Academy Given on 22nd Nov 2023 .*Yes, it can meet the needs .*We have a speech and language unit\./,
    );

    // The setting sees nothing else of the case; another council's staff cannot consult.
    await setting.get(`/cases/${c.id}`).expect(404);
    await setting.get(`/cases/${c.id}/comments`).expect(404);
    await setting.get(`/cases/${c.id}/draft-plan`).expect(404);
    await setting.get(consult).expect(404);
    const elsewhere = await staffUser(t, { council: 'Farley Council' });
    await elsewhere.agent.get(consult).expect(404);
    const farCsrf = await csrfTokenOf(elsewhere.agent, '/staff');
    await elsewhere.agent
      .post(consult)
      .type('form')
      .send({ _csrf: farCsrf, settingName: 'X', fullName: 'Y', email: 'y@example.com', question: 'Q' })
      .expect(404);
  });
});
