/**
 * Every statutory date that applies to a case on a given day, whether it was met, is overdue or
 * has been lifted by an exemption.
 */
import type { CaseFacts } from './case-facts.js';
import { isAfter, type IsoDate } from './dates.js';
import {
  adviceDue,
  amendedPlanDue,
  annualReviewDue,
  appealDeadline,
  commentsDue,
  cutsCommentTimeShort,
  decisionToAssessDue,
  finalPlanDue,
  noPlanNoticeDue,
  phaseTransferDue,
  reviewDecisionDue,
} from './deadlines.js';
import { isLiftable } from './exemptions.js';

export type DueDateKey =
  | 'decision-to-assess'
  | 'advice'
  | 'no-plan-notice'
  | 'final-plan'
  | 'draft-plan-comments'
  | 'annual-review'
  | 'review-decision'
  | 'amendment-comments'
  | 'amended-plan'
  | 'next-annual-review'
  | 'phase-transfer'
  | 'appeal';

/** The decision an appeal deadline is about. */
export type AppealAbout = 'not-assess' | 'not-issue' | 'final-plan' | 'keep' | 'amended-plan' | 'cease';

export interface DueDate {
  key: DueDateKey;
  /** What the dashboard shows before the date, e.g. 'Decision due'. */
  label: string;
  date: IsoDate;
  /** Who must act by the date: the council (a statutory duty) or the family (a window to comment or appeal). */
  by: 'council' | 'family';
  /** For an appeal deadline: the decision it is about. */
  appealAbout?: AppealAbout;
  /** When the council did what was due (council dates only). */
  metOn?: IsoDate;
  /** Met, but after the date. */
  metLate: boolean;
  /** Today is after the date (a date is never passed on the day itself). */
  passed: boolean;
  /** A council date, not met, not lifted, and passed. */
  overdue: boolean;
  /** An exemption means this time limit no longer applies. */
  lifted: boolean;
  /** A family window closed before its date because the plan it was about has been issued. */
  endedOn?: IsoDate;
}

interface Entry {
  key: DueDateKey;
  label: string;
  date: IsoDate;
  by: 'council' | 'family';
  appealAbout?: AppealAbout;
  metOn?: IsoDate | undefined;
  endedOn?: IsoDate | undefined;
}

/** The plan's date, when it was issued before the family's time to comment had run out. */
function endedEarly(sent: IsoDate, planIssued: IsoDate | undefined): IsoDate | undefined {
  return planIssued !== undefined && cutsCommentTimeShort(sent, planIssued) ? planIssued : undefined;
}

const APPEAL_LABEL = 'Appeal deadline';

function appeal(about: AppealAbout, letter: IsoDate, mediationCertificate?: IsoDate): Entry {
  return {
    key: 'appeal',
    label: APPEAL_LABEL,
    date: appealDeadline(letter, mediationCertificate),
    by: 'family',
    appealAbout: about,
  };
}

function assessmentEntries(facts: CaseFacts): Entry[] {
  const entries: Entry[] = [];
  const received = facts.requestReceived;
  const decision = facts.decisionToAssess;
  entries.push({
    key: 'decision-to-assess',
    label: 'Decision due',
    date: decisionToAssessDue(received),
    by: 'council',
    metOn: decision?.date,
  });
  if (decision?.outcome === 'not-assess') {
    entries.push(appeal('not-assess', decision.date, decision.mediationCertificate));
    return entries;
  }
  if (facts.adviceRequested) {
    entries.push({
      key: 'advice',
      label: 'Advice due',
      date: adviceDue(facts.adviceRequested),
      by: 'council',
      metOn: facts.adviceReceived,
    });
  }
  if (decision?.outcome !== 'assess') return entries;

  const after = facts.decisionAfterAssessment;
  const issuing =
    after?.outcome === 'issue' || facts.draftPlanIssued !== undefined || facts.finalPlanIssued !== undefined;
  if (after?.outcome === 'not-issue') {
    entries.push({
      key: 'no-plan-notice',
      label: 'Decision on a plan due',
      date: noPlanNoticeDue(received),
      by: 'council',
      metOn: after.date,
    });
    entries.push(appeal('not-issue', after.date, after.mediationCertificate));
    return entries;
  }
  if (!issuing) {
    entries.push({
      key: 'no-plan-notice',
      label: 'Decision on a plan due',
      date: noPlanNoticeDue(received),
      by: 'council',
    });
  }
  if (facts.draftPlanIssued) {
    entries.push({
      key: 'draft-plan-comments',
      label: 'Comments on draft plan due',
      date: commentsDue(facts.draftPlanIssued),
      by: 'family',
      endedOn: endedEarly(facts.draftPlanIssued, facts.finalPlanIssued),
    });
  }
  entries.push({
    key: 'final-plan',
    label: 'Final plan due',
    date: finalPlanDue(received),
    by: 'council',
    metOn: facts.finalPlanIssued,
  });
  if (facts.finalPlanIssued) entries.push(appeal('final-plan', facts.finalPlanIssued));
  return entries;
}

function reviewEntries(facts: CaseFacts, today: IsoDate): Entry[] {
  const review = facts.annualReview ?? {};
  const base = review.lastReviewMeeting ?? facts.finalPlanIssued;
  if (!base) return [];
  const entries: Entry[] = [];
  const meetingHeld = review.meeting !== undefined && !isAfter(review.meeting, today) ? review.meeting : undefined;
  entries.push({
    key: 'annual-review',
    label: 'Annual review due',
    date: annualReviewDue(base),
    by: 'council',
    metOn: meetingHeld,
  });
  if (review.meeting) {
    entries.push({
      key: 'review-decision',
      label: 'Review decision due',
      date: reviewDecisionDue(review.meeting),
      by: 'council',
      metOn: review.decision?.date,
    });
  }
  const decision = review.decision;
  if (!decision) return entries;
  const nextReview = (): Entry => ({
    key: 'next-annual-review',
    label: 'Next annual review due',
    date: annualReviewDue(review.meeting ?? decision.date),
    by: 'council',
  });
  if (decision.outcome === 'keep') {
    entries.push(appeal('keep', decision.date, decision.mediationCertificate), nextReview());
  } else if (decision.outcome === 'cease') {
    entries.push(appeal('cease', decision.date, decision.mediationCertificate));
  } else {
    const proposed = review.amendmentsProposed ?? decision.date;
    entries.push({
      key: 'amendment-comments',
      label: 'Comments on proposed changes due',
      date: commentsDue(proposed),
      by: 'family',
      endedOn: endedEarly(proposed, review.amendedPlanIssued),
    });
    entries.push({
      key: 'amended-plan',
      label: 'Amended plan due',
      date: amendedPlanDue(proposed),
      by: 'council',
      metOn: review.amendedPlanIssued,
    });
    if (review.amendedPlanIssued) entries.push(appeal('amended-plan', review.amendedPlanIssued), nextReview());
  }
  return entries;
}

function phaseTransferEntries(facts: CaseFacts): Entry[] {
  const move = facts.phaseTransfer;
  if (!move) return [];
  const label = move.kind === 'post-16' ? 'Plan for post-16 due' : 'Plan for next school due';
  return [
    {
      key: 'phase-transfer',
      label,
      date: phaseTransferDue(move.kind, move.transferYear),
      by: 'council',
      metOn: move.amendedPlanIssued,
    },
  ];
}

/** Every due date that applies to the case, in the order of the process. */
export function computeDueDates(facts: CaseFacts, today: IsoDate): DueDate[] {
  const entries = [...assessmentEntries(facts), ...reviewEntries(facts, today), ...phaseTransferEntries(facts)];
  return entries.map(({ metOn, endedOn, ...entry }) => {
    const passed = isAfter(today, entry.date) || (endedOn !== undefined && !isAfter(endedOn, today));
    const lifted = facts.exemption !== undefined && metOn === undefined && isLiftable(entry.key);
    const dueDate: DueDate = {
      ...entry,
      metLate: metOn !== undefined && isAfter(metOn, entry.date),
      passed,
      overdue: entry.by === 'council' && metOn === undefined && !lifted && passed,
      lifted,
    };
    if (metOn !== undefined) dueDate.metOn = metOn;
    if (endedOn !== undefined) dueDate.endedOn = endedOn;
    return dueDate;
  });
}

export function findDueDate(
  dueDates: readonly DueDate[],
  key: DueDateKey,
  appealAbout?: AppealAbout,
): DueDate | undefined {
  return dueDates.find((d) => d.key === key && (appealAbout === undefined || d.appealAbout === appealAbout));
}
