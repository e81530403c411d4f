import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { addDocument, countQueries, linkLetter, PDF_BYTES, removeMember, withoutNonce } from './support.js';
import { binary } from '../support/http.js';
import { textOf } from '../support/html.js';

describe('the stages of a case and its documents', () => {
  let t: TestApp;
  const clock = fixedClock('2023-10-02T10:00:00Z');
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  /** Barney's case after a decision not to assess, with the letter on the Hub. */
  async function decidedCase() {
    const parent = await createUser(t.pool);
    const adviser = await createUser(t.pool);
    const c = await createTestCase(t.pool, {
      members: [
        { userId: parent.id, role: 'parent' },
        { userId: adviser.id, role: 'adviser' },
      ],
      decisions: [
        {
          kind: 'assess',
          outcome: 'not-assess',
          reason: 'Barney is making good progress with SEN support.',
          decidedOn: '2023-09-12',
        },
      ],
      today: '2023-10-02',
    });
    const letterId = await addDocument(t.pool, c.id, { filename: 'Decision letter – Barney "Rogers".pdf' });
    await linkLetter(t.pool, c.id, 'assess', letterId);
    return { ...c, parent, adviser, letterId };
  }

  it('shows the Decision stage: the outcome, the reason, the date and the decision letter to download', async () => {
    const c = await decidedCase();
    const agent = await agentSignedInAs(t, c.parent.id);
    const res = await agent.get(`/cases/${c.id}/stages/decision`).expect(200);
    const text = textOf(res.text);
    assert.match(text, /Decision – Rogers, Barney – EHC Hub/);
    assert.match(
      text,
      /Rogers, Barney Decision Our decision whether to carry out an EHC needs assessment\. Decision whether to carry out an EHC needs assessment Decision We decided not to carry out an EHC needs assessment Reason Barney is making good progress with SEN support\. Date of decision 12th Sep 2023 Decision letter Download the decision letter \(PDF, 45 bytes\)/,
    );
    assert.match(
      res.text,
      new RegExp(
        `<a class="govuk-link" href="/cases/${c.id}/documents/${c.letterId}">Download the decision letter</a>`,
      ),
    );
    assert.match(text, /Dates Decision due 18th Sep 2023 Met on 12th Sep 2023 Appeal deadline 12th Nov 2023 Upcoming/);
    assert.match(res.text, new RegExp(`<a href="/cases/${c.id}" class="govuk-back-link">Back to the case</a>`));
    const audit = await t.pool.query(`SELECT details FROM audit_log WHERE action = 'case.viewed' AND case_id = $1`, [
      c.id,
    ]);
    assert.deepEqual(audit.rows, [{ details: { page: 'stage:decision' } }]);
  });

  it('shows the Request stage with what was asked, by whom and when', async () => {
    const c = await decidedCase();
    const upload = await addDocument(t.pool, c.id, {
      kind: 'family-upload',
      filename: 'my views.pdf',
      description: 'My views',
    });
    const res = await (await agentSignedInAs(t, c.parent.id)).get(`/cases/${c.id}/stages/request`).expect(200);
    const text = textOf(res.text);
    assert.match(
      text,
      /Request The request for an EHC needs assessment, and the information shared with it\. Received 8th Aug 2023 Requested by Education setting What was asked Please assess Barney\./,
    );
    assert.match(text, /Documents My views \(PDF, 45 bytes\) Added \d+\w\w \w{3} \d{4} at \d/);
    assert.match(res.text, new RegExp(`href="/cases/${c.id}/documents/${upload}"`));
  });

  it('answers an unknown stage, a stage not reached, and another family’s stage with the same 404', async () => {
    const c = await decidedCase();
    const agent = await agentSignedInAs(t, c.parent.id);
    const missing = await agent.get('/cases/3f2c4b6e-1d2a-4c3b-9e8f-7a6b5c4d3e2f/stages/decision').expect(404);
    const unknown = await agent.get(`/cases/${c.id}/stages/tribunal`).expect(404);
    const notReached = await agent.get(`/cases/${c.id}/stages/assessment`).expect(404);
    const malformed = await agent.get('/cases/xyz/stages/decision').expect(404);
    const stranger = await agentSignedInAs(t, (await createUser(t.pool)).id);
    const theirs = await stranger.get(`/cases/${c.id}/stages/decision`).expect(404);
    for (const res of [unknown, notReached, malformed])
      assert.equal(withoutNonce(res.text), withoutNonce(missing.text));
    assert.match(theirs.text, /Page not found/);
    assert.doesNotMatch(theirs.text, /Barney|SEN support/);
  });

  it('downloads the letter as an attachment with its type, a safe file name and nosniff, and audits it', async () => {
    const c = await decidedCase();
    const agent = await agentSignedInAs(t, c.parent.id);
    let res!: Awaited<ReturnType<typeof agent.get>>;
    const counted = await countQueries(t.pool, async () => {
      res = await agent.get(`/cases/${c.id}/documents/${c.letterId}`).buffer(true).parse(binary).expect(200);
    });
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="Decision letter Barney _Rogers_.pdf"; filename*=UTF-8''Decision%20letter%20%E2%80%93%20Barney%20_Rogers_.pdf`,
    );
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.body, PDF_BYTES);
    assert.equal(counted.cases, 2);
    const audit = await t.pool.query(
      `SELECT actor_user_id, details FROM audit_log WHERE action = 'document.downloaded' AND case_id = $1`,
      [c.id],
    );
    assert.deepEqual(audit.rows, [{ actor_user_id: c.parent.id, details: { documentId: c.letterId } }]);
  });

  it("refuses the letter to another family, a removed member, an unshared adviser, and through another case's id", async () => {
    const c = await decidedCase();
    const other = await decidedCase();
    const missing = await (
      await agentSignedInAs(t, c.parent.id)
    )
      .get(`/cases/${c.id}/documents/3f2c4b6e-1d2a-4c3b-9e8f-7a6b5c4d3e2f`)
      .expect(404);
    const stranger = await agentSignedInAs(t, other.parent.id);
    const theirs = await stranger.get(`/cases/${c.id}/documents/${c.letterId}`).expect(404);
    // Their own case's id with a document of another case.
    const crossed = await stranger.get(`/cases/${other.id}/documents/${c.letterId}`).expect(404);
    const adviser = await (
      await agentSignedInAs(t, c.adviser.id)
    )
      .get(`/cases/${c.id}/documents/${c.letterId}`)
      .expect(404);
    const malformed = await (
      await agentSignedInAs(t, c.parent.id)
    )
      .get(`/cases/${c.id}/documents/..%2F..%2Fetc`)
      .expect(404);
    for (const res of [theirs, crossed, adviser, malformed]) {
      assert.equal(res.headers['content-disposition'], undefined);
      assert.equal(withoutNonce(res.text), withoutNonce(missing.text));
    }
    await removeMember(t.pool, c.id, c.parent.id);
    await (await agentSignedInAs(t, c.parent.id)).get(`/cases/${c.id}/documents/${c.letterId}`).expect(404);
    const audit = await t.pool.query(
      `SELECT count(*) FROM audit_log WHERE action = 'document.downloaded' AND case_id = $1`,
      [c.id],
    );
    assert.equal(audit.rows[0].count, 0);
  });

  it('lets an adviser see a document shared with advisers, and not the others', async () => {
    const c = await decidedCase();
    const shared = await addDocument(t.pool, c.id, {
      kind: 'decision-letter',
      filename: 'shared.pdf',
      sharedWithAdvisers: true,
      description: 'Summary for advisers',
    });
    const agent = await agentSignedInAs(t, c.adviser.id);
    await agent.get(`/cases/${c.id}/documents/${shared}`).expect(200);
    const page = await agent.get(`/cases/${c.id}/stages/decision`).expect(200);
    assert.match(textOf(page.text), /The decision letter is not on the EHC Hub yet\./);
    assert.match(textOf(page.text), /Documents Summary for advisers \(PDF, 45 bytes\)/);
    assert.doesNotMatch(page.text, new RegExp(c.letterId));
  });

  it('shows the Final plan stage with its dates and the plan to download', async () => {
    const parent = await createUser(t.pool);
    const c = await createTestCase(t.pool, {
      members: [{ userId: parent.id, role: 'parent' }],
      decisions: [
        { kind: 'assess', outcome: 'assess', decidedOn: '2023-09-12' },
        { kind: 'issue', outcome: 'issue', decidedOn: '2023-11-01' },
      ],
      set: {
        advice_requested_on: '2023-09-13',
        advice_received_on: '2023-10-20',
        draft_plan_issued_on: '2023-11-06',
        final_plan_issued_on: '2023-12-20',
      },
      today: '2024-01-05',
    });
    const plan = await addDocument(t.pool, c.id, { kind: 'final-plan', filename: 'EHC plan.pdf' });
    clock.set('2024-01-05T10:00:00Z');
    try {
      const agent = await agentSignedInAs(t, parent.id);
      const res = await agent.get(`/cases/${c.id}/stages/final-plan`).expect(200);
      const text = textOf(res.text);
      assert.match(text, /What has happened Final plan issued 20th Dec 2023/);
      assert.match(
        text,
        /Dates Final plan due 25th Dec 2023 Met on 20th Dec 2023 Appeal deadline 20th Feb 2024 Upcoming/,
      );
      assert.match(res.text, new RegExp(`href="/cases/${c.id}/documents/${plan}"`));
      const assessment = await agent.get(`/cases/${c.id}/stages/assessment`).expect(200);
      assert.match(
        textOf(assessment.text),
        /Decision whether to issue an EHC plan Decision We decided to issue an EHC plan/,
      );
      assert.match(
        textOf(assessment.text),
        /What has happened Advice requested 13th Sep 2023 Advice received 20th Oct 2023/,
      );
    } finally {
      clock.set('2023-10-02T10:00:00Z');
    }
  });
});
