import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCase, type CaseFacts } from '../ehc/index.js';
import { countdown } from './due-date-view.js';
import { progressView } from './progress-view.js';

const barney: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'school',
  audience: 'parent',
};

function progress(facts: CaseFacts, today: string) {
  return progressView(facts, describeCase(facts, today), today);
}

describe('the progress line', () => {
  it('puts the guide’s example on Request, with the decision due and the days to go', () => {
    const view = progress(barney, '2023-08-20');
    assert.deepEqual(
      view.steps.map((s) => [s.label, s.stateText, s.dateText ?? '']),
      [
        ['Request', 'current stage', 'Received 8th Aug 2023'],
        ['Decision', 'not reached yet', 'Due by 18th Sep 2023'],
        ['Assessment', 'not reached yet', ''],
        ['Draft plan', 'not reached yet', ''],
        ['Final plan', 'not reached yet', ''],
        ['Annual review', 'not reached yet', ''],
      ],
    );
    assert.equal(view.today, '20th Aug 2023');
    assert.equal(view.todayAgainstNext, 'Decision due: 18th Sep 2023, 29 days from today');
  });

  it('marks an overdue decision', () => {
    const view = progress(barney, '2023-09-21');
    assert.deepEqual(view.steps[1], {
      label: 'Decision',
      state: 'not-reached',
      stateText: 'not reached yet',
      dateText: 'Due by 18th Sep 2023 (overdue)',
      overdue: true,
    });
    assert.equal(view.todayAgainstNext, 'Decision due: 18th Sep 2023, 3 days overdue');
  });

  it('shows what was done and when once the case has moved on', () => {
    const facts: CaseFacts = {
      ...barney,
      decisionToAssess: { outcome: 'assess', date: '2023-09-12' },
      adviceRequested: '2023-09-13',
    };
    const view = progress(facts, '2023-10-01');
    assert.deepEqual(
      view.steps.map((s) => [s.state, s.dateText ?? '']),
      [
        ['done', 'Received 8th Aug 2023'],
        ['done', 'Decided 12th Sep 2023'],
        ['current', 'Due by 27th Nov 2023'],
        ['not-reached', ''],
        ['not-reached', 'Due by 25th Dec 2023'],
        ['not-reached', ''],
      ],
    );
    assert.equal(view.todayAgainstNext, 'Advice due: 24th Oct 2023, 23 days from today');
  });

  it('says when a time limit no longer applies because of an exemption', () => {
    const facts: CaseFacts = { ...barney, exemption: { kind: 'family-away', reason: 'Abroad for 6 weeks' } };
    const view = progress(facts, '2023-08-20');
    assert.equal(view.steps[1].dateText, 'Time limit does not apply');
    assert.equal(view.todayAgainstNext, 'Decision due: 18th Sep 2023, this time limit does not apply');
  });

  it('counts down to today, tomorrow and a family window that has passed', () => {
    const base = {
      key: 'appeal' as const,
      label: 'Appeal deadline',
      date: '2023-11-12',
      metLate: false,
      passed: false,
      overdue: false,
      lifted: false,
    };
    assert.equal(countdown({ ...base, by: 'family' }, '2023-11-12'), 'today');
    assert.equal(countdown({ ...base, by: 'family' }, '2023-11-11'), 'tomorrow');
    assert.equal(countdown({ ...base, by: 'family', passed: true }, '2023-11-13'), 'passed');
    assert.equal(countdown({ ...base, by: 'council', overdue: true }, '2023-11-13'), '1 day overdue');
  });
});
