import type { ProposalKind } from './proposals.js';

/** How each thing the family answers is named on its page, in its answers and to the co-ordinator. */
export interface ProposalWords {
  /** 'the draft plan', 'the proposed changes' */
  thing: string;
  /** 'it', 'them': the thing again. */
  pronoun: string;
  /** The plan that follows: 'the final plan', 'the amended plan'. */
  nextPlan: string;
  heading: string;
  /** The documents that hold it. */
  documentKinds: ('draft-plan' | 'review')[];
  sentSentence: (childFirstName: string, sentOn: string) => string;
  agree: string;
  agreeQuestion: string;
  meeting: string;
  auditAction: string;
  /** The button on the case page. */
  button: string;
}

export const PROPOSAL_WORDS: Record<ProposalKind, ProposalWords> = {
  'draft-plan': {
    thing: 'the draft plan',
    pronoun: 'it',
    nextPlan: 'the final plan',
    heading: 'The draft plan',
    documentKinds: ['draft-plan'],
    sentSentence: (child, sentOn) => `The draft EHC plan for ${child} was issued on ${sentOn}.`,
    agree: 'I agree with the draft plan',
    agreeQuestion: 'Do you agree with the draft plan?',
    meeting: 'I would like a meeting to discuss the draft plan',
    auditAction: 'case.draft-plan.responded',
    button: 'Comment on the draft plan',
  },
  amendments: {
    thing: 'the proposed changes',
    pronoun: 'them',
    nextPlan: 'the amended plan',
    heading: 'The proposed changes to the plan',
    documentKinds: ['review'],
    sentSentence: (child, sentOn) =>
      `The changes we propose to make to ${child}’s EHC plan after the annual review were sent on ${sentOn}.`,
    agree: 'I agree with the proposed changes',
    agreeQuestion: 'Do you agree with the proposed changes?',
    meeting: 'I would like a meeting to discuss the proposed changes',
    auditAction: 'case.amendments.responded',
    button: 'Comment on the proposed changes',
  },
};
