import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFacts } from './case-facts.js';
import { describeCase } from './case-status.js';

const barney: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'parent',
  audience: 'parent',
};
const assessing: CaseFacts = { ...barney, decisionToAssess: { outcome: 'assess', date: '2023-09-12' } };

function states(facts: CaseFacts, today: string): string[] {
  return describeCase(facts, today).stages.map((s) => s.state);
}

const SENDIASS =
  'Your local special educational needs and disability information, advice and support service (SENDIASS) gives free, impartial and confidential advice and can help you and Barney with mediation and an appeal. You can also contact your case co-ordinator to talk about the decision. Their details are available within the case details.';
const MEDIATION =
  'Before you can appeal, you must get mediation advice: contact a mediation adviser, who will tell you about mediation. Mediation is a free meeting with an independent mediator to try to settle the disagreement with us. You do not have to take part in mediation, but you need the certificate the mediation adviser gives you before you can appeal.';

describe('decision not to assess', () => {
  const facts: CaseFacts = { ...barney, decisionToAssess: { outcome: 'not-assess', date: '2023-09-12' } };
  const status = describeCase(facts, '2023-09-13');

  it('makes Decision the current stage and the appeal deadline the next date', () => {
    assert.deepEqual(states(facts, '2023-09-13'), [
      'done',
      'current',
      'not-reached',
      'not-reached',
      'not-reached',
      'not-reached',
    ]);
    assert.equal(status.situation, 'not-assessing');
    assert.deepEqual([status.nextDate?.label, status.nextDate?.date], ['Appeal deadline', '2023-11-12']);
  });

  it('tells the family their rights: mediation advice, the tribunal by 2 months after the letter, SENDIASS', () => {
    assert.equal(status.status.statusLine, 'We have decided not to carry out an EHC needs assessment for Barney.');
    assert.match(
      status.status.whatDoesThisMean[0],
      /On 12th Sep 2023 we decided not to carry out an EHC needs assessment for Barney/,
    );
    assert.deepEqual(status.status.whatShouldIBeDoing, [
      'Read the decision letter carefully.',
      'If you disagree with this decision, you have the right to appeal to the Special Educational Needs and Disability (SEND) Tribunal.',
      MEDIATION,
      'You must appeal by 12th Nov 2023. This is 2 months after the date of the decision letter, or 1 month after the date on your mediation certificate if that is later.',
      SENDIASS,
    ]);
  });

  it('moves the appeal date to 1 month after a later mediation certificate', () => {
    const withCertificate = describeCase(
      { ...facts, decisionToAssess: { outcome: 'not-assess', date: '2023-09-12', mediationCertificate: '2023-11-01' } },
      '2023-11-02',
    );
    assert.equal(withCertificate.nextDate?.date, '2023-12-01');
    assert.equal(
      withCertificate.status.whatShouldIBeDoing[3],
      'You must appeal by 1st Dec 2023. This is the later of 2 months after the date of the decision letter and 1 month after the date on your mediation certificate.',
    );
  });

  it('says when the time to appeal has ended', () => {
    const later = describeCase(facts, '2023-11-13');
    assert.equal(later.nextDate, undefined);
    assert.match(later.status.whatShouldIBeDoing[3], /^The time to appeal ended on 12th Nov 2023\./);
    assert.equal(describeCase(facts, '2023-11-12').nextDate?.date, '2023-11-12');
  });
});

describe('assessing', () => {
  it('makes Assessment current and explains advice, the 16-week and the 20-week dates', () => {
    const facts: CaseFacts = { ...assessing, adviceRequested: '2023-09-13' };
    const status = describeCase(facts, '2023-09-20');
    assert.deepEqual(states(facts, '2023-09-20'), [
      'done',
      'done',
      'current',
      'not-reached',
      'not-reached',
      'not-reached',
    ]);
    assert.equal(status.status.statusLine, 'We are carrying out an EHC needs assessment for Barney.');
    assert.equal(
      status.status.whatDoesThisMean[1],
      'We asked the professionals for their advice on 13th Sep 2023. They must give it to us within 6 weeks, by 24th Oct 2023.',
    );
    assert.deepEqual([status.nextDate?.label, status.nextDate?.date], ['Advice due', '2023-10-24']);
    assert.equal(
      status.status.whatHappensNext[1],
      'If we decide not to issue a plan, we must tell you by 27th Nov 2023. The final EHC plan must be issued by 25th Dec 2023, 20 weeks from when we received the request.',
    );
  });

  it('moves on to the final plan date once the advice is in, and says the advice is late when it is', () => {
    const received = describeCase(
      { ...assessing, adviceRequested: '2023-09-13', adviceReceived: '2023-10-20' },
      '2023-10-21',
    );
    assert.deepEqual([received.nextDate?.label, received.nextDate?.date], ['Final plan due', '2023-12-25']);
    assert.match(received.status.whatDoesThisMean[1], /received it on 20th Oct 2023/);
    // The professionals have given their advice: no more appointments to go to.
    assert.doesNotMatch(received.status.whatShouldIBeDoing.join(' '), /Professionals may contact you/);
    const waiting = describeCase({ ...assessing, adviceRequested: '2023-09-13' }, '2023-10-21');
    assert.match(
      waiting.status.whatShouldIBeDoing.join(' '),
      /Professionals may contact you to arrange to meet Barney/,
    );
    const late = describeCase({ ...assessing, adviceRequested: '2023-09-13' }, '2023-10-25');
    assert.equal(late.status.whatDoesThisMean[2], 'The advice is now late. We are sorry for the delay.');
  });

  it('says the 16- and 20-week limits do not apply under an exemption, and why', () => {
    const status = describeCase(
      { ...assessing, exemption: { kind: 'setting-closed', reason: 'School closed for rebuilding' } },
      '2023-12-26',
    );
    assert.equal(
      status.status.whatHappensNext[1],
      "We would normally have to tell you by 27th Nov 2023 if we decide not to issue a plan, and issue the final EHC plan by 25th Dec 2023. These time limits do not apply because Barney's school or college has been closed for 4 weeks or more. The reason we have recorded is: School closed for rebuilding.",
    );
    assert.equal(status.nextDate?.overdue, false);
    assert.equal(status.nextDate?.lifted, true);
    assert.equal(
      status.exemption?.explanation,
      'The 16-week time limit for a notice that no plan will be issued (27th Nov 2023) and the 20-week time limit for the final plan (25th Dec 2023) no longer apply because of an exemption: Education setting closed for 4 weeks or more. Reason: School closed for rebuilding.',
    );
  });

  it('speaks to a young person about their own views', () => {
    const status = describeCase({ ...assessing, childFirstName: 'Sam', audience: 'young-person' }, '2023-09-20');
    assert.equal(status.status.statusLine, 'We are carrying out an EHC needs assessment for you.');
    assert.match(status.status.whatShouldIBeDoing[0], /^Now is your opportunity to tell us about yourself/);
    assert.doesNotMatch(JSON.stringify(status.status), /Sam/);
  });
});

describe('decision after the assessment', () => {
  it('to issue a plan: Assessment still current, final plan date, overdue the day after 20 weeks', () => {
    const facts: CaseFacts = { ...assessing, decisionAfterAssessment: { outcome: 'issue', date: '2023-11-01' } };
    const status = describeCase(facts, '2023-12-25');
    assert.equal(status.situation, 'issuing-plan');
    assert.equal(status.currentStage.id, 'assessment');
    assert.equal(status.status.statusLine, 'We have decided to issue an EHC plan for Barney.');
    assert.deepEqual(status.status.whatHappensNext.slice(1), [
      'The final EHC plan must be issued by 25th Dec 2023, 20 weeks from when we received the request.',
    ]);
    const late = describeCase(facts, '2023-12-26');
    assert.equal(late.nextDate?.overdue, true);
    assert.match(late.status.whatHappensNext[2], /^We are sorry that we have not met the deadline of 25th Dec 2023\./);
  });

  it('not to issue a plan: rights with the appeal date 2 months after the letter', () => {
    const facts: CaseFacts = { ...assessing, decisionAfterAssessment: { outcome: 'not-issue', date: '2023-11-20' } };
    const status = describeCase(facts, '2023-11-21');
    assert.deepEqual(states(facts, '2023-11-21'), [
      'done',
      'done',
      'current',
      'not-reached',
      'not-reached',
      'not-reached',
    ]);
    assert.equal(status.situation, 'not-issuing-plan');
    assert.equal(status.status.statusLine, 'We have decided not to issue an EHC plan for Barney.');
    assert.match(
      status.status.whatDoesThisMean[0],
      /on 20th Nov 2023 decided that Barney's needs can be met without an EHC plan/,
    );
    assert.deepEqual(status.status.whatShouldIBeDoing.slice(1), [
      'If you disagree with this decision, you have the right to appeal to the Special Educational Needs and Disability (SEND) Tribunal.',
      MEDIATION,
      'You must appeal by 20th Jan 2024. This is 2 months after the date of the decision letter, or 1 month after the date on your mediation certificate if that is later.',
      SENDIASS,
    ]);
    assert.deepEqual([status.nextDate?.label, status.nextDate?.date], ['Appeal deadline', '2024-01-20']);
  });

  it('a letter dated 31st Dec gives an appeal by 29th Feb in a leap year', () => {
    const status = describeCase(
      { ...barney, requestReceived: '2023-11-01', decisionToAssess: { outcome: 'not-assess', date: '2023-12-31' } },
      '2024-01-02',
    );
    assert.equal(status.nextDate?.date, '2024-02-29');
    assert.match(status.status.whatShouldIBeDoing[3], /^You must appeal by 29th Feb 2024\./);
  });
});
