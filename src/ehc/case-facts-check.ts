/**
 * Checks on CaseFacts. `invalidFacts` lists what makes the facts unusable (describeCase refuses
 * them); `inconsistentFacts` lists what is possible to compute but probably mistyped by staff
 * (a date before the request, a final plan before its draft, …), for staff forms to show.
 */
import type { CaseFacts } from './case-facts.js';
import { isBefore, isIsoDate, type IsoDate } from './dates.js';
import { isExemptionKind } from './exemptions.js';

function datesOf(facts: CaseFacts): [string, IsoDate | undefined][] {
  const review = facts.annualReview;
  return [
    ['requestReceived', facts.requestReceived],
    ['decisionToAssess.date', facts.decisionToAssess?.date],
    ['decisionToAssess.mediationCertificate', facts.decisionToAssess?.mediationCertificate],
    ['adviceRequested', facts.adviceRequested],
    ['adviceReceived', facts.adviceReceived],
    ['decisionAfterAssessment.date', facts.decisionAfterAssessment?.date],
    ['decisionAfterAssessment.mediationCertificate', facts.decisionAfterAssessment?.mediationCertificate],
    ['draftPlanIssued', facts.draftPlanIssued],
    ['finalPlanIssued', facts.finalPlanIssued],
    ['annualReview.lastReviewMeeting', review?.lastReviewMeeting],
    ['annualReview.meeting', review?.meeting],
    ['annualReview.decision.date', review?.decision?.date],
    ['annualReview.decision.mediationCertificate', review?.decision?.mediationCertificate],
    ['annualReview.amendmentsProposed', review?.amendmentsProposed],
    ['annualReview.amendedPlanIssued', review?.amendedPlanIssued],
    ['phaseTransfer.amendedPlanIssued', facts.phaseTransfer?.amendedPlanIssued],
    ['exemption.recordedOn', facts.exemption?.recordedOn],
  ];
}

export function invalidFacts(facts: CaseFacts): string[] {
  const problems: string[] = [];
  if (typeof facts.childFirstName !== 'string' || facts.childFirstName.trim() === '') {
    problems.push('childFirstName is empty');
  }
  for (const [name, value] of datesOf(facts)) {
    if (name === 'requestReceived' ? !isIsoDate(value) : value !== undefined && !isIsoDate(value)) {
      problems.push(`${name} is not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(value)}`);
    }
  }
  const year = facts.phaseTransfer?.transferYear;
  if (facts.phaseTransfer && (year === undefined || !Number.isInteger(year) || year < 1 || year > 9999)) {
    problems.push(`phaseTransfer.transferYear is not a year: ${JSON.stringify(year)}`);
  }
  if (facts.exemption && !isExemptionKind(facts.exemption.kind)) {
    problems.push(`exemption.kind is not a known exemption: ${JSON.stringify(facts.exemption.kind)}`);
  }
  return problems;
}

/** A date of CaseFacts, named by its path ('decisionToAssess.date'). */
export type FactDate =
  | 'requestReceived'
  | 'decisionToAssess.date'
  | 'adviceRequested'
  | 'adviceReceived'
  | 'decisionAfterAssessment.date'
  | 'draftPlanIssued'
  | 'finalPlanIssued'
  | 'annualReview.lastReviewMeeting'
  | 'annualReview.meeting'
  | 'annualReview.decision.date';

/** Something staff probably mistyped: two dates out of order, or a stage recorded that a decision rules out. */
export type Inconsistency =
  | { kind: 'out-of-order'; earlier: FactDate; later: FactDate }
  | { kind: 'advice-received-not-requested' }
  | { kind: 'later-stages-after-not-assess' }
  | { kind: 'plan-after-not-issue' }
  | { kind: 'amended-plan-without-decision' };

export function inconsistentFacts(facts: CaseFacts): Inconsistency[] {
  const problems: Inconsistency[] = [];
  const order = (earlier: FactDate, da: IsoDate | undefined, later: FactDate, db: IsoDate | undefined) => {
    if (da && db && isIsoDate(da) && isIsoDate(db) && isBefore(db, da))
      problems.push({ kind: 'out-of-order', earlier, later });
  };
  const r = facts.requestReceived;
  order('requestReceived', r, 'decisionToAssess.date', facts.decisionToAssess?.date);
  order('decisionToAssess.date', facts.decisionToAssess?.date, 'adviceRequested', facts.adviceRequested);
  order('adviceRequested', facts.adviceRequested, 'adviceReceived', facts.adviceReceived);
  order(
    'decisionToAssess.date',
    facts.decisionToAssess?.date,
    'decisionAfterAssessment.date',
    facts.decisionAfterAssessment?.date,
  );
  // The assessment gathers advice before the council decides whether to issue a plan (reg. 6).
  order('adviceRequested', facts.adviceRequested, 'decisionAfterAssessment.date', facts.decisionAfterAssessment?.date);
  order('requestReceived', r, 'draftPlanIssued', facts.draftPlanIssued);
  order('decisionToAssess.date', facts.decisionToAssess?.date, 'draftPlanIssued', facts.draftPlanIssued);
  order('decisionAfterAssessment.date', facts.decisionAfterAssessment?.date, 'draftPlanIssued', facts.draftPlanIssued);
  order('draftPlanIssued', facts.draftPlanIssued, 'finalPlanIssued', facts.finalPlanIssued);
  order('finalPlanIssued', facts.finalPlanIssued, 'annualReview.meeting', facts.annualReview?.meeting);
  order(
    'annualReview.lastReviewMeeting',
    facts.annualReview?.lastReviewMeeting,
    'annualReview.meeting',
    facts.annualReview?.meeting,
  );
  order(
    'annualReview.meeting',
    facts.annualReview?.meeting,
    'annualReview.decision.date',
    facts.annualReview?.decision?.date,
  );
  if (facts.adviceReceived && !facts.adviceRequested) problems.push({ kind: 'advice-received-not-requested' });
  if (
    facts.decisionToAssess?.outcome === 'not-assess' &&
    (facts.decisionAfterAssessment || facts.draftPlanIssued || facts.finalPlanIssued)
  ) {
    problems.push({ kind: 'later-stages-after-not-assess' });
  }
  if (facts.decisionAfterAssessment?.outcome === 'not-issue' && (facts.draftPlanIssued || facts.finalPlanIssued)) {
    problems.push({ kind: 'plan-after-not-issue' });
  }
  if (facts.annualReview?.amendedPlanIssued && facts.annualReview.decision?.outcome !== 'amend') {
    problems.push({ kind: 'amended-plan-without-decision' });
  }
  return problems;
}
