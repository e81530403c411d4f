import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { PDF, staffUser } from './support.js';
import { textOf } from '../support/html.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf, dateFields, postMultipart } from '../support/forms.js';
import { waitFor, waitForEmail } from '../support/wait.js';

const DAY = 24 * 3600 * 1000;

describe('staff: one annual review after another', () => {
  const clock = fixedClock('2024-12-10T10:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  it('records meeting, decision, next meeting and its decision; each meeting pairs with its own decision and the family sees the current cycle', async () => {
    const parent = await createUser(t.pool, { fullName: 'Jane Rogers' });
    const c = await createTestCase(t.pool, {
      members: [{ userId: parent.id, role: 'parent' }],
      set: { draft_plan_issued_on: '2023-11-20', final_plan_issued_on: '2023-12-20' },
      decisions: [
        { kind: 'assess', outcome: 'assess', decidedOn: '2023-09-12' },
        { kind: 'issue', outcome: 'issue', decidedOn: '2023-11-10' },
      ],
      today: '2024-12-10',
    });
    const staff = await staffUser(t);
    let family = await agentSignedInAs(t, parent.id);
    // Sessions time out over the months the clock moves on: sign in afresh each time.
    const signInAgain = async () => {
      staff.agent = await agentSignedInAs(t, staff.id);
      family = await agentSignedInAs(t, parent.id);
    };
    const meetingPath = `/staff/cases/${c.id}/progress/review-meeting`;
    const decisionPath = `/staff/cases/${c.id}/progress/review-decision`;
    const statusLine = async () => textOf((await family.get('/cases').expect(200)).text);
    const expectStatus = (status: number) => (res: { status: number; text: string }) => {
      assert.equal(res.status, status, res.text);
      return res;
    };
    const recordMeeting = async (iso: string, status = 302) =>
      expectStatus(status)(
        await staff.agent
          .post(meetingPath)
          .type('form')
          .send({ _csrf: await csrfTokenOf(staff.agent, meetingPath), ...dateFields('meetingOn', iso) }),
      );
    const recordDecision = async (outcome: string, iso: string, status = 302) =>
      expectStatus(status)(
        await postMultipart(
          staff.agent,
          decisionPath,
          {
            _csrf: await csrfTokenOf(staff.agent, decisionPath),
            outcome,
            reason: 'Discussed at the meeting.',
            ...dateFields('decidedOn', iso),
          },
          { letter: { content: PDF, filename: 'review-letter.pdf' } },
        ),
      );

    // First cycle: the meeting held, then the decision to keep the plan.
    assert.match(
      textOf((await staff.agent.get(decisionPath).expect(200)).text),
      /Record the annual review meeting first\./,
    );
    await recordMeeting('2024-12-01');
    assert.match(await statusLine(), /Barney's annual review meeting was held on 1st Dec 2024\./);
    clock.advance(60_000); // the timeline is in time order
    await recordDecision('keep', '2024-12-09');
    assert.match(await statusLine(), /We have decided to keep Barney's EHC plan as it is\./);
    const email = await waitForEmail(
      t.pool,
      parent.email,
      new RegExp(`^Update on your EHC case ${c.reference}: Annual review$`),
    );
    assert.doesNotMatch(email.text_body, /Discussed at the meeting/);

    // A year on: the next meeting is a new cycle, not a change to the last one.
    clock.advance(345 * DAY); // 2025-11-20
    await signInAgain();
    const nextPage = await staff.agent.get(meetingPath).expect(200);
    assert.match(
      textOf(nextPage.text),
      /The decision after the annual review meeting of 1st Dec 2024 was made on 9th Dec 2024\. The meeting you record now is for the next annual review\./,
    );
    assert.doesNotMatch(nextPage.text, /name="meetingOn-day"[^>]*value="1"/, 'the form starts empty for a new cycle');
    const early = await recordMeeting('2024-12-05', 400);
    assert.match(
      early.text,
      /href="#meetingOn-day">Date of the next annual review meeting must be after the date of the last review decision \(9th Dec 2024\)</,
    );
    await recordMeeting('2025-11-25');
    const cycle2 = await t.pool.query(
      `SELECT last_review_meeting_on, review_meeting_on, current_stage, next_due_label, next_due_on FROM cases WHERE id = $1`,
      [c.id],
    );
    assert.deepEqual(cycle2.rows[0], {
      last_review_meeting_on: '2024-12-01',
      review_meeting_on: '2025-11-25',
      current_stage: 'annual-review',
      next_due_label: 'Annual review due',
      next_due_on: '2025-11-30',
    });
    // The family's status is this cycle's meeting, not last year's decision.
    assert.match(await statusLine(), /Barney's annual review meeting is on 25th Nov 2025\./);
    assert.doesNotMatch(await statusLine(), /keep Barney's EHC plan/);
    const stage = textOf((await family.get(`/cases/${c.id}/stages/annual-review`).expect(200)).text);
    assert.match(stage, /Last review meeting 1st Dec 2024/);
    assert.match(stage, /Review meeting 25th Nov 2025/);

    // The meeting can still be moved while this cycle has no decision; then the decision.
    assert.doesNotMatch(textOf((await staff.agent.get(meetingPath).expect(200)).text), /for the next annual review/);
    clock.advance(13 * DAY); // 2025-12-03
    await signInAgain();
    await recordMeeting('2025-11-27');
    const wrongOrder = await recordDecision('amend', '2025-11-26', 400);
    assert.match(
      wrongOrder.text,
      /The date of the review decision must be the same as or after the date of the annual review meeting \(27th Nov 2025\)/,
    );
    clock.advance(60_000); // the timeline is in time order
    await recordDecision('amend', '2025-12-02');
    assert.match(await statusLine(), /We propose to make changes to Barney's EHC plan\./);
    const after2 = await t.pool.query(
      `SELECT last_review_meeting_on, review_meeting_on, next_due_label FROM cases WHERE id = $1`,
      [c.id],
    );
    assert.deepEqual(after2.rows[0], {
      last_review_meeting_on: '2024-12-01',
      review_meeting_on: '2025-11-27',
      next_due_label: 'Amended plan due',
    });
    // Each decision keeps the meeting it answers (the moved date, for the second), so earlier reviews stay apart.
    const decisions = await t.pool.query(
      `SELECT decided_on, review_meeting_on FROM case_decisions WHERE case_id = $1 AND kind = 'review' ORDER BY recorded_at`,
      [c.id],
    );
    assert.deepEqual(
      decisions.rows.map((row) => [row.decided_on, row.review_meeting_on]),
      [
        ['2024-12-09', '2024-12-01'],
        ['2025-12-02', '2025-11-27'],
      ],
    );

    // Every change told the family: two meetings, a move of the second, two decisions.
    await waitFor(
      'five emails to the parent',
      async () => (await count(t.pool, `SELECT count(*) FROM dev_mailbox WHERE recipient = $1`, [parent.email])) >= 5,
      30_000,
    );
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM dev_mailbox WHERE recipient = $1 AND subject LIKE '%: Annual review'`, [
        parent.email,
      ]),
      5,
    );

    const timeline = await t.pool.query(`SELECT body FROM case_notes WHERE case_id = $1 ORDER BY created_at, id`, [
      c.id,
    ]);
    assert.deepEqual(
      timeline.rows.map((row) => row.body),
      [
        'Annual review meeting held on 1st Dec 2024.',
        'Decision after the annual review: the plan stays as it is. The decision letter has been added.',
        'Next annual review meeting arranged for 25th Nov 2025.',
        'Annual review meeting held on 27th Nov 2025.',
        'Decision after the annual review: the council will amend the plan. The decision letter has been added.',
      ],
    );
  });

  it('has no next review after a decision to stop maintaining the plan', async () => {
    clock.set('2024-12-10T10:00:00Z');
    const c = await createTestCase(t.pool, {
      set: { draft_plan_issued_on: '2023-11-20', final_plan_issued_on: '2023-12-20', review_meeting_on: '2024-12-01' },
      decisions: [
        { kind: 'assess', outcome: 'assess', decidedOn: '2023-09-12' },
        { kind: 'review', outcome: 'cease', decidedOn: '2024-12-05' },
      ],
      today: '2024-12-10',
    });
    const staff = await staffUser(t);
    const page = await staff.agent.get(`/staff/cases/${c.id}/progress/review-meeting`).expect(200);
    assert.match(
      textOf(page.text),
      /The council has decided to stop maintaining the plan, so there are no more annual reviews\./,
    );
    assert.doesNotMatch(page.text, /action="\/staff\/cases\/[^"]+\/progress\/review-meeting"/);
  });
});
