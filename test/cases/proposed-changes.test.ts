import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { familyCase } from './family-support.js';
import { count, queuedEmails } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { textOf } from '../support/html.js';

const PLAN = {
  advice_requested_on: '2025-09-20',
  advice_received_on: '2025-10-25',
  draft_plan_issued_on: '2025-11-01',
  final_plan_issued_on: '2025-12-01',
  review_meeting_on: '2026-11-20',
};
const DECISIONS = [
  { kind: 'assess' as const, outcome: 'assess', decidedOn: '2025-09-15' },
  { kind: 'issue' as const, outcome: 'issue', decidedOn: '2025-10-30' },
];
const AMEND = [...DECISIONS, { kind: 'review' as const, outcome: 'amend', decidedOn: '2026-12-01' }];
const CASE = { requestReceived: '2025-08-08', set: PLAN, today: '2026-12-01' };

describe('the changes proposed after an annual review: the family answers them like a draft plan', () => {
  const clock = fixedClock('2026-12-01T10:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  it('leads from the case page to the response form, takes comments by section, a school, a meeting or agreement, until day 15 and not on day 16', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const family = await familyCase(t, { ...CASE, decisions: AMEND });
    const casePage = await family.agent.get(`/cases/${family.caseId}`).expect(200);
    const path = `/cases/${family.caseId}/proposed-changes`;
    assert.match(casePage.text, new RegExp(`<a href="${path}" role="button"[^>]*>\\s*Comment on the proposed changes`));
    assert.doesNotMatch(casePage.text, /Comment on the draft plan/);
    // The card on My cases, which says until when to tell us, has the button too.
    const dashboard = await family.agent.get('/cases').expect(200);
    assert.match(textOf(dashboard.text), /You have until 16th Dec 2026 to tell us what you think/);
    assert.match(
      dashboard.text,
      new RegExp(`<a href="${path}" role="button"[^>]*>\\s*Comment on the proposed changes`),
    );

    const page = await family.agent.get(path).expect(200);
    const text = textOf(page.text);
    assert.match(text, /The proposed changes to the plan/);
    assert.match(
      text,
      /You have until 16th Dec 2026 to comment on the proposed changes, tell us the school or college you want, ask for a meeting, or say that you agree with them\./,
    );
    assert.match(text, /Section F: special educational provision/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];

    const empty = await family.agent.post(path).type('form').send({ _csrf: csrf }).expect(400);
    assert.match(
      textOf(empty.text),
      /There is a problem Enter your comments on the proposed changes, name the school or college you want, ask for a meeting or say that you agree with the proposed changes/,
    );

    await family.agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrf,
        sectionF: 'Keep the speech therapy.',
        preferredSetting: 'Edgehill College',
        requests: 'meeting',
      })
      .expect(302);
    const sent = textOf((await family.agent.get(path).expect(200)).text);
    assert.match(sent, /Your response to the proposed changes has been sent/);
    assert.match(
      sent,
      /Section F: special educational provision Keep the speech therapy\. School or college you want for Barney Edgehill College Meeting I would like a meeting to discuss the proposed changes/,
    );
    const { rows } = await t.pool.query(
      `SELECT draft_plan_issued_on, amendments_proposed_on FROM draft_plan_responses WHERE case_id = $1`,
      [family.caseId],
    );
    assert.deepEqual(rows, [{ draft_plan_issued_on: null, amendments_proposed_on: '2026-12-01' }]);
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM audit_log WHERE action = 'case.amendments.responded' AND case_id = $1`,
        [family.caseId],
      ),
      1,
    );
    const email = (await queuedEmails(t.pool, family.coordinator.email)).at(-1);
    assert.equal(email?.subject, `A response to the proposed changes: Barney Rogers (${family.reference})`);
    // The draft plan's page is history: it is not where the proposed changes are answered.
    assert.match(
      textOf((await family.agent.get(`/cases/${family.caseId}/draft-plan`).expect(200)).text),
      /The time to comment on the draft plan ended/,
    );

    clock.set('2026-12-16T23:00:00Z');
    const lastDay = await agentSignedInAs(t, family.parent.id);
    await lastDay
      .post(path)
      .type('form')
      .send({ _csrf: await csrfTokenOf(lastDay, path), requests: 'agree' })
      .expect(302);

    clock.set('2026-12-17T09:00:00Z');
    const late = await agentSignedInAs(t, family.parent.id);
    const closed = await late.get(path).expect(200);
    assert.match(textOf(closed.text), /The time to comment on the proposed changes ended on 16th Dec 2026\./);
    assert.match(
      textOf(closed.text),
      /Do you agree with the proposed changes\? Yes, I agree with the proposed changes/,
    );
    const refused = await late
      .post(path)
      .type('form')
      .send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(closed.text)![1], sectionA: 'Too late.' })
      .expect(400);
    assert.match(
      textOf(refused.text),
      /The time to comment on the proposed changes ended on 16th Dec 2026\. Your response has not been sent/,
    );
    const casePageLate = await late.get(`/cases/${family.caseId}`).expect(200);
    assert.doesNotMatch(casePageLate.text, /Comment on the proposed changes/);
    assert.doesNotMatch((await late.get('/cases').expect(200)).text, /Comment on the proposed changes/);
    assert.match(textOf(casePageLate.text), /The proposed changes and the responses sent/);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM draft_plan_responses WHERE case_id = $1`, [family.caseId]),
      2,
    );
  });

  it('is not there without a decision to amend, nor for an adviser or someone else', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const kept = await familyCase(t, {
      ...CASE,
      decisions: [...DECISIONS, { kind: 'review', outcome: 'keep', decidedOn: '2026-12-01' }],
    });
    await kept.agent.get(`/cases/${kept.caseId}/proposed-changes`).expect(404);

    const adviser = await createUser(t.pool);
    const family = await familyCase(t, {
      ...CASE,
      decisions: AMEND,
      members: [{ userId: adviser.id, role: 'adviser' }],
    });
    await (await agentSignedInAs(t, adviser.id)).get(`/cases/${family.caseId}/proposed-changes`).expect(404);
    const stranger = await agentSignedInAs(t, (await createUser(t.pool)).id);
    await stranger.get(`/cases/${family.caseId}/proposed-changes`).expect(404);
    const csrf = await csrfTokenOf(stranger, '/help');
    await stranger
      .post(`/cases/${family.caseId}/proposed-changes`)
      .type('form')
      .send({ _csrf: csrf, requests: 'agree' })
      .expect(404);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM draft_plan_responses WHERE case_id = $1`, [family.caseId]),
      0,
    );
  });
});
