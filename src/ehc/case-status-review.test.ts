import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnnualReviewFacts, CaseFacts } from './case-facts.js';
import { describeCase } from './case-status.js';

const final: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'school',
  audience: 'parent',
  decisionToAssess: { outcome: 'assess', date: '2023-09-12' },
  draftPlanIssued: '2023-11-20',
  finalPlanIssued: '2023-12-20',
};
const review = (annualReview: AnnualReviewFacts): CaseFacts => ({ ...final, annualReview });
const ALL_DONE_BUT_REVIEW = ['done', 'done', 'done', 'done', 'done', 'current'];

describe('annual review', () => {
  it('stays on Final plan until the review is due, and is overdue the day after', () => {
    assert.equal(describeCase(final, '2024-12-19').currentStage.id, 'final-plan');
    const overdue = describeCase(final, '2024-12-20');
    assert.deepEqual(
      overdue.stages.map((s) => s.state),
      ALL_DONE_BUT_REVIEW,
    );
    assert.equal(overdue.situation, 'annual-review-overdue');
    assert.equal(overdue.status.statusLine, "Barney's annual review is overdue.");
    assert.match(
      overdue.status.whatDoesThisMean[0],
      /The review was due by 19th Dec 2024, and no review meeting has been held yet\.$/,
    );
    assert.deepEqual([overdue.nextDate?.label, overdue.nextDate?.overdue], ['Annual review due', true]);
  });

  it('is due 12 months after the last review', () => {
    const status = describeCase(review({ lastReviewMeeting: '2024-12-01' }), '2025-06-16');
    assert.equal(status.situation, 'annual-review-due');
    assert.equal(status.status.statusLine, "Barney's annual review is due by 30th Nov 2025.");
  });

  it('shows a planned meeting and the decision due 4 weeks after it', () => {
    const status = describeCase(review({ meeting: '2024-12-01' }), '2024-11-20');
    assert.equal(status.status.statusLine, "Barney's annual review meeting is on 1st Dec 2024.");
    assert.match(
      status.status.whatHappensNext[0],
      /^After the meeting, we must tell you by 28th Dec 2024 whether we will keep Barney's plan as it is, amend it, or stop maintaining it\./,
    );
    const late = describeCase(review({ meeting: '2025-01-10' }), '2024-12-30');
    assert.equal(
      late.status.whatDoesThisMean[1],
      'The review was due by 19th Dec 2024, so this meeting is late. We are sorry for the delay.',
    );
  });

  it('after the meeting, waits for the decision: due on day 28, overdue on day 29', () => {
    const held = describeCase(review({ meeting: '2024-12-01' }), '2024-12-28');
    assert.equal(held.status.statusLine, "Barney's annual review meeting was held on 1st Dec 2024.");
    assert.deepEqual(
      [held.nextDate?.label, held.nextDate?.date, held.nextDate?.overdue],
      ['Review decision due', '2024-12-28', false],
    );
    assert.equal(describeCase(review({ meeting: '2024-12-01' }), '2024-12-29').nextDate?.overdue, true);
  });

  it('keep: the next review 12 months after the meeting, and the right to appeal', () => {
    const status = describeCase(
      review({ meeting: '2024-12-01', decision: { outcome: 'keep', date: '2024-12-10' } }),
      '2024-12-30',
    );
    assert.equal(status.status.statusLine, "We have decided to keep Barney's EHC plan as it is.");
    assert.deepEqual([status.nextDate?.label, status.nextDate?.date], ['Next annual review due', '2025-11-30']);
    assert.match(status.status.whatShouldIBeDoing.join(' '), /appeal by 10th Feb 2025/);
    assert.equal(
      describeCase(review({ meeting: '2024-12-01', decision: { outcome: 'keep', date: '2024-12-10' } }), '2025-12-01')
        .situation,
      'annual-review-overdue',
    );
  });

  it('amend: 15 days to comment, the amended plan within 8 weeks', () => {
    const facts = review({ meeting: '2024-12-01', decision: { outcome: 'amend', date: '2024-12-10' } });
    const status = describeCase(facts, '2024-12-11');
    assert.equal(status.status.statusLine, "We propose to make changes to Barney's EHC plan.");
    assert.match(status.status.whatShouldIBeDoing[0], /You have until 25th Dec 2024 to tell us what you think/);
    assert.equal(
      status.status.whatHappensNext[0],
      'We will consider your comments and then issue the amended plan. We must issue it by 3rd Feb 2025, within 8 weeks of sending you the proposed changes.',
    );
    assert.equal(describeCase(facts, '2025-02-04').nextDate?.overdue, true);
    const issued = describeCase(review({ ...facts.annualReview, amendedPlanIssued: '2025-01-20' }), '2025-01-21');
    assert.equal(issued.status.statusLine, "We have issued Barney's amended EHC plan.");
    assert.deepEqual([issued.nextDate?.label, issued.nextDate?.date], ['Next annual review due', '2025-11-30']);
  });

  it('cease: the rights, and the plan kept until the time to appeal has passed', () => {
    const facts = review({ meeting: '2024-12-01', decision: { outcome: 'cease', date: '2024-12-31' } });
    const status = describeCase(facts, '2025-01-02');
    assert.equal(status.status.statusLine, "We have decided to stop maintaining Barney's EHC plan.");
    assert.deepEqual([status.nextDate?.label, status.nextDate?.date], ['Appeal deadline', '2025-02-28']);
    assert.match(
      status.status.whatShouldIBeDoing.join(' '),
      /mediation advice.*You must appeal by 28th Feb 2025\..*\(SENDIASS\)/,
    );
    assert.deepEqual(status.status.whatHappensNext, [
      "If you do not appeal, we will stop maintaining Barney's plan after 28th Feb 2025.",
    ]);
  });

  it('speaks to a young person about their own plan', () => {
    const status = describeCase({ ...review({ meeting: '2024-12-01' }), audience: 'young-person' }, '2024-11-20');
    assert.equal(status.status.statusLine, 'Your annual review meeting is on 1st Dec 2024.');
    assert.match(
      status.status.whatDoesThisMean[0],
      /^Your EHC plan must be reviewed at least every 12 months\. At the meeting on 1st Dec 2024, you, your school or college/,
    );
    assert.doesNotMatch(JSON.stringify(status.status), /Barney/);
  });
});
