import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFacts } from './case-facts.js';
import { inconsistentFacts, invalidFacts } from './case-facts-check.js';
import { describeCase } from './case-status.js';
import type { Situation } from './progress.js';

const request: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'school',
  audience: 'parent',
};
const assess: CaseFacts = { ...request, decisionToAssess: { outcome: 'assess', date: '2023-09-12' } };
const final: CaseFacts = { ...assess, draftPlanIssued: '2023-11-20', finalPlanIssued: '2023-12-20' };
const decided = (outcome: 'keep' | 'amend' | 'cease', extra = {}): CaseFacts => ({
  ...final,
  annualReview: { meeting: '2024-12-01', decision: { outcome, date: '2024-12-10' }, ...extra },
});

/** One case for every situation, with the day to look at it. */
const EXAMPLES: [Situation, CaseFacts, string][] = [
  ['request-received', request, '2023-08-10'],
  ['not-assessing', { ...request, decisionToAssess: { outcome: 'not-assess', date: '2023-09-12' } }, '2023-09-13'],
  ['assessing', { ...assess, adviceRequested: '2023-09-13' }, '2023-09-14'],
  ['issuing-plan', { ...assess, decisionAfterAssessment: { outcome: 'issue', date: '2023-11-01' } }, '2023-11-02'],
  [
    'not-issuing-plan',
    { ...assess, decisionAfterAssessment: { outcome: 'not-issue', date: '2023-11-01' } },
    '2023-11-02',
  ],
  ['draft-plan-issued', { ...assess, draftPlanIssued: '2023-11-20' }, '2023-11-21'],
  ['final-plan-issued', final, '2024-01-05'],
  ['annual-review-due', { ...final, annualReview: { lastReviewMeeting: '2024-12-01' } }, '2025-06-16'],
  ['annual-review-overdue', final, '2024-12-20'],
  ['annual-review-meeting-planned', { ...final, annualReview: { meeting: '2024-12-01' } }, '2024-11-20'],
  ['annual-review-meeting-held', { ...final, annualReview: { meeting: '2024-12-01' } }, '2024-12-02'],
  ['plan-kept', decided('keep'), '2024-12-11'],
  ['amendments-proposed', decided('amend'), '2024-12-11'],
  ['amended-plan-issued', decided('amend', { amendedPlanIssued: '2025-01-20' }), '2025-01-21'],
  ['plan-ceased', decided('cease'), '2024-12-11'],
];

describe('every situation, for a parent and for a young person', () => {
  for (const [situation, facts, today] of EXAMPLES) {
    it(situation, () => {
      const parent = describeCase(facts, today);
      assert.equal(parent.situation, situation);
      assert.deepEqual(inconsistentFacts(facts), []);
      assert.equal(parent.stages.filter((s) => s.state === 'current').length, 1);
      assert.equal(parent.stages.find((s) => s.state === 'current')?.id, parent.currentStage.id);
      assert.ok(parent.nextDate, 'a next statutory date');
      assert.match(parent.status.statusLine, /Barney/);

      const youngPerson = describeCase({ ...facts, childFirstName: 'Sam', audience: 'young-person' }, today);
      assert.equal(youngPerson.situation, situation);
      for (const text of [parent.status, youngPerson.status]) {
        const paragraphs = [
          text.statusLine,
          ...text.whatDoesThisMean,
          ...text.whatShouldIBeDoing,
          ...text.whatHappensNext,
        ];
        assert.ok(
          text.whatDoesThisMean.length > 0 && text.whatShouldIBeDoing.length > 0 && text.whatHappensNext.length > 0,
        );
        for (const p of paragraphs) {
          assert.match(p, /^[A-Z].*[.]$/, `a sentence: ${p}`);
          assert.doesNotMatch(p, /undefined|NaN|null|\d{4}-\d{2}-\d{2}| {2}| \.|\.\./, `clean: ${p}`);
        }
      }
      const ypText = JSON.stringify(youngPerson.status);
      assert.doesNotMatch(ypText, /Sam|Barney|on behalf of/);
      assert.doesNotMatch(ypText, /\byou has\b|\byou is\b|\byou needs\b|\byou gets\b/);
    });
  }

  it('every refusal names mediation advice, the tribunal, its date and SENDIASS', () => {
    for (const situation of ['not-assessing', 'not-issuing-plan', 'plan-ceased'] as const) {
      const [, facts, today] = EXAMPLES.find(([s]) => s === situation) as [Situation, CaseFacts, string];
      const doing = describeCase(facts, today).status.whatShouldIBeDoing.join(' ');
      assert.match(doing, /mediation advice/, situation);
      assert.match(doing, /Special Educational Needs and Disability \(SEND\) Tribunal/, situation);
      assert.match(
        doing,
        /You must appeal by \d+(st|nd|rd|th) [A-Z][a-z]{2} \d{4}\. This is 2 months after the date of the decision letter/,
        situation,
      );
      assert.match(doing, /information, advice and support service \(SENDIASS\)/, situation);
    }
  });
});

describe('checking facts', () => {
  it('lists impossible values', () => {
    assert.deepEqual(invalidFacts(request), []);
    assert.deepEqual(
      invalidFacts({
        ...request,
        childFirstName: '',
        adviceRequested: '2023-09-31',
        phaseTransfer: { kind: 'post-16', transferYear: 2025.5 },
        exemption: { kind: 'holiday' as never, reason: '' },
      }),
      [
        'childFirstName is empty',
        'adviceRequested is not a calendar date in the form YYYY-MM-DD: "2023-09-31"',
        'phaseTransfer.transferYear is not a year: 2025.5',
        'exemption.kind is not a known exemption: "holiday"',
      ],
    );
  });

  it('lists facts out of order or contradicting each other', () => {
    assert.deepEqual(
      inconsistentFacts({
        ...request,
        decisionToAssess: { outcome: 'not-assess', date: '2023-08-01' },
        draftPlanIssued: '2023-11-20',
        finalPlanIssued: '2023-11-01',
      }),
      [
        { kind: 'out-of-order', earlier: 'requestReceived', later: 'decisionToAssess.date' },
        { kind: 'out-of-order', earlier: 'draftPlanIssued', later: 'finalPlanIssued' },
        { kind: 'later-stages-after-not-assess' },
      ],
    );
  });
});
