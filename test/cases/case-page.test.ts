import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { addKeyDate, addNote, countQueries, removeMember, withoutNonce } from './support.js';
import { textOf } from '../support/html.js';
import { waitFor } from '../support/wait.js';

describe('the case page', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T10:00:00Z') });
  });
  after(() => t.close());

  let made = 0;
  async function barneysCase() {
    made += 1;
    const parent = await createUser(t.pool, { fullName: 'Pat Rogers' });
    const coordinator = await createUser(t.pool, {
      kind: 'staff',
      fullName: 'Jane Coordinator',
      email: `jane.c${made}@edgehill.example.gov.uk`,
    });
    const school = await createUser(t.pool, { fullName: 'Sam Senco' });
    const gone = await createUser(t.pool, { fullName: 'Former Carer' });
    const created = await createTestCase(t.pool, {
      requestText: 'Barney finds reading hard.\n\nHe needs more help in class.',
      members: [
        { userId: parent.id, role: 'parent' },
        { userId: coordinator.id, role: 'coordinator' },
        { userId: school.id, role: 'education-setting' },
        { userId: gone.id, role: 'parent' },
      ],
    });
    await t.pool.query(`UPDATE cases SET requester_name = 'Edgehill Primary School' WHERE id = $1`, [created.id]);
    await removeMember(t.pool, created.id, gone.id);
    return { ...created, parent, coordinator, school, gone };
  }

  it('shows Details (access, child, notes newest first, key dates), Stages and the request', async () => {
    const c = await barneysCase();
    await addNote(t.pool, c.id, 'We have shared the request with the family.', {
      authorId: c.coordinator.id,
      at: '2023-08-09T09:30:00Z',
    });
    await addNote(t.pool, c.id, 'Internal: check the school report.', {
      authorId: c.coordinator.id,
      internal: true,
      at: '2023-08-10T09:00:00Z',
    });
    await addNote(t.pool, c.id, 'I have added my views.', { authorId: c.parent.id, at: '2023-08-15T14:00:00Z' });
    await addKeyDate(t.pool, c.id, 'Meeting at school', '2023-09-01');
    await addKeyDate(t.pool, c.id, 'Panel (staff only)', '2023-09-05', true);

    const agent = await agentSignedInAs(t, c.parent.id);
    const res = await agent.get(`/cases/${c.id}`).expect(200);
    const text = textOf(res.text);
    assert.match(text, new RegExp(`Rogers, Barney – EHC Hub`));
    assert.match(
      text,
      new RegExp(
        `${c.reference} Rogers, Barney We have received a request for an EHC needs assessment relating to Barney\\. Decision due: 18th Sep 2023`,
      ),
    );
    // Details and Stages are collapsible sections at the top (native details: no JavaScript needed).
    assert.match(
      res.text,
      /<details class="govuk-details app-case-section" id="case-details">\s*<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Details<\/span><\/summary>/,
    );
    assert.match(
      res.text,
      /<details class="govuk-details app-case-section" id="case-stages">\s*<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Stages<\/span><\/summary>/,
    );

    assert.match(
      text,
      /Who has access Pat Rogers, Parent or carer Jane Coordinator, Case co-ordinator jane\.c1@edgehill\.example\.gov\.uk Sam Senco, Education setting Child or young person/,
    );
    assert.doesNotMatch(text, /Former Carer/);
    assert.match(text, /Name Barney Rogers Date of birth 14th Mar 2015 School or setting Edgehill Primary School/);
    assert.match(
      text,
      /Notes 15th Aug 2023 at 3pm, Pat Rogers \(Parent or carer\) I have added my views\. 9th Aug 2023 at 10:30am, Jane Coordinator \(Case co-ordinator\) We have shared the request with the family\. Key dates/,
    );
    assert.doesNotMatch(text, /Internal: check|Panel \(staff only\)/);
    assert.match(text, /Key dates Request received 8th Aug 2023 Decision due 18th Sep 2023 Upcoming/);
    assert.match(text, /Other dates Meeting at school 1st Sep 2023/);

    assert.match(
      text,
      /The request Received 8th Aug 2023 Requested by Education setting: Edgehill Primary School What was asked Barney finds reading hard\. He needs more help in class\./,
    );

    const audit = await t.pool.query(
      `SELECT actor_user_id, details FROM audit_log WHERE action = 'case.viewed' AND case_id = $1`,
      [c.id],
    );
    assert.deepEqual(audit.rows, [{ actor_user_id: c.parent.id, details: { page: 'case' } }]);
  });

  it('greys out the stages not reached and does not link them; reached ones open their stage', async () => {
    const c = await barneysCase();
    const res = await (await agentSignedInAs(t, c.parent.id)).get(`/cases/${c.id}`).expect(200);
    assert.match(
      res.text,
      new RegExp(
        `<a class="govuk-link govuk-task-list__link" href="/cases/${c.id}/stages/request" aria-describedby="stage-1-status">\\s*Request\\s*</a>`,
      ),
    );
    for (const stage of ['decision', 'assessment', 'draft-plan', 'final-plan', 'annual-review']) {
      assert.doesNotMatch(res.text, new RegExp(`/stages/${stage}`), stage);
    }
    assert.equal((res.text.match(/govuk-task-list__status--cannot-start-yet/g) ?? []).length, 5);
    assert.match(
      textOf(res.text),
      /Request Current stage Decision Not reached yet Assessment Not reached yet Draft plan Not reached yet Final plan Not reached yet Annual review Not reached yet/,
    );
    assert.match(res.text, /<div class="app-stage--not-reached">\s*Decision\s*<\/div>/);

    const decided = await createTestCase(t.pool, {
      members: [{ userId: c.parent.id, role: 'parent' }],
      decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-08-18' }],
    });
    const later = await (await agentSignedInAs(t, c.parent.id)).get(`/cases/${decided.id}`).expect(200);
    assert.match(
      textOf(later.text),
      /Request Completed Decision Completed Assessment Current stage Draft plan Not reached yet/,
    );
    assert.match(later.text, new RegExp(`href="/cases/${decided.id}/stages/decision"`));
    assert.doesNotMatch(later.text, new RegExp(`/stages/draft-plan`));
  });

  it("answers another family's case, a missing case and a malformed id with the same 404, and records the refusal", async () => {
    const c = await barneysCase();
    const stranger = await createUser(t.pool);
    const agent = await agentSignedInAs(t, stranger.id);
    const theirs = await agent.get(`/cases/${c.id}`).expect(404);
    const missing = await agent.get('/cases/3f2c4b6e-1d2a-4c3b-9e8f-7a6b5c4d3e2f').expect(404);
    const malformed = await agent.get('/cases/not-a-uuid').expect(404);
    const sqlish = await agent.get(`/cases/${encodeURIComponent("1' OR '1'='1")}`).expect(404);
    assert.equal(withoutNonce(theirs.text), withoutNonce(missing.text));
    assert.equal(withoutNonce(malformed.text), withoutNonce(missing.text));
    assert.equal(withoutNonce(sqlish.text), withoutNonce(missing.text));
    assert.match(theirs.text, /Page not found/);
    assert.doesNotMatch(theirs.text, /Barney|Rogers/);
    const actions = await waitFor('the refusal', async () => {
      const { rows } = await t.pool.query(`SELECT action, actor_user_id FROM audit_log WHERE case_id = $1`, [c.id]);
      return rows.length > 0 ? rows : undefined;
    });
    assert.deepEqual(actions, [{ action: 'case.access-refused', actor_user_id: stranger.id }]);
  });

  it('shows an exemption and the time limit it lifts in the key dates', async () => {
    const parent = await createUser(t.pool);
    const c = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    await t.pool.query(
      `UPDATE cases SET exemption_kind = 'family-away', exemption_reason = 'The family is abroad until October', exemption_recorded_on = '2023-08-15' WHERE id = $1`,
      [c.id],
    );
    const res = await (await agentSignedInAs(t, parent.id)).get(`/cases/${c.id}`).expect(200);
    const text = textOf(res.text);
    assert.match(
      text,
      /Key dates The 6-week time limit for deciding whether to assess \(18th Sep 2023\) no longer applies because of an exemption: Family away from the area for 4 weeks or more\. Reason: The family is abroad until October\. Request received 8th Aug 2023 Decision due 18th Sep 2023 Does not apply \(exemption\)/,
    );
  });

  it('refuses a member who has been removed', async () => {
    const c = await barneysCase();
    const agent = await agentSignedInAs(t, c.gone.id);
    const res = await agent.get(`/cases/${c.id}`).expect(404);
    assert.doesNotMatch(res.text, /Barney/);
  });

  it('sends a half-signed-in session to its code without reading the case', async () => {
    const c = await barneysCase();
    const res = await (await agentSignedInAs(t, c.parent.id, 'password')).get(`/cases/${c.id}`).expect(302);
    assert.equal(res.headers.location, '/log-in-code');
    assert.doesNotMatch(res.text, /Barney/);
  });

  it('reads the case in one query and writes one audit row, however many notes and members', async () => {
    const c = await barneysCase();
    const agent = await agentSignedInAs(t, c.parent.id);
    // The first visit has no "new since your last visit" to look up; count from the second.
    await agent.get(`/cases/${c.id}`).expect(200);
    const before = await countQueries(t.pool, () => agent.get(`/cases/${c.id}`).expect(200));
    for (let i = 0; i < 5; i++) await addNote(t.pool, c.id, `Note ${i}`, { at: `2023-08-1${i}T10:00:00Z` });
    const afterNotes = await countQueries(t.pool, () => agent.get(`/cases/${c.id}`).expect(200));
    assert.deepEqual(afterNotes, before);
    // The case with its members, notes and dates in one; the audit row, the visit and what is new
    // since the last one in another. With the session and its user (one statement): three round
    // trips in all.
    assert.equal(before.cases, 2);
    assert.equal(before.all, 3);
    // A note with no author is the council's.
    const res = await agent.get(`/cases/${c.id}`).expect(200);
    assert.match(textOf(res.text), /14th Aug 2023 at 11am, Edgehill Council Note 4/);
  });

  it('links a parent to the request, comments and uploads, and tells them what is new since their last visit', async () => {
    const c = await barneysCase();
    const parentPage = await (await agentSignedInAs(t, c.parent.id)).get(`/cases/${c.id}`).expect(200);
    for (const [text, href] of [
      ['View request', `/cases/${c.id}/request`],
      ['Add comments', `/cases/${c.id}/comments/new`],
      ['Upload documents', `/cases/${c.id}/documents/upload`],
      ['Comments and views', `/cases/${c.id}/comments`],
    ]) {
      assert.match(parentPage.text, new RegExp(`href="${href}"[^>]*>\\s*${text}`), text);
    }
    assert.doesNotMatch(parentPage.text, /Comment on the draft plan/);
    // The school can read, but not comment or upload as the family.
    const schoolPage = await (await agentSignedInAs(t, c.school.id)).get(`/cases/${c.id}`).expect(200);
    assert.doesNotMatch(schoolPage.text, /Upload documents|Add comments/);

    await addNote(t.pool, c.id, 'We have asked the school for a report.', {
      authorId: c.coordinator.id,
      at: '2023-08-20T11:00:00Z',
    });
    const again = await (await agentSignedInAs(t, c.parent.id)).get(`/cases/${c.id}`).expect(200);
    assert.match(again.text, /New since your last visit/);
  });
});
