import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { refreshCaseSummary } from '../../src/cases/case-facts-from-db.js';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { addDocument, PDF_BYTES } from './support.js';
import { binary } from '../support/http.js';
import { textOf } from '../support/html.js';

describe('the family’s Annual review stage, one review after another', () => {
  let t: TestApp;
  const clock = fixedClock('2024-12-02T10:00:00Z');
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  /**
   * Records a review decision with its letter, as staff would, answering the meeting `meetingOn`
   * (null: recorded before decisions kept their meeting); `recordedAt` orders corrections.
   */
  async function reviewDecision(
    caseId: string,
    meetingOn: string | null,
    outcome: string,
    decidedOn: string,
    recordedAt: string,
    filename: string,
    reason: string,
  ) {
    const letter = await addDocument(t.pool, caseId, { kind: 'review', filename });
    await t.pool.query(
      `INSERT INTO case_decisions (case_id, kind, outcome, reason, decided_on, letter_document_id, review_meeting_on, recorded_at)
       VALUES ($1, 'review', $2, $3, $4, $5, $6, $7)`,
      [caseId, outcome, reason, decidedOn, letter, meetingOn, recordedAt],
    );
    return letter;
  }

  /** The next annual review meeting, as src/staff/case-progress/decision-data.ts startNextReviewCycle records it. */
  async function nextMeeting(caseId: string, meetingOn: string, today: string) {
    await t.pool.query(
      `UPDATE cases SET last_review_meeting_on = review_meeting_on, review_meeting_on = $2, amendments_proposed_on = NULL, amended_plan_issued_on = NULL WHERE id = $1`,
      [caseId, meetingOn],
    );
    await refreshCaseSummary(t.pool, caseId, today);
  }

  it('shows this cycle’s meeting with no decision yet, and the earlier reviews with their letters to download', async () => {
    const parent = await createUser(t.pool);
    const c = await createTestCase(t.pool, {
      members: [{ userId: parent.id, role: 'parent' }],
      set: { draft_plan_issued_on: '2023-11-20', final_plan_issued_on: '2023-12-20', review_meeting_on: '2024-12-01' },
      decisions: [
        { kind: 'assess', outcome: 'assess', decidedOn: '2023-09-12' },
        { kind: 'issue', outcome: 'issue', decidedOn: '2023-11-10' },
      ],
      today: '2024-12-02',
    });
    const stagePage = async () => {
      const agent = await agentSignedInAs(t, parent.id);
      const res = await agent.get(`/cases/${c.id}/stages/annual-review`).expect(200);
      return { agent, html: res.text, text: textOf(res.text) };
    };

    // The first meeting, no decision yet.
    let page = await stagePage();
    assert.match(page.text, /What has happened Review meeting 1st Dec 2024/);
    assert.doesNotMatch(page.text, /Decision after the annual review|Earlier reviews/);

    // The first decision: it is this cycle's.
    clock.set('2024-12-10T10:00:00Z');
    const corrected = await reviewDecision(
      c.id,
      '2024-12-01',
      'amend',
      '2024-12-09',
      '2024-12-09T10:00:00Z',
      'First review letter.pdf',
      'Recorded by mistake.',
    );
    const first = await reviewDecision(
      c.id,
      '2024-12-01',
      'keep',
      '2024-12-09',
      '2024-12-09T11:00:00Z',
      'Review letter 2024.pdf',
      'Barney is doing well with his plan.',
    );
    await refreshCaseSummary(t.pool, c.id, '2024-12-10');
    page = await stagePage();
    assert.match(
      page.text,
      /Annual review The annual review of the EHC plan\. Decision after the annual review Decision We decided to keep the plan as it is Reason Barney is doing well with his plan\. Date of decision 9th Dec 2024 Decision letter Download the decision letter \(PDF, 45 bytes\)/,
    );
    assert.match(
      page.html,
      new RegExp(`<a class="govuk-link" href="/cases/${c.id}/documents/${first}">Download the decision letter</a>`),
    );
    assert.doesNotMatch(page.text, /Earlier reviews/);

    // A year on, the next meeting: a new cycle with no decision yet, last year's is an earlier review.
    clock.set('2025-11-26T10:00:00Z');
    await nextMeeting(c.id, '2025-11-25', '2025-11-26');
    page = await stagePage();
    assert.match(page.text, /What has happened Last review meeting 1st Dec 2024 Review meeting 25th Nov 2025/);
    assert.match(page.text, /Dates Annual review due 30th Nov 2025 Met on 25th Nov 2025 Review decision due/);
    assert.doesNotMatch(
      page.text,
      /Annual review The annual review of the EHC plan\. Decision after the annual review/,
    );
    assert.doesNotMatch(page.text, /Decision letter Download the decision letter \(/);
    assert.match(
      page.text,
      /Earlier reviews Decision after the annual review, 9th Dec 2024 Decision We decided to keep the plan as it is Reason Barney is doing well with his plan\. Date of decision 9th Dec 2024 Download the decision letter of 9th Dec 2024 \(PDF, 45 bytes\) Contact/,
    );
    assert.doesNotMatch(page.text, /Recorded by mistake/, 'a corrected decision is not an earlier review');
    assert.match(
      page.html,
      new RegExp(`href="/cases/${c.id}/documents/${corrected}"`),
      'its letter is still among the documents',
    );

    const download = await page.agent.get(`/cases/${c.id}/documents/${first}`).buffer(true).parse(binary).expect(200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(download.headers['content-disposition'], /^attachment; filename="Review letter 2024\.pdf"/);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(download.body, PDF_BYTES);

    // This cycle's decision: the current one, with last year's still an earlier review.
    clock.set('2025-12-03T10:00:00Z');
    const second = await reviewDecision(
      c.id,
      '2025-11-25',
      'amend',
      '2025-12-02',
      '2025-12-02T10:00:00Z',
      'Review letter 2025.pdf',
      'Barney needs more speech therapy.',
    );
    await refreshCaseSummary(t.pool, c.id, '2025-12-03');
    page = await stagePage();
    assert.match(
      page.text,
      /Decision after the annual review Decision We decided to change \(amend\) the plan Reason Barney needs more speech therapy\. Date of decision 2nd Dec 2025 Decision letter Download the decision letter \(PDF, 45 bytes\)/,
    );
    assert.match(page.html, new RegExp(`href="/cases/${c.id}/documents/${second}">Download the decision letter</a>`));
    assert.match(
      page.text,
      /Earlier reviews Decision after the annual review, 9th Dec 2024 Decision We decided to keep the plan as it is/,
    );
    assert.match(
      page.html,
      new RegExp(`href="/cases/${c.id}/documents/${first}">Download the decision letter of 9th Dec 2024</a>`),
    );
    await page.agent.get(`/cases/${c.id}/documents/${first}`).expect(200);
    await page.agent.get(`/cases/${c.id}/documents/${second}`).expect(200);
  });

  it('shows each earlier review once, with the decision that stands, however many reviews ago', async () => {
    const parent = await createUser(t.pool);
    clock.set('2026-12-03T10:00:00Z');
    const c = await createTestCase(t.pool, {
      members: [{ userId: parent.id, role: 'parent' }],
      set: {
        draft_plan_issued_on: '2023-11-20',
        final_plan_issued_on: '2023-12-20',
        last_review_meeting_on: '2025-11-25',
        review_meeting_on: '2026-11-24',
      },
      decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-09-12' }],
      today: '2026-12-03',
    });
    // Two reviews ago, a decision corrected the next day; last year's; this year's, with no decision yet.
    await reviewDecision(
      c.id,
      '2024-12-01',
      'amend',
      '2024-12-09',
      '2024-12-09T10:00:00Z',
      'a.pdf',
      'Recorded by mistake.',
    );
    await reviewDecision(c.id, '2024-12-01', 'keep', '2024-12-10', '2024-12-10T10:00:00Z', 'b.pdf', 'First year.');
    await reviewDecision(c.id, '2025-11-25', 'amend', '2025-12-02', '2025-12-02T10:00:00Z', 'c.pdf', 'Second year.');
    await refreshCaseSummary(t.pool, c.id, '2026-12-03');
    const page = async () =>
      textOf((await (await agentSignedInAs(t, parent.id)).get(`/cases/${c.id}/stages/annual-review`).expect(200)).text);
    let text = await page();
    assert.match(
      text,
      /Earlier reviews Decision after the annual review, 2nd Dec 2025 .*Second year\..* Decision after the annual review, 10th Dec 2024 .*First year\./,
    );
    assert.doesNotMatch(text, /Recorded by mistake|9th Dec 2024/, 'a corrected decision is not an earlier review');
    assert.doesNotMatch(
      text,
      /Annual review The annual review of the EHC plan\. Decision after the annual review Decision/,
    );

    // A decision recorded before decisions kept their meeting, older than the last meeting: shown on its own.
    await reviewDecision(
      c.id,
      null,
      'keep',
      '2023-12-18',
      '2023-12-18T10:00:00Z',
      'd.pdf',
      'Before meetings were kept.',
    );
    text = await page();
    assert.match(
      text,
      /Decision after the annual review, 10th Dec 2024 .*First year\..* Decision after the annual review, 18th Dec 2023 .*Before meetings were kept\./,
    );
  });
});
