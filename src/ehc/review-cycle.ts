/**
 * The annual review comes round every year, and each meeting has its own decision. A council's
 * records keep the current meeting, the one before it and the latest review decision; that
 * decision belongs to the current meeting only when it was made on or after the meeting.
 * Recording the next meeting strictly after the last decision (see nextReviewMeetingTooEarly)
 * keeps the pairing exact.
 */
import type { AnnualReviewFacts, CaseFacts, Decision } from './case-facts.js';
import { isAfter, isBefore, type IsoDate } from './dates.js';

/** The latest review decision if it follows the current meeting; undefined if it was the last cycle's. */
export function decisionOfMeeting<D extends Pick<Decision<string>, 'date'>>(
  meeting: IsoDate | undefined,
  latest: D | undefined,
): D | undefined {
  if (!latest || !meeting) return latest;
  return isBefore(latest.date, meeting) ? undefined : latest;
}

/** Whether a meeting recorded now starts the next cycle: this cycle's decision is already made. */
export function startsNextReview(review: AnnualReviewFacts | undefined): boolean {
  return review?.decision !== undefined;
}

/**
 * The facts with a meeting recorded: the next cycle (this meeting becomes the last one, and what
 * followed it is the past) once this cycle has its decision, otherwise this cycle's meeting (set
 * or moved).
 */
export function withReviewMeeting(facts: CaseFacts, meeting: IsoDate): CaseFacts {
  const review = facts.annualReview;
  if (!startsNextReview(review)) return { ...facts, annualReview: { ...review, meeting } };
  return { ...facts, annualReview: { lastReviewMeeting: review?.meeting ?? review?.lastReviewMeeting, meeting } };
}

/** The last decision's date, when a next meeting on `meeting` would not be after it. */
export function nextReviewMeetingTooEarly(
  review: AnnualReviewFacts | undefined,
  meeting: IsoDate,
): IsoDate | undefined {
  const decided = review?.decision?.date;
  return decided && !isAfter(meeting, decided) ? decided : undefined;
}
