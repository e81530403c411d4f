import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFacts } from './case-facts.js';
import { inconsistentFacts } from './case-facts-check.js';
import { describeCase } from './case-status.js';
import { decisionOfMeeting, nextReviewMeetingTooEarly, withReviewMeeting } from './review-cycle.js';

const reviewed: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'school',
  audience: 'parent',
  decisionToAssess: { outcome: 'assess', date: '2023-09-12' },
  draftPlanIssued: '2023-11-20',
  finalPlanIssued: '2023-12-20',
  annualReview: { meeting: '2024-12-01', decision: { outcome: 'keep', date: '2024-12-09' } },
};

describe('annual review cycles', () => {
  it('pairs the latest decision with the meeting it followed, not with a later one', () => {
    const decision = { outcome: 'keep', date: '2024-12-09' };
    assert.equal(decisionOfMeeting('2024-12-01', decision), decision);
    assert.equal(decisionOfMeeting('2024-12-09', decision), decision, 'decided on the day of the meeting');
    assert.equal(decisionOfMeeting('2025-11-25', decision), undefined);
    assert.equal(decisionOfMeeting(undefined, decision), decision);
  });

  it('starts the next cycle once this one has its decision, and moves the meeting before that', () => {
    const next = withReviewMeeting(reviewed, '2025-11-25');
    assert.deepEqual(next.annualReview, { lastReviewMeeting: '2024-12-01', meeting: '2025-11-25' });
    assert.equal(
      describeCase(next, '2025-11-20').status.statusLine,
      "Barney's annual review meeting is on 25th Nov 2025.",
    );
    const moved = withReviewMeeting(next, '2025-11-27');
    assert.deepEqual(moved.annualReview, { lastReviewMeeting: '2024-12-01', meeting: '2025-11-27' });
  });

  it('wants the next meeting after the last decision and after the last meeting', () => {
    assert.equal(nextReviewMeetingTooEarly(reviewed.annualReview, '2024-12-09'), '2024-12-09');
    assert.equal(nextReviewMeetingTooEarly(reviewed.annualReview, '2024-12-10'), undefined);
    assert.deepEqual(
      inconsistentFacts({ ...reviewed, annualReview: { lastReviewMeeting: '2024-12-01', meeting: '2024-11-01' } }),
      [{ kind: 'out-of-order', earlier: 'annualReview.lastReviewMeeting', later: 'annualReview.meeting' }],
    );
  });
});
