import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFacts } from './case-facts.js';
import { computeDueDates, findDueDate } from './due-dates.js';

const request: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'school',
  audience: 'parent',
};
const assessing: CaseFacts = { ...request, decisionToAssess: { outcome: 'assess', date: '2023-09-12' } };

function keys(facts: CaseFacts, today: string): string[] {
  return computeDueDates(facts, today).map((d) => (d.appealAbout ? `${d.key}:${d.appealAbout}` : d.key));
}

describe('overdue', () => {
  it('is not overdue on the due date, and is overdue the day after', () => {
    const onTheDay = findDueDate(computeDueDates(request, '2023-09-18'), 'decision-to-assess');
    assert.equal(onTheDay?.label, 'Decision due');
    assert.equal(onTheDay?.overdue, false);
    assert.equal(onTheDay?.passed, false);
    const dayAfter = findDueDate(computeDueDates(request, '2023-09-19'), 'decision-to-assess');
    assert.equal(dayAfter?.overdue, true);
    assert.equal(dayAfter?.passed, true);
  });

  it('is never overdue once met, and records a late one', () => {
    const onTime = findDueDate(
      computeDueDates({ ...request, decisionToAssess: { outcome: 'assess', date: '2023-09-18' } }, '2024-01-01'),
      'decision-to-assess',
    );
    assert.deepEqual([onTime?.overdue, onTime?.metOn, onTime?.metLate], [false, '2023-09-18', false]);
    const late = findDueDate(
      computeDueDates({ ...request, decisionToAssess: { outcome: 'assess', date: '2023-09-19' } }, '2024-01-01'),
      'decision-to-assess',
    );
    assert.deepEqual([late?.overdue, late?.metLate], [false, true]);
  });

  it('never calls a family window overdue', () => {
    const dates = computeDueDates(
      { ...request, decisionToAssess: { outcome: 'not-assess', date: '2023-09-12' } },
      '2024-06-01',
    );
    const appeal = findDueDate(dates, 'appeal', 'not-assess');
    assert.deepEqual(
      [appeal?.date, appeal?.by, appeal?.passed, appeal?.overdue],
      ['2023-11-12', 'family', true, false],
    );
  });
});

describe('which dates apply', () => {
  it('a new request has only the decision date', () => {
    assert.deepEqual(keys(request, '2023-08-10'), ['decision-to-assess']);
  });

  it('a refusal to assess gives an appeal deadline and no assessment dates', () => {
    assert.deepEqual(
      keys({ ...request, decisionToAssess: { outcome: 'not-assess', date: '2023-09-12' } }, '2023-09-13'),
      ['decision-to-assess', 'appeal:not-assess'],
    );
  });

  it('an assessment has advice, the 16-week notice and the 20-week plan', () => {
    const dates = computeDueDates({ ...assessing, adviceRequested: '2023-09-13' }, '2023-09-14');
    assert.deepEqual(
      dates.map((d) => [d.key, d.label, d.date]),
      [
        ['decision-to-assess', 'Decision due', '2023-09-18'],
        ['advice', 'Advice due', '2023-10-24'],
        ['no-plan-notice', 'Decision on a plan due', '2023-11-27'],
        ['final-plan', 'Final plan due', '2023-12-25'],
      ],
    );
  });

  it('a decision not to issue meets the 16-week notice and drops the 20-week plan', () => {
    const dates = computeDueDates(
      { ...assessing, decisionAfterAssessment: { outcome: 'not-issue', date: '2023-12-01' } },
      '2023-12-02',
    );
    assert.deepEqual(
      keys({ ...assessing, decisionAfterAssessment: { outcome: 'not-issue', date: '2023-12-01' } }, '2023-12-02'),
      ['decision-to-assess', 'no-plan-notice', 'appeal:not-issue'],
    );
    const notice = findDueDate(dates, 'no-plan-notice');
    assert.deepEqual([notice?.metOn, notice?.metLate], ['2023-12-01', true]);
    assert.equal(findDueDate(dates, 'appeal')?.date, '2024-02-01');
  });

  it('a decision to issue drops the 16-week notice', () => {
    assert.deepEqual(
      keys({ ...assessing, decisionAfterAssessment: { outcome: 'issue', date: '2023-11-01' } }, '2023-11-02'),
      ['decision-to-assess', 'final-plan'],
    );
  });

  it('a plan under review has the review, the decision and, when amended, the amended plan and the next review', () => {
    const facts: CaseFacts = {
      ...assessing,
      draftPlanIssued: '2023-11-20',
      finalPlanIssued: '2023-12-20',
      annualReview: {
        meeting: '2024-12-01',
        decision: { outcome: 'amend', date: '2024-12-10' },
        amendmentsProposed: '2024-12-12',
        amendedPlanIssued: '2025-01-20',
      },
      phaseTransfer: { kind: 'post-16', transferYear: 2025 },
    };
    const dates = computeDueDates(facts, '2025-01-21');
    assert.deepEqual(
      dates.slice(4).map((d) => [d.key, d.date, d.metOn]),
      [
        ['annual-review', '2024-12-19', '2024-12-01'],
        ['review-decision', '2024-12-28', '2024-12-10'],
        ['amendment-comments', '2024-12-27', undefined],
        ['amended-plan', '2025-02-05', '2025-01-20'],
        ['appeal', '2025-03-20', undefined],
        ['next-annual-review', '2025-11-30', undefined],
        ['phase-transfer', '2025-03-31', undefined],
      ],
    );
    assert.equal(findDueDate(dates, 'phase-transfer')?.label, 'Plan for post-16 due');
  });

  it('a planned meeting does not meet the review until it is held', () => {
    const facts: CaseFacts = { ...assessing, finalPlanIssued: '2023-12-20', annualReview: { meeting: '2024-12-01' } };
    assert.equal(findDueDate(computeDueDates(facts, '2024-11-30'), 'annual-review')?.metOn, undefined);
    assert.equal(findDueDate(computeDueDates(facts, '2024-12-01'), 'annual-review')?.metOn, '2024-12-01');
  });
});

describe('exemptions', () => {
  const exemption = { kind: 'exceptional-personal-circumstances', reason: 'Barney is in hospital' } as const;

  it('lift the pending assessment limits, which are then never overdue', () => {
    const dates = computeDueDates({ ...assessing, adviceRequested: '2023-09-13', exemption }, '2024-03-01');
    assert.deepEqual(
      dates.map((d) => [d.key, d.lifted, d.overdue]),
      [
        ['decision-to-assess', false, false],
        ['advice', false, true],
        ['no-plan-notice', true, false],
        ['final-plan', true, false],
      ],
    );
  });

  it('do not lift a limit already met', () => {
    const dates = computeDueDates({ ...assessing, finalPlanIssued: '2023-12-20', exemption }, '2024-03-01');
    assert.equal(findDueDate(dates, 'final-plan')?.lifted, false);
    assert.equal(findDueDate(dates, 'annual-review')?.lifted, false);
  });
});

describe("the family's time to comment, ended by the plan", () => {
  it('ends the day a final plan is issued before it was due (the plan issued early), and is no longer upcoming', () => {
    const early: CaseFacts = { ...assessing, draftPlanIssued: '2026-12-01', finalPlanIssued: '2026-12-01' };
    const comments = findDueDate(computeDueDates(early, '2026-12-01'), 'draft-plan-comments');
    assert.deepEqual([comments?.date, comments?.endedOn, comments?.passed], ['2026-12-16', '2026-12-01', true]);
    const onTime = findDueDate(
      computeDueDates({ ...early, finalPlanIssued: '2026-12-17' }, '2026-12-17'),
      'draft-plan-comments',
    );
    assert.deepEqual([onTime?.endedOn, onTime?.passed], [undefined, true]);
  });
});
