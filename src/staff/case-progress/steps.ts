import { decisionAfterAssessment, decisionToAssess, reviewDecision } from './decisions.js';
import { exemption, removeExemption } from './exemption.js';
import { draftPlan, finalPlan } from './plans.js';
import { reviewMeeting } from './review-meeting.js';
import type { ProgressStep } from './step.js';

/**
 * Every way of moving a case on, in the order of the process. The case's advice dates are not a
 * step: they follow from its requests for advice (src/staff/advice-requests).
 */
export const PROGRESS_STEPS: readonly ProgressStep[] = [
  decisionToAssess,
  decisionAfterAssessment,
  draftPlan,
  finalPlan,
  reviewMeeting,
  reviewDecision,
  exemption,
  removeExemption,
];

export function stepBySlug(slug: string): ProgressStep | undefined {
  return PROGRESS_STEPS.find((step) => step.slug === slug);
}
