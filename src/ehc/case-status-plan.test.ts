import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFacts } from './case-facts.js';
import { describeCase } from './case-status.js';

const barney: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'school',
  audience: 'parent',
  decisionToAssess: { outcome: 'assess', date: '2023-09-12' },
  decisionAfterAssessment: { outcome: 'issue', date: '2023-11-15' },
};
const draft: CaseFacts = { ...barney, draftPlanIssued: '2023-11-20' };
const final: CaseFacts = { ...draft, finalPlanIssued: '2023-12-20' };

describe('draft plan issued', () => {
  const status = describeCase(draft, '2023-11-21');

  it('makes Draft plan current with the comment deadline 15 days after issue', () => {
    assert.deepEqual(
      status.stages.map((s) => s.state),
      ['done', 'done', 'done', 'current', 'not-reached', 'not-reached'],
    );
    assert.equal(status.status.statusLine, 'We have sent you a draft EHC plan for Barney.');
    assert.deepEqual([status.nextDate?.label, status.nextDate?.date], ['Comments on draft plan due', '2023-12-05']);
  });

  it('asks for comments by the date, a school or college, and offers a meeting', () => {
    assert.deepEqual(status.status.whatShouldIBeDoing, [
      'Read the draft plan carefully. You have until 5th Dec 2023 to comment on it. This gives you at least 15 calendar days.',
      'Tell us if anything is wrong or missing, and which school or college you would like to be named in the plan. You can ask for a mainstream or special school or college. You can also ask to meet us to talk about the draft plan. You can also add comments on behalf of Barney.',
      'If you are unsure, please contact your case co-ordinator. Their details are available within the case details.',
    ]);
    assert.deepEqual(status.status.whatHappensNext, [
      'We will consider your comments, and consult the school or college you ask for before we name it in the plan.',
      'The final EHC plan must be issued by 25th Dec 2023, 20 weeks from when we received the request.',
    ]);
  });

  it('after the comment window, shows the final plan date and says the window has ended', () => {
    assert.equal(describeCase(draft, '2023-12-05').nextDate?.key, 'draft-plan-comments');
    const later = describeCase(draft, '2023-12-06');
    assert.deepEqual([later.nextDate?.label, later.nextDate?.date], ['Final plan due', '2023-12-25']);
    assert.match(later.status.whatShouldIBeDoing[0], /^The time to comment on the draft plan ended on 5th Dec 2023\./);
  });

  it('speaks to a young person', () => {
    const yp = describeCase({ ...draft, audience: 'young-person' }, '2023-11-21').status;
    assert.equal(yp.statusLine, 'We have sent you your draft EHC plan.');
    assert.match(
      yp.whatDoesThisMean[0],
      /^On 20th Nov 2023 we issued your draft EHC plan\. It sets out your needs, the outcomes you are working towards/,
    );
    assert.doesNotMatch(JSON.stringify(yp), /Barney|on behalf of/);
  });
});

describe('final plan issued', () => {
  const status = describeCase(final, '2024-01-05');

  it('makes Final plan current, the annual review due within 12 months', () => {
    assert.deepEqual(
      status.stages.map((s) => s.state),
      ['done', 'done', 'done', 'done', 'current', 'not-reached'],
    );
    assert.equal(status.status.statusLine, "We have issued Barney's final EHC plan.");
    assert.deepEqual([status.nextDate?.label, status.nextDate?.date], ['Annual review due', '2024-12-19']);
    assert.deepEqual(status.status.whatHappensNext, [
      "Barney's plan must be reviewed at least every 12 months. The first annual review must be held by 19th Dec 2024. You will be contacted before then to arrange the review meeting.",
    ]);
  });

  it('names the right to appeal the content, without mediation advice for a school-only appeal', () => {
    const doing = status.status.whatShouldIBeDoing;
    assert.equal(
      doing[1],
      "If you disagree with the description of Barney's needs, the support in the plan or the school or college named, you have the right to appeal to the Special Educational Needs and Disability (SEND) Tribunal.",
    );
    assert.match(
      doing[2],
      /You do not need mediation advice if your appeal is only about the school or college named in the plan\.$/,
    );
    assert.equal(
      doing[3],
      'You must appeal by 20th Feb 2024. This is 2 months after the date of the final plan, or 1 month after the date on your mediation certificate if that is later.',
    );
    assert.equal(describeCase(final, '2024-02-21').status.whatShouldIBeDoing.length, 1);
  });

  it('adds a phase transfer: 15 February for the next school, 31 March for post-16', () => {
    const school = describeCase({ ...final, phaseTransfer: { kind: 'next-school', transferYear: 2024 } }, '2024-01-05');
    assert.deepEqual([school.nextDate?.label, school.nextDate?.date], ['Plan for next school due', '2024-02-15']);
    assert.equal(
      school.status.whatHappensNext[1],
      "Barney is due to move to a new school in 2024. We must review Barney's EHC plan and issue it, amended to name the new school, by 15th Feb 2024.",
    );
    const post16 = describeCase({ ...final, phaseTransfer: { kind: 'post-16', transferYear: 2024 } }, '2024-04-01');
    assert.deepEqual(
      [post16.nextDate?.label, post16.nextDate?.date, post16.nextDate?.overdue],
      ['Plan for post-16 due', '2024-03-31', true],
    );
    assert.match(
      post16.status.whatHappensNext[1],
      /from secondary school to a post-16 setting, such as a college or sixth form, in 2024\. .* by 31st Mar 2024\.$/,
    );
    assert.match(
      post16.status.whatHappensNext[2],
      /^We are sorry that we have not met the deadline of 31st Mar 2024\./,
    );
    const done = describeCase(
      { ...final, phaseTransfer: { kind: 'post-16', transferYear: 2024, amendedPlanIssued: '2024-03-01' } },
      '2024-04-01',
    );
    assert.equal(done.status.whatHappensNext.length, 1);
    assert.equal(done.nextDate?.key, 'annual-review');
  });

  it('reports an exemption that no longer lifts anything once the plan is out', () => {
    const status = describeCase(
      { ...final, exemption: { kind: 'exceptional-personal-circumstances', reason: 'Bereavement' } },
      '2024-01-05',
    );
    assert.deepEqual(status.exemption?.lifted, []);
    assert.match(status.exemption?.explanation ?? '', /every time limit it could lift has already been met/);
    assert.doesNotMatch(JSON.stringify(status.status), /does not apply/);
  });

  it('lifts the 20-week limit on the draft plan with the reason', () => {
    const status = describeCase(
      { ...draft, exemption: { kind: 'exceptional-personal-circumstances', reason: 'Barney is in hospital' } },
      '2024-01-05',
    );
    assert.deepEqual(status.status.whatHappensNext.slice(1), [
      'We would normally have to issue the final EHC plan by 25th Dec 2023. This time limit does not apply because of exceptional personal circumstances affecting Barney or your family. The reason we have recorded is: Barney is in hospital.',
      'We will do this as soon as we can and keep you updated.',
    ]);
    assert.deepEqual(
      status.exemption?.lifted.map((l) => l.key),
      ['final-plan'],
    );
    assert.equal(
      status.dueDates.some((d) => d.overdue),
      false,
    );
  });
});
