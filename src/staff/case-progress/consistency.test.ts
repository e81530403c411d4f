import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseFacts } from '../../ehc/index.js';
import { consistencyErrors } from './consistency.js';

const barney: CaseFacts = {
  childFirstName: 'Barney',
  requestReceived: '2023-08-08',
  requestedBy: 'school',
  audience: 'parent',
  decisionToAssess: { outcome: 'assess', date: '2023-09-01' },
  draftPlanIssued: '2023-11-01',
};

describe('consistencyErrors', () => {
  it('names the field the form sets and the date it must follow', () => {
    assert.deepEqual(
      consistencyErrors(barney, { ...barney, finalPlanIssued: '2023-10-30' }, { finalPlanIssued: 'issuedOn' }),
      [
        [
          'issuedOn',
          'The date the final plan was issued must be the same as or after the date the draft plan was issued (1st Nov 2023)',
        ],
      ],
    );
  });

  it('says "before" when the form sets the earlier date of a pair', () => {
    const requestOnly: CaseFacts = { ...barney, decisionToAssess: undefined };
    assert.deepEqual(
      consistencyErrors(
        requestOnly,
        { ...requestOnly, draftPlanIssued: '2023-08-01' },
        { draftPlanIssued: 'issuedOn' },
      ),
      [
        [
          'issuedOn',
          'The date the draft plan was issued must be the same as or after the date the request was received (8th Aug 2023)',
        ],
      ],
    );
    assert.deepEqual(
      consistencyErrors(barney, { ...barney, draftPlanIssued: '2023-08-01' }, { draftPlanIssued: 'issuedOn' }),
      [
        [
          'issuedOn',
          'The date the draft plan was issued must be the same as or after the date of the decision whether to assess (1st Sep 2023)',
        ],
      ],
    );
    const withFinal = { ...barney, finalPlanIssued: '2023-12-01' };
    assert.deepEqual(
      consistencyErrors(withFinal, { ...withFinal, draftPlanIssued: '2023-12-05' }, { draftPlanIssued: 'issuedOn' }),
      [
        [
          'issuedOn',
          'The date the draft plan was issued must be the same as or before the date the final plan was issued (1st Dec 2023)',
        ],
      ],
    );
  });

  it('explains impossible sequences in words, and ignores problems the case already had', () => {
    const notAssessing: CaseFacts = { ...barney, decisionToAssess: { outcome: 'not-assess', date: '2023-09-01' } };
    assert.deepEqual(consistencyErrors(barney, notAssessing, { 'decisionToAssess.date': 'decidedOn' }), [
      [
        'decidedOn',
        'The council decided not to carry out an assessment, so later stages cannot be recorded. Record a new decision whether to assess first',
      ],
    ]);
    assert.deepEqual(
      consistencyErrors(
        notAssessing,
        { ...notAssessing, exemption: { kind: 'family-away', reason: 'Away' } },
        { 'exemption.recordedOn': 'kind' },
      ),
      [],
    );
  });

  it('keeps the assessment in order: advice after the decision to assess, the draft plan after the decision to issue one', () => {
    assert.deepEqual(
      consistencyErrors(barney, { ...barney, adviceRequested: '2023-08-20' }, { adviceRequested: 'adviceRequestedOn' }),
      [
        [
          'adviceRequestedOn',
          'The date advice was requested must be the same as or after the date of the decision whether to assess (1st Sep 2023)',
        ],
      ],
    );
    const issuing: CaseFacts = { ...barney, draftPlanIssued: undefined, adviceRequested: '2023-09-05' };
    assert.deepEqual(
      consistencyErrors(
        issuing,
        { ...issuing, decisionAfterAssessment: { outcome: 'issue', date: '2023-09-04' } },
        { 'decisionAfterAssessment.date': 'decidedOn' },
      ),
      [
        [
          'decidedOn',
          'The date of the decision after the assessment must be the same as or after the date advice was requested (5th Sep 2023)',
        ],
      ],
    );
    const decided: CaseFacts = { ...issuing, decisionAfterAssessment: { outcome: 'issue', date: '2023-10-20' } };
    assert.deepEqual(
      consistencyErrors(decided, { ...decided, draftPlanIssued: '2023-10-19' }, { draftPlanIssued: 'issuedOn' }),
      [
        [
          'issuedOn',
          'The date the draft plan was issued must be the same as or after the date of the decision after the assessment (20th Oct 2023)',
        ],
      ],
    );
  });
});
