import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { draftPlanResponses } from '../../src/cases/index.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { familyCase } from './family-support.js';
import { count, queuedEmails } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { textOf } from '../support/html.js';

const DRAFT_ISSUED = {
  draft_plan_issued_on: '2023-12-01',
  advice_requested_on: '2023-09-20',
  advice_received_on: '2023-10-25',
};
const DECISIONS = [
  { kind: 'assess' as const, outcome: 'assess', decidedOn: '2023-09-15' },
  { kind: 'issue' as const, outcome: 'issue', decidedOn: '2023-11-20' },
];

describe('the draft plan: comments before the 15-day deadline', () => {
  const clock = fixedClock('2023-12-05T10:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  it('takes comments section by section, a school, a meeting request or agreement until the deadline, then only shows what was sent', async () => {
    const family = await familyCase(t, { set: DRAFT_ISSUED, decisions: DECISIONS, today: '2023-12-05' });
    const path = `/cases/${family.caseId}/draft-plan`;
    const page = await family.agent.get(path).expect(200);
    const text = textOf(page.text);
    assert.match(text, /The draft EHC plan for Barney was issued on 1st Dec 2023\./);
    assert.match(
      text,
      /You have until 16th Dec 2023 to comment on the draft plan, tell us the school or college you want, ask for a meeting, or say that you agree with it\./,
    );
    for (const label of [
      'Section A: views, interests and aspirations',
      'Section B: special educational needs',
      'Section E: outcomes',
      'Section F: special educational provision',
      'Section I: placement',
    ]) {
      assert.match(text, new RegExp(label));
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];

    const empty = await family.agent.post(path).type('form').send({ _csrf: csrf }).expect(400);
    assert.match(
      textOf(empty.text),
      /There is a problem Enter your comments on the draft plan, name the school or college you want, ask for a meeting or say that you agree with the draft plan/,
    );

    const tooLong = await family.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, sectionB: 'x'.repeat(10_001), sectionF: 'Kept text' })
      .expect(400);
    assert.match(textOf(tooLong.text), /Your comments on section B must be 10,000 characters or fewer/);
    assert.match(tooLong.text, />Kept text<\/textarea>/);

    await family.agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrf,
        sectionA: 'Barney loves trains.',
        sectionF: 'He needs a quiet space.',
        preferredSetting: 'Edgehill Academy',
        requests: 'meeting',
      })
      .expect(302);
    const sent = await family.agent.get(path).expect(200);
    const sentText = textOf(sent.text);
    assert.match(sentText, /Your response to the draft plan has been sent/);
    assert.match(
      sentText,
      /What has been sent From Jane Rogers, 5th Dec 2023 at 10am Section A: views, interests and aspirations Barney loves trains\. Section F: special educational provision He needs a quiet space\. School or college you want for Barney Edgehill Academy Meeting I would like a meeting to discuss the draft plan/,
    );
    const email = (await queuedEmails(t.pool, family.coordinator.email)).at(-1);
    assert.equal(email?.subject, `A response to the draft plan: Barney Rogers (${family.reference})`);

    // The last day is still open (16th Dec, late in the evening in the UK).
    clock.set('2023-12-16T23:30:00Z');
    const lastDay = await agentSignedInAs(t, family.parent.id);
    const lastCsrf = await csrfTokenOf(lastDay, path);
    await lastDay
      .post(path)
      .type('form')
      .send({ _csrf: lastCsrf, requests: ['agree'] })
      .expect(302);

    // The day after: closed. What was sent is shown; nothing more can be sent.
    clock.set('2023-12-17T00:30:00Z');
    const late = await agentSignedInAs(t, family.parent.id);
    const closed = await late.get(path).expect(200);
    const closedText = textOf(closed.text);
    assert.match(closedText, /The time to comment on the draft plan ended on 16th Dec 2023\./);
    assert.match(closedText, /Do you agree with the draft plan\? Yes, I agree with the draft plan/);
    assert.match(closedText, /Barney loves trains\./);
    assert.doesNotMatch(closed.text, /Send your response/);
    const refused = await late
      .post(path)
      .type('form')
      .send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(closed.text)![1], sectionI: 'One more thing.' })
      .expect(400);
    const refusedText = textOf(refused.text);
    assert.match(
      refusedText,
      /There is a problem The time to comment on the draft plan ended on 16th Dec 2023\. Your response has not been sent/,
    );
    assert.match(refusedText, /What you wrote \(not sent\) Section I: placement One more thing\./);

    const responses = await draftPlanResponses(t.pool, family.caseId);
    assert.equal(responses.length, 2);
    assert.deepEqual(
      responses.map((r) => [r.agrees, r.wantsMeeting, r.preferredSetting, r.sentOn]),
      [
        [true, false, '', '2023-12-01'],
        [false, true, 'Edgehill Academy', '2023-12-01'],
      ],
    );
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM audit_log WHERE action = 'case.draft-plan.responded' AND case_id = $1`,
        [family.caseId],
      ),
      2,
    );
    clock.set('2023-12-05T10:00:00Z');
  });

  it('is not there before a draft is issued, nor for an adviser or a stranger', async () => {
    const noDraft = await familyCase(t);
    await noDraft.agent.get(`/cases/${noDraft.caseId}/draft-plan`).expect(404);

    const adviser = await createUser(t.pool, { fullName: 'Ada Adviser' });
    const family = await familyCase(t, {
      set: DRAFT_ISSUED,
      decisions: DECISIONS,
      today: '2023-12-05',
      members: [{ userId: adviser.id, role: 'adviser' }],
    });
    await (await agentSignedInAs(t, adviser.id)).get(`/cases/${family.caseId}/draft-plan`).expect(404);
    const stranger = await agentSignedInAs(t, (await createUser(t.pool)).id);
    await stranger.get(`/cases/${family.caseId}/draft-plan`).expect(404);
    const csrf = await csrfTokenOf(stranger, '/help');
    await stranger
      .post(`/cases/${family.caseId}/draft-plan`)
      .type('form')
      .send({ _csrf: csrf, requests: 'agree' })
      .expect(404);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM draft_plan_responses WHERE case_id = $1`, [family.caseId]),
      0,
    );
  });

  it('offers "Comment on the draft plan" on the case page only while commenting is open (day 15 yes, day 16 no, nor once the final plan is issued)', async () => {
    const family = await familyCase(t, { set: DRAFT_ISSUED, decisions: DECISIONS, today: '2023-12-05' });
    const button = new RegExp(
      `<a href="/cases/${family.caseId}/draft-plan" role="button"[^>]*>\\s*Comment on the draft plan`,
    );
    clock.set('2023-12-16T22:00:00Z');
    const lastDay = await agentSignedInAs(t, family.parent.id);
    assert.match((await lastDay.get(`/cases/${family.caseId}`).expect(200)).text, button);
    clock.set('2023-12-17T09:00:00Z');
    const dayAfter = await (await agentSignedInAs(t, family.parent.id)).get(`/cases/${family.caseId}`).expect(200);
    assert.doesNotMatch(dayAfter.text, /Comment on the draft plan/);
    assert.match(textOf(dayAfter.text), /The draft plan and the responses sent/);

    clock.set('2023-12-05T10:00:00Z');
    const finalised = await familyCase(t, {
      set: { ...DRAFT_ISSUED, final_plan_issued_on: '2023-12-04' },
      decisions: DECISIONS,
      today: '2023-12-05',
    });
    assert.doesNotMatch(
      (await finalised.agent.get(`/cases/${finalised.caseId}`).expect(200)).text,
      /Comment on the draft plan/,
    );
  });
});
