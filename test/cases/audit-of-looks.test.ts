import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from '../staff/support.js';
import { familyCase } from './family-support.js';
import { waitFor } from '../support/wait.js';

const DRAFT_ISSUED = {
  draft_plan_issued_on: '2023-12-01',
  advice_requested_on: '2023-09-20',
  advice_received_on: '2023-10-25',
};
const DECISIONS = [
  { kind: 'assess' as const, outcome: 'assess', decidedOn: '2023-09-15' },
  { kind: 'issue' as const, outcome: 'issue', decidedOn: '2023-11-20' },
];

// A council must be able to answer "who has looked at this child's case", refusals included.
describe('the audit records every look at a case', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-12-05T10:00:00Z'), deliver: false });
  });
  after(() => t.close());

  const rowsFor = async (actor: string) =>
    (await t.pool.query('SELECT action, case_id, details FROM audit_log WHERE actor_user_id = $1 ORDER BY id', [actor]))
      .rows;

  it('My cases, the documents list, the comments page and the draft plan page', async () => {
    const family = await familyCase(t, { set: DRAFT_ISSUED, decisions: DECISIONS, today: '2023-12-05' });
    await family.agent.get('/cases').expect(200);
    for (const page of ['documents', 'comments', 'draft-plan'])
      await family.agent.get(`/cases/${family.caseId}/${page}`).expect(200);
    const rows = await rowsFor(family.parent.id);
    assert.deepEqual(rows[0], { action: 'cases.listed', case_id: null, details: { caseIds: [family.caseId] } });
    assert.deepEqual(
      rows.slice(1).map((row) => [row.action, row.case_id, row.details.page]),
      ['documents', 'comments', 'draft-plan'].map((page) => ['case.viewed', family.caseId, page]),
    );
  });

  it('the staff progress pages', async () => {
    const family = await familyCase(t, { today: '2023-12-05' });
    const staff = await staffUser(t);
    await staff.agent.get(`/staff/cases/${family.caseId}/progress/decision-to-assess`).expect(200);
    const rows = await rowsFor(staff.id);
    assert.deepEqual(
      rows.map((row) => [row.action, row.case_id, row.details.page]),
      [['staff.case.viewed', family.caseId, 'progress:decision-to-assess']],
    );
  });

  it('refused attempts on someone else’s case, by family and by another council’s staff', async () => {
    const family = await familyCase(t, { set: DRAFT_ISSUED, decisions: DECISIONS, today: '2023-12-05' });
    const stranger = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, stranger.id);
    for (const path of ['', '/documents', '/comments', '/draft-plan'])
      await agent.get(`/cases/${family.caseId}${path}`).expect(404);
    // Refusals are recorded as the 404 goes out.
    const refused = await waitFor('four refusals', async () => {
      const rows = await rowsFor(stranger.id);
      return rows.length === 4 ? rows : undefined;
    });
    assert.deepEqual(
      // Each row is written just after its 404 goes out, so they may land in any order.
      refused.map((row) => [row.action, row.case_id, row.details.path]).sort(),
      ['', '/comments', '/documents', '/draft-plan'].map((path) => [
        'case.access-refused',
        family.caseId,
        `/cases/${family.caseId}${path}`,
      ]),
    );

    const otherStaff = await staffUser(t, { council: 'Faraway Council' });
    await otherStaff.agent.get(`/staff/cases/${family.caseId}`).expect(404);
    await otherStaff.agent.get(`/staff/cases/${family.caseId}/progress/decision-to-assess`).expect(404);
    const staffRefused = await waitFor('two refusals', async () => {
      const rows = await rowsFor(otherStaff.id);
      return rows.length === 2 ? rows : undefined;
    });
    assert.deepEqual(
      staffRefused.map((row) => [row.action, row.case_id]),
      [
        ['case.access-refused', family.caseId],
        ['case.access-refused', family.caseId],
      ],
    );
  });
});
