/**
 * The annual reviews before the current one. Each decision after a review records the meeting it
 * answers, and the latest recorded decision for a meeting stands (any other was corrected by it).
 * A decision recorded before meetings were kept with decisions, whose meeting is no longer known,
 * belongs to the current meeting if it was made on or after it (see src/ehc/review-cycle.ts) and
 * is otherwise shown on its own.
 */
import { compareDates, decisionOfMeeting, type IsoDate } from '../ehc/index.js';
import type { CaseDecision } from './case-data.js';

/** Earlier reviews' decisions, the latest first; `decisions` are ordered latest recorded first. */
export function earlierReviewDecisions(decisions: CaseDecision[], meeting: IsoDate | undefined): CaseDecision[] {
  if (!meeting) return [];
  const meetingsSeen = new Set<IsoDate>();
  const earlier: CaseDecision[] = [];
  for (const decision of decisions) {
    const answers = decision.review_meeting_on ?? undefined;
    const isCurrent = answers
      ? answers === meeting
      : decisionOfMeeting(meeting, { date: decision.decided_on }) !== undefined;
    if (isCurrent || (answers && meetingsSeen.has(answers))) continue;
    if (answers) meetingsSeen.add(answers);
    earlier.push(decision);
  }
  return earlier.sort((a, b) => compareDates(b.decided_on, a.decided_on));
}
