/**
 * What the council has recorded about one child's EHC process: plain data that a database row (and
 * its decisions) can fill. Every date is 'YYYY-MM-DD'. Leave out what has not happened yet.
 */
import type { IsoDate } from './dates.js';
import type { PhaseTransferKind } from './deadlines.js';

export type Requester = 'parent' | 'school' | 'young-person' | 'other';

/** Who reads the text: a parent or carer ("relating to Barney") or the young person ("relating to you"). */
export type Audience = 'parent' | 'young-person';

/** A decision the family is told about by letter; `date` is the date of the decision letter. */
export interface Decision<Outcome extends string> {
  outcome: Outcome;
  date: IsoDate;
  /** The date on a mediation certificate about this decision, if the family has one. */
  mediationCertificate?: IsoDate;
}

export type ExemptionKind = 'setting-closed' | 'exceptional-personal-circumstances' | 'family-away';

/** A reason, allowed by the regulations, why the council cannot keep to the assessment time limits. */
export interface Exemption {
  kind: ExemptionKind;
  /** Free text from the case co-ordinator, shown to the family. */
  reason: string;
  /** When it was recorded (for the record; not used in the date rules). */
  recordedOn?: IsoDate;
}

export interface AnnualReviewFacts {
  /** The last completed review meeting, if the plan has been reviewed before. */
  lastReviewMeeting?: IsoDate;
  /** This review's meeting: planned when later than today, held when today or earlier. */
  meeting?: IsoDate;
  /** The council's decision after the meeting (letter date). */
  decision?: Decision<'keep' | 'amend' | 'cease'>;
  /** When the proposed amendments were sent; defaults to the decision date for 'amend'. */
  amendmentsProposed?: IsoDate;
  amendedPlanIssued?: IsoDate;
}

export interface PhaseTransferFacts {
  kind: PhaseTransferKind;
  /** The calendar year of the move (usually September). */
  transferYear: number;
  /** When the plan amended for the move (naming the new school or college) was issued. */
  amendedPlanIssued?: IsoDate;
}

export interface CaseFacts {
  childFirstName: string;
  requestReceived: IsoDate;
  requestedBy: Requester;
  audience: Audience;
  decisionToAssess?: Decision<'assess' | 'not-assess'>;
  adviceRequested?: IsoDate;
  adviceReceived?: IsoDate;
  /** The decision once the assessment is finished: issue a plan, or not. */
  decisionAfterAssessment?: Decision<'issue' | 'not-issue'>;
  draftPlanIssued?: IsoDate;
  finalPlanIssued?: IsoDate;
  annualReview?: AnnualReviewFacts;
  phaseTransfer?: PhaseTransferFacts;
  exemption?: Exemption;
}

export const REQUESTER_LABELS: Record<Requester, string> = {
  parent: 'Parent or carer',
  school: 'Education setting',
  'young-person': 'Young person',
  other: 'Someone else',
};

/** Who made the request, written one way on every page: 'Education setting: Edgehill Primary School'. */
export function requesterText(requestedBy: Requester, requesterName?: string | null): string {
  const who = REQUESTER_LABELS[requestedBy] ?? REQUESTER_LABELS.other;
  const name = requesterName?.trim();
  return name ? `${who}: ${name}` : who;
}
