import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  adviceDue,
  amendedPlanDue,
  annualReviewDue,
  appealDeadline,
  commentsDue,
  cutsCommentTimeShort,
  decisionToAssessDue,
  finalPlanDue,
  lastDayOfPeriod,
  noPlanNoticeDue,
  phaseTransferDue,
  reviewDecisionDue,
} from './deadlines.js';

describe('statutory deadlines, the day of receipt being day 1', () => {
  it('gives the guide example: request 8th Aug 2023, decision due 18th Sep 2023', () => {
    assert.equal(decisionToAssessDue('2023-08-08'), '2023-09-18');
  });

  it('counts 16 and 20 weeks the same way', () => {
    assert.equal(noPlanNoticeDue('2023-08-08'), '2023-11-27');
    assert.equal(finalPlanDue('2023-08-08'), '2023-12-25');
    // across a leap day
    assert.equal(decisionToAssessDue('2024-02-01'), '2024-03-13');
    assert.equal(finalPlanDue('2024-01-01'), '2024-05-19');
  });

  it('gives advice 6 weeks from the day it was asked for', () => {
    assert.equal(adviceDue('2023-09-13'), '2023-10-24');
  });

  it('gives the family issued + 15 days on a draft plan or proposed amendments', () => {
    assert.equal(commentsDue('2023-11-20'), '2023-12-05');
    assert.equal(commentsDue('2024-02-20'), '2024-03-06');
  });

  it('runs the annual review 12 months from the plan or last review, by the corresponding-date rule', () => {
    assert.equal(annualReviewDue('2023-12-20'), '2024-12-19');
    assert.equal(annualReviewDue('2024-03-01'), '2025-02-28');
    assert.equal(annualReviewDue('2023-03-01'), '2024-02-28');
    assert.equal(annualReviewDue('2024-02-29'), '2025-02-28');
    assert.equal(annualReviewDue('2024-01-01'), '2024-12-31');
  });

  it('months periods clamp at month ends', () => {
    assert.equal(lastDayOfPeriod('2024-01-31', { months: 1 }), '2024-02-29');
    assert.equal(lastDayOfPeriod('2023-01-31', { months: 1 }), '2023-02-28');
    assert.equal(lastDayOfPeriod('2024-03-31', { months: 1 }), '2024-04-30');
    assert.equal(lastDayOfPeriod('2023-08-08', { weeks: 6 }), '2023-09-18');
  });

  it('gives the review decision 4 weeks after the meeting and the amended plan 8 weeks after the proposals', () => {
    assert.equal(reviewDecisionDue('2024-12-01'), '2024-12-28');
    assert.equal(amendedPlanDue('2024-12-10'), '2025-02-03');
  });

  it('gives phase transfers 15 February, or 31 March for secondary to post-16', () => {
    assert.equal(phaseTransferDue('next-school', 2025), '2025-02-15');
    assert.equal(phaseTransferDue('post-16', 2025), '2025-03-31');
    assert.throws(() => phaseTransferDue('post-16', 2025.5), RangeError);
  });
});

describe('appeal deadline', () => {
  it('is 2 months after the decision letter, month ends clamped', () => {
    assert.equal(appealDeadline('2023-09-12'), '2023-11-12');
    assert.equal(appealDeadline('2023-12-31'), '2024-02-29');
    assert.equal(appealDeadline('2024-12-31'), '2025-02-28');
  });

  it('is 1 month after a mediation certificate when that is later, and never earlier than 2 months', () => {
    assert.equal(appealDeadline('2023-09-12', '2023-11-01'), '2023-12-01');
    assert.equal(appealDeadline('2023-09-12', '2023-10-01'), '2023-11-12');
    assert.equal(appealDeadline('2023-09-12', '2023-10-12'), '2023-11-12');
    assert.equal(appealDeadline('2023-09-12', '2024-01-31'), '2024-02-29');
  });
});

describe("a plan and the family's time to comment", () => {
  it('cuts the time short on any day up to the last day to comment (day 15 after sending), not from the day after', () => {
    assert.equal(cutsCommentTimeShort('2026-12-01', '2026-12-01'), true);
    assert.equal(cutsCommentTimeShort('2026-12-01', '2026-12-16'), true);
    assert.equal(cutsCommentTimeShort('2026-12-01', '2026-12-17'), false);
  });

  it('counts weekends: sent Friday 27 Nov 2026, the family has until Saturday 12 Dec, the plan can follow on Sunday 13 Dec', () => {
    assert.equal(commentsDue('2026-11-27'), '2026-12-12');
    assert.equal(cutsCommentTimeShort('2026-11-27', '2026-12-12'), true);
    assert.equal(cutsCommentTimeShort('2026-11-27', '2026-12-13'), false);
  });
});
