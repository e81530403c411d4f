/**
 * Where a case is: the furthest stage its facts reach, each stage's state, and the situation
 * (stage plus outcome) that chooses the words the family reads.
 */
import type { CaseFacts } from './case-facts.js';
import { isAfter, type IsoDate } from './dates.js';
import { annualReviewDue } from './deadlines.js';
import { STAGES, type StageId } from './stages.js';

export type StageState = 'done' | 'current' | 'not-reached';

export type Situation =
  | 'request-received'
  | 'not-assessing'
  | 'assessing'
  | 'issuing-plan'
  | 'not-issuing-plan'
  | 'draft-plan-issued'
  | 'final-plan-issued'
  | 'annual-review-due'
  | 'annual-review-overdue'
  | 'annual-review-meeting-planned'
  | 'annual-review-meeting-held'
  | 'plan-kept'
  | 'amendments-proposed'
  | 'amended-plan-issued'
  | 'plan-ceased';

function annualReviewReached(facts: CaseFacts, today: IsoDate): boolean {
  const review = facts.annualReview;
  if (review && (review.lastReviewMeeting || review.meeting || review.decision || review.amendedPlanIssued))
    return true;
  return facts.finalPlanIssued !== undefined && isAfter(today, annualReviewDue(facts.finalPlanIssued));
}

/** The furthest stage the facts reach. A later fact implies the earlier stages are done. */
export function currentStageId(facts: CaseFacts, today: IsoDate): StageId {
  if (facts.finalPlanIssued) return annualReviewReached(facts, today) ? 'annual-review' : 'final-plan';
  if (facts.draftPlanIssued) return 'draft-plan';
  if (facts.decisionToAssess?.outcome === 'assess' || facts.decisionAfterAssessment) return 'assessment';
  if (facts.decisionToAssess) return 'decision';
  return 'request';
}

export function stageStates(current: StageId): { id: StageId; state: StageState }[] {
  const currentIndex = STAGES.findIndex((s) => s.id === current);
  return STAGES.map((stage, index) => ({
    id: stage.id,
    state: index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'not-reached',
  }));
}

function reviewSituation(facts: CaseFacts, today: IsoDate): Situation {
  const review = facts.annualReview ?? {};
  const decision = review.decision;
  if (decision) {
    if (decision.outcome === 'cease') return 'plan-ceased';
    if (decision.outcome === 'amend' && !review.amendedPlanIssued) return 'amendments-proposed';
    // The cycle is complete: the next review is due 12 months after this one.
    const nextDue = annualReviewDue(review.meeting ?? decision.date);
    if (isAfter(today, nextDue)) return 'annual-review-overdue';
    return decision.outcome === 'keep' ? 'plan-kept' : 'amended-plan-issued';
  }
  if (review.meeting)
    return isAfter(review.meeting, today) ? 'annual-review-meeting-planned' : 'annual-review-meeting-held';
  const base = review.lastReviewMeeting ?? facts.finalPlanIssued;
  return base && isAfter(today, annualReviewDue(base)) ? 'annual-review-overdue' : 'annual-review-due';
}

export function situationOf(
  facts: CaseFacts,
  today: IsoDate,
  stage: StageId = currentStageId(facts, today),
): Situation {
  switch (stage) {
    case 'request':
      return 'request-received';
    case 'decision':
      return 'not-assessing';
    case 'assessment': {
      const outcome = facts.decisionAfterAssessment?.outcome;
      return outcome === 'not-issue' ? 'not-issuing-plan' : outcome === 'issue' ? 'issuing-plan' : 'assessing';
    }
    case 'draft-plan':
      return 'draft-plan-issued';
    case 'final-plan':
      return 'final-plan-issued';
    case 'annual-review':
      return reviewSituation(facts, today);
  }
}
