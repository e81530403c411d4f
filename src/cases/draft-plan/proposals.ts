/**
 * What the family is asked to answer within 15 days: the draft plan, or the changes proposed to
 * the plan after an annual review. The same form answers both (see draft-plan-routes.ts).
 */
import { commentsDue, cutsCommentTimeShort, isAfter, type CaseFacts, type IsoDate } from '../../ehc/index.js';

export type ProposalKind = 'draft-plan' | 'amendments';

export interface Proposal {
  kind: ProposalKind;
  sentOn: IsoDate;
  /** The last day to comment. */
  dueOn: IsoDate;
  /** The family can still send a response today. */
  open: boolean;
  /** When the time to comment ended (or ends): the last day, or the day the plan was issued if that came first. */
  endedOn: IsoDate;
  endedByPlan: boolean;
}

function sentOn(kind: ProposalKind, facts: CaseFacts): IsoDate | undefined {
  if (kind === 'draft-plan') return facts.draftPlanIssued;
  const review = facts.annualReview;
  return review?.decision?.outcome === 'amend' ? (review.amendmentsProposed ?? review.decision.date) : undefined;
}

const planIssued = (kind: ProposalKind, facts: CaseFacts) =>
  kind === 'draft-plan' ? facts.finalPlanIssued : facts.annualReview?.amendedPlanIssued;

/** The draft plan or proposed changes of the case, if there are any; open from the day sent to the last day, inclusive. */
export function proposalOf(kind: ProposalKind, facts: CaseFacts, today: IsoDate): Proposal | undefined {
  const sent = sentOn(kind, facts);
  if (!sent) return undefined;
  const plan = planIssued(kind, facts);
  const dueOn = commentsDue(sent);
  const endedByPlan = plan !== undefined && cutsCommentTimeShort(sent, plan);
  return {
    kind,
    sentOn: sent,
    dueOn,
    open: plan === undefined && !isAfter(today, dueOn),
    endedOn: plan !== undefined && endedByPlan ? plan : dueOn,
    endedByPlan,
  };
}
