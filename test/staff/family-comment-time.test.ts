import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { textOf } from '../support/html.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { PDF, staffUser } from './support.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf, dateFields, postMultipart } from '../support/forms.js';

const DECISIONS = [
  { kind: 'assess' as const, outcome: 'assess', decidedOn: '2026-08-20' },
  { kind: 'issue' as const, outcome: 'issue', decidedOn: '2026-11-20' },
];
const PLAN = { plan: { content: PDF, filename: 'final.pdf' } };

describe('staff: the family’s 15 days on the draft plan', () => {
  const clock = fixedClock('2026-12-01T10:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  async function draftCase(draftIssued: string) {
    const parent = await createUser(t.pool, { fullName: 'Jane Rogers', twoFactorMethod: 'app' });
    const c = await createTestCase(t.pool, {
      child: { firstName: 'Zara' },
      requestReceived: '2026-07-20',
      decisions: DECISIONS,
      set: { advice_requested_on: '2026-08-25', draft_plan_issued_on: draftIssued },
      members: [{ userId: parent.id, role: 'parent' }],
      today: draftIssued,
    });
    return { ...c, parent };
  }

  async function recordFinalPlan(caseId: string, issuedOn: string, extra: Record<string, string> = {}) {
    const staff = await staffUser(t);
    const path = `/staff/cases/${caseId}/progress/final-plan`;
    const csrf = await csrfTokenOf(staff.agent, path);
    return {
      staff,
      res: await postMultipart(staff.agent, path, { _csrf: csrf, ...dateFields('issuedOn', issuedOn), ...extra }, PLAN),
    };
  }

  const finalPlanOn = async (caseId: string) =>
    (await t.pool.query(`SELECT final_plan_issued_on FROM cases WHERE id = $1`, [caseId])).rows[0].final_plan_issued_on;

  it('refuses a final plan the day the draft is issued, keeps the form, and says until when the family can comment', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const c = await draftCase('2026-12-01');
    const { staff, res } = await recordFinalPlan(c.id, '2026-12-01');
    assert.equal(res.status, 400);
    assert.match(
      res.text,
      /<a href="#issuedOn-day">The family can comment on the draft plan until 16th Dec 2026\. Enter a date after that, or give the reason the final plan was issued before then<\/a>/,
    );
    assert.match(res.text, /name="issuedOn-day"[^>]*value="1"/);
    assert.equal(await finalPlanOn(c.id), null);
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [c.id]), 0);
    const form = await staff.agent.get(`/staff/cases/${c.id}/progress/final-plan`).expect(200);
    assert.match(textOf(form.text), /The family can comment on the draft plan until 16th Dec 2026\./);
  });

  it('day 15 (16 Dec) is still the family’s: a final plan dated then is refused; day 16 (17 Dec) is allowed', async () => {
    const c = await draftCase('2026-12-01');
    clock.set('2026-12-16T12:00:00Z');
    assert.equal((await recordFinalPlan(c.id, '2026-12-16')).res.status, 400);
    clock.set('2026-12-17T09:00:00Z');
    assert.equal((await recordFinalPlan(c.id, '2026-12-17')).res.status, 302);
    assert.equal(await finalPlanOn(c.id), '2026-12-17');
    const audit = await t.pool.query(
      `SELECT details FROM audit_log WHERE action = 'staff.case.final-plan-recorded' AND case_id = $1`,
      [c.id],
    );
    assert.equal(audit.rows[0].details.earlyBecause, undefined);
  });

  it('counts calendar days across a weekend: a draft sent on Friday 27 Nov can be answered until Saturday 12 Dec, the plan from Sunday 13 Dec', async () => {
    const c = await draftCase('2026-11-27');
    clock.set('2026-12-12T15:00:00Z');
    const family = await agentSignedInAs(t, c.parent.id);
    const path = `/cases/${c.id}/draft-plan`;
    const page = await family.get(path).expect(200);
    assert.match(textOf(page.text), /You have until 12th Dec 2026 to comment on the draft plan/);
    await family
      .post(path)
      .type('form')
      .send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1], sectionF: 'More help at lunchtime.' })
      .expect(302);
    assert.equal((await recordFinalPlan(c.id, '2026-12-12')).res.status, 400);

    clock.set('2026-12-13T10:00:00Z');
    const sunday = await agentSignedInAs(t, c.parent.id);
    const closed = await sunday.get(path).expect(200);
    assert.match(textOf(closed.text), /The time to comment on the draft plan ended on 12th Dec 2026\./);
    assert.equal((await recordFinalPlan(c.id, '2026-12-13')).res.status, 302);
  });

  it('allows the final plan early when the family has said they agree with the draft plan', async () => {
    clock.set('2026-12-03T10:00:00Z');
    const c = await draftCase('2026-12-01');
    const family = await agentSignedInAs(t, c.parent.id);
    const csrf = await csrfTokenOf(family, `/cases/${c.id}/draft-plan`);
    await family.post(`/cases/${c.id}/draft-plan`).type('form').send({ _csrf: csrf, requests: 'agree' }).expect(302);
    const staff = await staffUser(t);
    const form = await staff.agent.get(`/staff/cases/${c.id}/progress/final-plan`).expect(200);
    assert.match(textOf(form.text), /The family have said they agree with the draft plan/);
    assert.equal((await recordFinalPlan(c.id, '2026-12-03')).res.status, 302);
    const audit = await t.pool.query(
      `SELECT details FROM audit_log WHERE action = 'staff.case.final-plan-recorded' AND case_id = $1`,
      [c.id],
    );
    assert.equal(audit.rows[0].details.earlyBecause, 'The family agreed with the draft plan');
  });

  it('allows it early with a reason, which the audit trail shows; the family then reads that commenting ended with the final plan, not a date still to come', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const c = await draftCase('2026-12-01');
    const reason = 'The family asked by phone for the plan to be finalised before the school term ends.';
    const { staff, res } = await recordFinalPlan(c.id, '2026-12-01', { earlyReason: reason });
    assert.equal(res.status, 302);
    const trail = await staff.agent.get(`/staff/cases/${c.id}/audit`).expect(200);
    assert.match(
      textOf(trail.text),
      new RegExp(
        `recorded the final plan .*Issued before the family’s comments were due: ${reason.replace(/\./g, '\\.')}`,
      ),
    );

    const family = await agentSignedInAs(t, c.parent.id);
    const draftPage = textOf((await family.get(`/cases/${c.id}/draft-plan`).expect(200)).text);
    assert.match(
      draftPage,
      /The time to comment on the draft plan ended on 1st Dec 2026, when the final plan was issued\./,
    );
    assert.doesNotMatch(draftPage, /16th Dec/);
    const stage = textOf((await family.get(`/cases/${c.id}/stages/draft-plan`).expect(200)).text);
    assert.doesNotMatch(stage, /Upcoming/);
    assert.match(stage, /Comments on draft plan due 16th Dec 2026 Ended 1st Dec 2026, when the plan was issued/);
    const dashboard = textOf((await family.get('/cases').expect(200)).text);
    assert.doesNotMatch(dashboard, /Comments on draft plan due/);
  });

  it('does not let a draft plan be re-dated so that a final plan already recorded came before the family’s 15 days were up', async () => {
    clock.set('2026-12-20T10:00:00Z');
    const c = await draftCase('2026-12-01');
    const recorded = (await recordFinalPlan(c.id, '2026-12-17')).res;
    assert.equal(recorded.status, 302, textOf(recorded.text).slice(0, 600));
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/progress/draft-plan`;
    const csrf = await csrfTokenOf(staff.agent, path);
    const res = await postMultipart(
      staff.agent,
      path,
      { _csrf: csrf, ...dateFields('issuedOn', '2026-12-05') },
      { plan: { content: PDF, filename: 'draft.pdf' } },
    ).expect(400);
    assert.match(
      res.text,
      /<a href="#issuedOn-day">The final plan was issued on 17th Dec 2026\. The draft plan must have been issued at least 15 days before it<\/a>/,
    );
    const { rows } = await t.pool.query(`SELECT draft_plan_issued_on FROM cases WHERE id = $1`, [c.id]);
    assert.equal(rows[0].draft_plan_issued_on, '2026-12-01');
    await postMultipart(
      staff.agent,
      path,
      { _csrf: csrf, ...dateFields('issuedOn', '2026-11-30') },
      { plan: { content: PDF, filename: 'draft.pdf' } },
    ).expect(302);
  });
});
