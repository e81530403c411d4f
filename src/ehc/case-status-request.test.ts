import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFacts } from './case-facts.js';
import { describeCase } from './case-status.js';

const barney: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'school',
  audience: 'parent',
};

function states(facts: CaseFacts, today: string): string {
  return describeCase(facts, today)
    .stages.map((s) => `${s.slug}=${s.state}`)
    .join(' ');
}

describe('request received: the guide, word for word', () => {
  const status = describeCase(barney, '2023-08-10');

  it('shows the guide dashboard: Request current, Decision due 18th Sep 2023', () => {
    assert.equal(status.currentStage.id, 'request');
    assert.equal(status.situation, 'request-received');
    assert.equal(
      states(barney, '2023-08-10'),
      'request=current decision=not-reached assessment=not-reached draft-plan=not-reached final-plan=not-reached annual-review=not-reached',
    );
    assert.equal(status.nextDate?.label, 'Decision due');
    assert.equal(status.nextDate?.date, '2023-09-18');
    assert.equal(status.nextDate?.overdue, false);
  });

  it('has the guide status line and the three answers as printed', () => {
    assert.deepEqual(status.status, {
      statusLine: 'We have received a request for an EHC needs assessment relating to Barney.',
      whatDoesThisMean: [
        'We have received a request for an EHC needs assessment for Barney and have shared this with you. If the request did not come from yourself, in most cases it means it has come from the education setting. There is opportunity to gather more information from you and the education setting to make sure that we have all the information necessary to make an informed decision on the next step.',
      ],
      whatShouldIBeDoing: [
        'Now is your opportunity to read the request and add your comments or other relevant information. You can also add comments on behalf of Barney. This means that your views are taken into consideration when we make our decision on the next step. If you are unsure, please contact the education setting or case co-ordinator. Their details are available within the case details.',
      ],
      whatHappensNext: [
        'We must decide whether or not to proceed with an EHC needs assessment for Barney by 18th Sep 2023. You will be notified once a decision has been made.',
      ],
    });
  });

  it('fills in another child and date', () => {
    const other = describeCase({ ...barney, childFirstName: 'Amara', requestReceived: '2024-01-22' }, '2024-01-22');
    assert.equal(other.status.statusLine, 'We have received a request for an EHC needs assessment relating to Amara.');
    assert.equal(
      other.status.whatHappensNext[0],
      'We must decide whether or not to proceed with an EHC needs assessment for Amara by 3rd Mar 2024. You will be notified once a decision has been made.',
    );
  });

  it('is not overdue on the due date, and apologises the day after', () => {
    assert.equal(describeCase(barney, '2023-09-18').status.whatHappensNext.length, 1);
    const late = describeCase(barney, '2023-09-19');
    assert.equal(late.nextDate?.overdue, true);
    assert.deepEqual(late.status.whatHappensNext.slice(1), [
      'We are sorry that we have not met the deadline of 18th Sep 2023. If you have any questions, please contact your case co-ordinator. Their details are available within the case details.',
    ]);
  });
});

describe('request received, read by the young person', () => {
  const sam: CaseFacts = { ...barney, childFirstName: 'Sam', audience: 'young-person', requestedBy: 'young-person' };
  const text = describeCase(sam, '2023-08-10').status;

  it('is addressed to them: "relating to you", "your views", never the name', () => {
    assert.equal(text.statusLine, 'We have received a request for an EHC needs assessment relating to you.');
    assert.match(text.whatShouldIBeDoing[0], /your views are taken into consideration/);
    assert.doesNotMatch(text.whatShouldIBeDoing[0], /on behalf of/);
    assert.equal(
      text.whatHappensNext[0],
      'We must decide whether or not to proceed with an EHC needs assessment for you by 18th Sep 2023. You will be notified once a decision has been made.',
    );
    assert.doesNotMatch(JSON.stringify(text), /Sam/);
  });
});

describe('request received with an exemption', () => {
  it('says the 6-week limit does not apply, why, and the reason recorded', () => {
    const status = describeCase(
      { ...barney, exemption: { kind: 'family-away', reason: 'Family abroad until October' } },
      '2023-09-25',
    );
    assert.deepEqual(status.status.whatHappensNext, [
      'We would normally have to decide whether or not to proceed with an EHC needs assessment for Barney by 18th Sep 2023. This time limit does not apply because you and Barney have been away from the area for 4 weeks or more. The reason we have recorded is: Family abroad until October.',
      'We will make our decision as soon as we can. You will be notified once a decision has been made.',
    ]);
    assert.equal(status.nextDate?.lifted, true);
    assert.equal(status.nextDate?.overdue, false);
    assert.equal(status.exemption?.label, 'Family away from the area for 4 weeks or more');
    assert.deepEqual(status.exemption?.lifted, [
      { key: 'decision-to-assess', label: 'Decision due', date: '2023-09-18' },
    ]);
    assert.equal(
      status.exemption?.explanation,
      'The 6-week time limit for deciding whether to assess (18th Sep 2023) no longer applies because of an exemption: Family away from the area for 4 weeks or more. Reason: Family abroad until October.',
    );
  });
});

describe('bad input', () => {
  it('refuses impossible dates, naming them', () => {
    assert.throws(() => describeCase({ ...barney, requestReceived: '2023-02-29' }, '2023-08-10'), /requestReceived/);
    assert.throws(() => describeCase({ ...barney, finalPlanIssued: '2023-13-01' }, '2023-08-10'), /finalPlanIssued/);
    assert.throws(() => describeCase(barney, '10/08/2023'), /today/);
    assert.throws(() => describeCase({ ...barney, childFirstName: '  ' }, '2023-08-10'), /childFirstName/);
  });
});
