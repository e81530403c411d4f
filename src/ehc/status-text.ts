/** Chooses the words for a case's situation. */
import type { Situation } from './progress.js';
import {
  assessingText,
  issuingPlanText,
  notAssessingText,
  notIssuingPlanText,
  requestReceivedText,
} from './status-text-assessment.js';
import type { StatusText, TextContext } from './status-text-common.js';
import { draftPlanIssuedText, finalPlanIssuedText } from './status-text-plan.js';
import {
  annualReviewDueText,
  annualReviewOverdueText,
  meetingHeldText,
  meetingPlannedText,
} from './status-text-review.js';
import {
  amendedPlanIssuedText,
  amendmentsProposedText,
  planCeasedText,
  planKeptText,
} from './status-text-review-decision.js';

const TEXT_FOR: Record<Situation, (ctx: TextContext) => StatusText> = {
  'request-received': requestReceivedText,
  'not-assessing': notAssessingText,
  assessing: assessingText,
  'issuing-plan': issuingPlanText,
  'not-issuing-plan': notIssuingPlanText,
  'draft-plan-issued': draftPlanIssuedText,
  'final-plan-issued': finalPlanIssuedText,
  'annual-review-due': annualReviewDueText,
  'annual-review-overdue': annualReviewOverdueText,
  'annual-review-meeting-planned': meetingPlannedText,
  'annual-review-meeting-held': meetingHeldText,
  'plan-kept': planKeptText,
  'amendments-proposed': amendmentsProposedText,
  'amended-plan-issued': amendedPlanIssuedText,
  'plan-ceased': planCeasedText,
};

export function statusTextFor(situation: Situation, ctx: TextContext): StatusText {
  return TEXT_FOR[situation](ctx);
}
