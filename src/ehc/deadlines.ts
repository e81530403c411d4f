/**
 * The statutory time limits of the EHC process (Children and Families Act 2014, SEND Regulations
 * 2014, SEND Code of Practice chapter 9), each as a pure function of the date it runs from.
 *
 * Conventions (see also the README section in index.ts):
 * - "Within N weeks/months of X" counts X as day 1 (the guide: a request received on 8th Aug 2023
 *   gives a decision due 18th Sep 2023). The last day is the day before the same date N weeks or
 *   months later: `lastDayOfPeriod(X, …)`.
 * - A deadline is met on its last day and is overdue only from the next day.
 * - Family windows that run "after" a letter (the tribunal appeal) do not count the letter's day:
 *   2 months after 31 Dec 2023 is 29 Feb 2024.
 */
import { addDays, addMonths, addWeeks, isAfter, laterOf, type IsoDate } from './dates.js';

export type Period = { weeks: number } | { months: number };

/**
 * The last day of a period of weeks or months that begins with (counts as day 1) `firstDay`.
 * Weeks: firstDay + 7×N − 1 days. Months: a period beginning with X is a period from the day
 * before X, so it ends on the corresponding date N months after X − 1, or the last day of that
 * month when it has no such date (the courts' corresponding-date rule, Dodds v Walker):
 * 20 Dec 2023 + 12 months ends 19 Dec 2024; 31 Jan 2024 + 1 month ends 29 Feb 2024;
 * 1 Mar 2023 + 12 months ends 28 Feb 2024 (the corresponding date of 28 Feb, not the month end).
 */
export function lastDayOfPeriod(firstDay: IsoDate, period: Period): IsoDate {
  const dayBefore = addDays(firstDay, -1);
  return 'weeks' in period ? addWeeks(dayBefore, period.weeks) : addMonths(dayBefore, period.months);
}

/** Decision whether to assess: within 6 weeks of receiving the request (reg. 5(1)). */
export function decisionToAssessDue(requestReceived: IsoDate): IsoDate {
  return lastDayOfPeriod(requestReceived, { weeks: 6 });
}

/** Advice from education, health and care professionals: within 6 weeks of being asked (reg. 8). */
export function adviceDue(adviceRequested: IsoDate): IsoDate {
  return lastDayOfPeriod(adviceRequested, { weeks: 6 });
}

/** Notice that no plan will be issued after an assessment: within 16 weeks of the request (reg. 10). */
export function noPlanNoticeDue(requestReceived: IsoDate): IsoDate {
  return lastDayOfPeriod(requestReceived, { weeks: 16 });
}

/** The final EHC plan: within 20 weeks of the request (reg. 13(2)). */
export function finalPlanDue(requestReceived: IsoDate): IsoDate {
  return lastDayOfPeriod(requestReceived, { weeks: 20 });
}

/** The number of calendar days, at least, a family has to comment on a draft or proposed amendments. */
export const COMMENT_DAYS = 15;

/**
 * Comments on a draft plan (reg. 13(1)) or on proposed amendments (reg. 22(2)): the law gives at
 * least 15 days beginning with the day it is sent (so it could end on issued + 14). We choose
 * issued + 15: the family always has 15 whole days after the day the draft reaches them, and the
 * council never gives less than the minimum.
 */
export function commentsDue(issued: IsoDate): IsoDate {
  return addDays(issued, COMMENT_DAYS);
}

/**
 * Whether a plan issued on `planIssued` would cut short the family's time to comment on the draft
 * (or proposed amendments) sent on `sent`: the plan may follow only once the last day to comment
 * has gone (sent 1 Dec: comments until 16 Dec, the plan from 17 Dec). Calendar days: a window
 * ending on a Saturday ends on the Saturday.
 */
export function cutsCommentTimeShort(sent: IsoDate, planIssued: IsoDate): boolean {
  return !isAfter(planIssued, commentsDue(sent));
}

/** Annual review: within 12 months of the plan being issued, then of the last review (reg. 18). */
export function annualReviewDue(planIssuedOrLastReview: IsoDate): IsoDate {
  return lastDayOfPeriod(planIssuedOrLastReview, { months: 12 });
}

/** The council's decision to keep, amend or cease the plan: within 4 weeks of the review meeting (reg. 20(10)). */
export function reviewDecisionDue(reviewMeeting: IsoDate): IsoDate {
  return lastDayOfPeriod(reviewMeeting, { weeks: 4 });
}

/** The amended plan: within 8 weeks of sending the proposed amendments (reg. 22(4)). */
export function amendedPlanDue(amendmentsProposed: IsoDate): IsoDate {
  return lastDayOfPeriod(amendmentsProposed, { weeks: 8 });
}

/**
 * The move the plan is reviewed for (reg. 18): 'next-school' is any move from early years to
 * school, infant to junior, primary to middle or secondary, middle to secondary; 'post-16' is
 * from secondary school to a post-16 institution (a college or sixth form).
 */
export type PhaseTransferKind = 'next-school' | 'post-16';

/** The amended plan for a phase transfer: by 15 February, or 31 March for secondary to post-16, of the year of the move. */
export function phaseTransferDue(kind: PhaseTransferKind, transferYear: number): IsoDate {
  if (!Number.isInteger(transferYear) || transferYear < 1 || transferYear > 9999) {
    throw new RangeError(`Not a year: ${transferYear}`);
  }
  const year = String(transferYear).padStart(4, '0');
  return kind === 'post-16' ? `${year}-03-31` : `${year}-02-15`;
}

/**
 * The last day to appeal to the SEND Tribunal: 2 months after the date of the decision letter,
 * or 1 month after the date of a mediation certificate if that is later.
 */
export function appealDeadline(decisionLetter: IsoDate, mediationCertificate?: IsoDate): IsoDate {
  const twoMonths = addMonths(decisionLetter, 2);
  return mediationCertificate ? laterOf(twoMonths, addMonths(mediationCertificate, 1)) : twoMonths;
}

/**
 * A school or setting consulted about being named in the plan answers within 15 days beginning
 * with the day it is asked (reg. 14 read with s.39(2)): the day asked is day 1.
 */
export function placementAnswerDue(consulted: IsoDate): IsoDate {
  return addDays(consulted, 14);
}
