import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { PDF, staffUser } from './support.js';
import { textOf } from '../support/html.js';
import { binary } from '../support/http.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf, dateFields, postMultipart } from '../support/forms.js';
import { waitForEmail } from '../support/wait.js';
import { requestAdviceAs } from '../advice/support.js';

const REASON = 'Barney has a diagnosis of dyslexia and needs specialist help';

describe('staff: moving a case on', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-09-12T10:00:00Z') });
  });
  after(() => t.close());

  async function barneysCase() {
    const parent = await createUser(t.pool, { fullName: 'Jane Rogers' });
    const invitedParent = await createUser(t.pool, { status: 'invited' });
    const c = await createTestCase(t.pool, {
      members: [
        { userId: parent.id, role: 'parent' },
        { userId: invitedParent.id, role: 'parent' },
      ],
      today: '2023-09-12',
    });
    return { ...c, parent, invitedParent };
  }

  it('records the decision to assess with its letter: the stage and next date change, the family is emailed, the parent downloads the letter', async () => {
    const c = await barneysCase();
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/progress/decision-to-assess`;
    const csrf = await csrfTokenOf(staff.agent, path);
    const res = await postMultipart(
      staff.agent,
      path,
      { _csrf: csrf, outcome: 'assess', reason: REASON, ...dateFields('decidedOn', '2023-09-11') },
      { letter: { content: PDF, filename: 'Decision letter.pdf' } },
    ).expect(302);
    assert.equal(res.headers.location, `/staff/cases/${c.id}`);

    const { rows } = await t.pool.query(`SELECT current_stage, next_due_label, next_due_on FROM cases WHERE id = $1`, [
      c.id,
    ]);
    assert.deepEqual(rows[0], {
      current_stage: 'assessment',
      next_due_label: 'Final plan due',
      next_due_on: '2023-12-25',
    });
    const decision = await t.pool.query(
      `SELECT kind, outcome, reason, decided_on, letter_document_id, recorded_by FROM case_decisions WHERE case_id = $1`,
      [c.id],
    );
    assert.equal(decision.rows.length, 1);
    assert.equal(decision.rows[0].outcome, 'assess');
    assert.equal(decision.rows[0].reason, REASON);
    assert.equal(decision.rows[0].decided_on, '2023-09-11');
    assert.equal(decision.rows[0].recorded_by, staff.id);
    const letterId = decision.rows[0].letter_document_id;
    const letter = await t.pool.query(
      `SELECT kind, original_filename, content FROM documents WHERE id = $1 AND case_id = $2`,
      [letterId, c.id],
    );
    assert.equal(letter.rows[0].kind, 'decision-letter');
    assert.deepEqual(letter.rows[0].content, PDF);
    const notes = await t.pool.query(`SELECT body, internal FROM case_notes WHERE case_id = $1`, [c.id]);
    assert.deepEqual(notes.rows, [
      {
        body: 'Decision: the council will carry out an EHC needs assessment. The decision letter has been added.',
        internal: false,
      },
    ]);

    const email = await waitForEmail(t.pool, c.parent.email, /Update on your EHC case/);
    assert.equal(email.subject, `Update on your EHC case ${c.reference}: Decision`);
    for (const body of [email.text_body, email.html_body]) {
      assert.match(body, new RegExp(c.reference));
      assert.match(body, /Stage: Decision/);
      assert.match(body, /We have made a decision on whether to carry out an EHC needs assessment\./);
      assert.match(body, /http:\/\/localhost:3000\/sign-in/);
      assert.doesNotMatch(body, /dyslexia|Barney/);
    }
    // Only family members who can sign in are told; the invited one has an invitation to use first.
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM dev_mailbox WHERE recipient = $1`, [c.invitedParent.email]),
      0,
    );

    const page = await staff.agent.get(res.headers.location).expect(200);
    assert.match(
      textOf(page.text),
      /Decision whether to assess: saved\. An email about the update has been sent to 1 family member\./,
    );
    assert.match(textOf(page.text), /Stage Assessment Next statutory date Final plan due: 25th Dec 2023/);

    const parent = await agentSignedInAs(t, c.parent.id);
    const download = await parent.get(`/cases/${c.id}/documents/${letterId}`).buffer(true).parse(binary).expect(200);
    assert.deepEqual(download.body, PDF);
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    const stage = await parent.get(`/cases/${c.id}/stages/decision`).expect(200);
    assert.match(stage.text, new RegExp(`/cases/${c.id}/documents/${letterId}`));

    const audit = await t.pool.query(
      `SELECT details FROM audit_log WHERE action = 'staff.case.decision-to-assess-recorded' AND case_id = $1`,
      [c.id],
    );
    assert.equal(audit.rows[0].details.outcome, 'assess');
    assert.equal(audit.rows[0].details.familyNotified, 1);
  });

  it('refuses a decision without its letter or dated before the request, keeping the fields, and changes nothing', async () => {
    const c = await barneysCase();
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/progress/decision-to-assess`;
    const csrf = await csrfTokenOf(staff.agent, path);
    const res = await postMultipart(staff.agent, path, {
      _csrf: csrf,
      outcome: 'not-assess',
      reason: 'Kept reason',
      ...dateFields('decidedOn', '2023-08-01'),
    }).expect(400);
    assert.match(
      res.text,
      /<a href="#decidedOn-day">Date of the decision letter must be the same as or after the date the request was received \(8th Aug 2023\)<\/a>/,
    );
    assert.match(res.text, /<a href="#letter">Select the decision letter<\/a>/);
    assert.match(res.text, /Kept reason/);
    assert.match(res.text, /value="not-assess" checked/);
    const future = await postMultipart(
      staff.agent,
      path,
      { _csrf: csrf, outcome: 'assess', reason: 'x', ...dateFields('decidedOn', '2023-09-13') },
      { letter: { content: PDF, filename: 'l.pdf' } },
    ).expect(400);
    assert.match(future.text, /Date of the decision letter must be today or in the past/);
    assert.equal(await count(t.pool, `SELECT count(*) FROM case_decisions WHERE case_id = $1`, [c.id]), 0);
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [c.id]), 0);
  });

  it('refuses an impossible sequence with a clear message (src/ehc inconsistentFacts)', async () => {
    const c = await createTestCase(t.pool, {
      decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-09-01' }],
      set: { draft_plan_issued_on: '2023-09-05' },
      today: '2023-09-12',
    });
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/progress/final-plan`;
    const csrf = await csrfTokenOf(staff.agent, path);
    const res = await postMultipart(
      staff.agent,
      path,
      { _csrf: csrf, ...dateFields('issuedOn', '2023-09-04') },
      { plan: { content: PDF, filename: 'plan.pdf' } },
    ).expect(400);
    assert.match(
      res.text,
      /<a href="#issuedOn-day">The date the final plan was issued must be the same as or after the date the draft plan was issued \(5th Sep 2023\)<\/a>/,
    );
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [c.id]), 0);
  });

  it('records a draft plan with the 15-day comment deadline, and does not offer steps the case has not reached', async () => {
    const c = await createTestCase(t.pool, {
      decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-09-01' }],
      today: '2023-09-12',
    });
    const parent = await createUser(t.pool);
    await t.pool.query(`INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, 'parent')`, [
      c.id,
      parent.id,
    ]);
    const staff = await staffUser(t);
    const blocked = await staff.agent.get(`/staff/cases/${c.id}/progress/final-plan`).expect(200);
    assert.match(textOf(blocked.text), /Record the draft plan first\./);
    assert.doesNotMatch(blocked.text, /<form method="post" action="\/staff\/cases/);

    const path = `/staff/cases/${c.id}/progress/draft-plan`;
    const csrf = await csrfTokenOf(staff.agent, path);
    await postMultipart(
      staff.agent,
      path,
      { _csrf: csrf, ...dateFields('issuedOn', '2023-09-12') },
      { plan: { content: PDF, filename: 'draft.pdf' } },
    ).expect(302);
    const { rows } = await t.pool.query(`SELECT current_stage, draft_plan_issued_on FROM cases WHERE id = $1`, [c.id]);
    assert.deepEqual(rows[0], { current_stage: 'draft-plan', draft_plan_issued_on: '2023-09-12' });
    const email = await waitForEmail(t.pool, parent.email, /Draft plan/);
    assert.match(email.text_body, /You have until 27th Sep 2023 to comment on it/);
    const page = await staff.agent.get(`/staff/cases/${c.id}`).expect(200);
    assert.match(textOf(page.text), /Comments on draft plan due 27th Sep 2023/);
  });

  it('records an exemption; the advice dates follow from the requests for advice, not from a step', async () => {
    const c = await createTestCase(t.pool, {
      decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-09-01' }],
      today: '2023-09-12',
    });
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/progress/exemption`;
    const csrf = await csrfTokenOf(staff.agent, path);
    const missing = await staff.agent.post(path).type('form').send({ _csrf: csrf }).expect(400);
    assert.match(missing.text, /Select the reason for the exemption/);
    assert.match(missing.text, /Enter why the exemption applies/);
    await staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, kind: 'family-away', reason: 'The family are abroad until October.' })
      .expect(302);
    const page = await staff.agent.get(`/staff/cases/${c.id}`).expect(200);
    assert.match(
      textOf(page.text),
      /Exemption to the time limits: saved\. No family member has an active account on this case, so no email was sent\./,
    );
    assert.match(
      textOf(page.text),
      /no longer apply because of an exemption: Family away from the area for 4 weeks or more\. Reason: The family are abroad until October\./,
    );

    // The old step that typed the advice dates is gone: a request for advice sets them.
    await staff.agent.get(`/staff/cases/${c.id}/progress/advice`).expect(404);
    assert.doesNotMatch(textOf(page.text), /Record advice requested and received/);
    await requestAdviceAs(t, staff, c.id, {
      kind: 'psychological',
      fullName: 'Dr Priya Shah',
      email: 'priya@ep.example',
    });
    const { rows } = await t.pool.query(
      `SELECT advice_requested_on, advice_received_on, exemption_kind FROM cases WHERE id = $1`,
      [c.id],
    );
    assert.deepEqual(rows[0], {
      advice_requested_on: '2023-09-12',
      advice_received_on: null,
      exemption_kind: 'family-away',
    });
  });

  it('answers 404 for an unknown step or case', async () => {
    const c = await barneysCase();
    const staff = await staffUser(t);
    await staff.agent.get(`/staff/cases/${c.id}/progress/nonsense`).expect(404);
    await staff.agent.get(`/staff/cases/00000000-0000-0000-0000-000000000000/progress/exemption`).expect(404);
    await staff.agent.get(`/staff/cases/not-a-uuid`).expect(404);
  });
});
