/**
 * The annual reviews before the current one. A review decision belongs to the meeting it was made
 * on or after (see src/ehc/review-cycle.ts), so the decisions made before this cycle's meeting are
 * earlier reviews'. The council keeps only the last two meetings: the last cycle's decisions (from
 * the last meeting to this one) can be told apart, and its latest recorded one stands (any other
 * was corrected by it); older cycles cannot, so each of their decisions is shown.
 */
import { compareDates, decisionOfMeeting, isBefore, type IsoDate } from '../ehc/index.js';
import type { CaseDecision } from './case-data.js';

/** Earlier reviews' decisions, the latest first; `decisions` are ordered latest recorded first. */
export function earlierReviewDecisions(decisions: CaseDecision[], meeting: IsoDate | undefined, lastMeeting: IsoDate | undefined): CaseDecision[] {
  if (!meeting) return [];
  const earlier = decisions.filter((d) => !decisionOfMeeting(meeting, { date: d.decided_on }));
  const lastCycle = earlier.filter((d) => !lastMeeting || !isBefore(d.decided_on, lastMeeting));
  const olderCycles = earlier.filter((d) => lastMeeting !== undefined && isBefore(d.decided_on, lastMeeting));
  return [...lastCycle.slice(0, 1), ...olderCycles].sort((a, b) => compareDates(b.decided_on, a.decided_on));
}
