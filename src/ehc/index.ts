/**
 * The EHC process as pure functions: stages, statutory dates and the words a family reads.
 * No database, no I/O, no clock: today is always a parameter ('YYYY-MM-DD', see ukToday in src/clock.ts).
 *
 * Date conventions:
 * - "Within N weeks/months of X" counts X as day 1: due = X + 7N − 1 days; for months, the date N months
 *   after X − 1 (month ends clamp), see lastDayOfPeriod (decision 6 weeks, advice 6 weeks from asked,
 *   no-plan notice 16 weeks, final plan 20 weeks, annual review 12 months, review decision 4 weeks,
 *   amended plan 8 weeks). Request 8th Aug 2023 → decision due 18th Sep 2023, as in the guide.
 * - Comments on a draft plan or proposed amendments: issued + 15 days (never less than the 15-day minimum).
 * - Phase transfer: 15 February, or 31 March for secondary to post-16, of the year of the move.
 * - Appeal: 2 months after the decision letter (the letter's day not counted; month ends clamp),
 *   or 1 month after a mediation certificate if that is later.
 * - Overdue: a council date not met by the end of the due date; on the date itself it is not overdue.
 */
export * from './dates.js';
export * from './stages.js';
export * from './deadlines.js';
export type {
  AnnualReviewFacts,
  Audience,
  CaseFacts,
  Decision,
  Exemption,
  ExemptionKind,
  PhaseTransferFacts,
  Requester,
} from './case-facts.js';
export { REQUESTER_LABELS, requesterText } from './case-facts.js';
export { invalidFacts, inconsistentFacts, type FactDate, type Inconsistency } from './case-facts-check.js';
export { EXEMPTION_KINDS, EXEMPTION_LABELS, isExemptionKind } from './exemptions.js';
export type { AppealAbout, DueDate, DueDateKey } from './due-dates.js';
export { computeDueDates } from './due-dates.js';
export type { Situation, StageState } from './progress.js';
export type { StatusText } from './status-text-common.js';
export type { CaseStatus, ExemptionEffect, StageWithState } from './case-status.js';
export { describeCase } from './case-status.js';
export { decisionOfMeeting, nextReviewMeetingTooEarly, startsNextReview, withReviewMeeting } from './review-cycle.js';
