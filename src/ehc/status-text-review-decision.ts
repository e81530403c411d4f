/** The words for the council's decision after an annual review: keep, amend (proposed, then issued) or cease. */
import { formatGuideDate as fmt } from './dates.js';
import {
  appealRights,
  CONTACT_DETAILS,
  due,
  phaseTransferParagraphs,
  sorryOverdue,
  type StatusText,
  type TextContext,
} from './status-text-common.js';

function afterMeeting(ctx: TextContext): string {
  const review = ctx.facts.annualReview;
  const decided = review?.decision?.date ?? ctx.today;
  return review?.meeting
    ? `After the annual review meeting on ${fmt(review.meeting)}, on ${fmt(decided)} we decided`
    : `On ${fmt(decided)} we decided`;
}

function nextReviewParagraph(ctx: TextContext): string {
  return `The next annual review must be held by ${fmt(due(ctx, 'next-annual-review').date)}.`;
}

export function planKeptText(ctx: TextContext): StatusText {
  const { v } = ctx;
  const appeal = due(ctx, 'appeal', 'keep');
  return {
    statusLine: `We have decided to keep ${v.poss} EHC plan as it is.`,
    whatDoesThisMean: [
      `${afterMeeting(ctx)} to keep ${v.poss} EHC plan without changes. The plan stays in place and ` +
        `${v.pick(`${v.name} should`, 'you should')} keep getting the support set out in it.`,
    ],
    whatShouldIBeDoing: [
      `You do not need to do anything right now. If ${v.poss} needs change before the next review, please contact ` +
        `your case co-ordinator. ${CONTACT_DETAILS}`,
      ...(appeal.passed ? [] : appealRights(ctx, 'keep', 'our decision not to change the plan')),
    ],
    whatHappensNext: [nextReviewParagraph(ctx), ...phaseTransferParagraphs(ctx)],
  };
}

export function amendmentsProposedText(ctx: TextContext): StatusText {
  const { v } = ctx;
  const comments = due(ctx, 'amendment-comments');
  const amended = due(ctx, 'amended-plan');
  return {
    statusLine: `We propose to make changes to ${v.poss} EHC plan.`,
    whatDoesThisMean: [
      `${afterMeeting(ctx)} that ${v.poss} EHC plan should be amended. We have sent you the proposed changes.`,
    ],
    whatShouldIBeDoing: comments.passed
      ? [
          `The time to comment on the proposed changes ended on ${fmt(comments.date)}. If you have not yet told us what ` +
            `you think, please contact your case co-ordinator as soon as possible. ${CONTACT_DETAILS}`,
        ]
      : [
          `Read the proposed changes carefully. You have until ${fmt(comments.date)} to tell us what you think. This ` +
            'gives you at least 15 calendar days.',
          'You can also tell us which school or college you would like to be named in the plan, and ask to meet us to ' +
            `talk about the changes. If you are unsure, please contact your case co-ordinator. ${CONTACT_DETAILS}`,
        ],
    whatHappensNext: [
      `We will consider your comments and then issue the amended plan. We must issue it by ${fmt(amended.date)}, ` +
        'within 8 weeks of sending you the proposed changes.',
      ...sorryOverdue(amended),
      ...phaseTransferParagraphs(ctx),
    ],
  };
}

export function amendedPlanIssuedText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const issued = facts.annualReview?.amendedPlanIssued ?? ctx.today;
  const appeal = due(ctx, 'appeal', 'amended-plan');
  return {
    statusLine: `We have issued ${v.poss} amended EHC plan.`,
    whatDoesThisMean: [
      `${v.Poss} amended EHC plan was issued on ${fmt(issued)}. It replaces the previous plan, and ` +
        `${v.pick(`${v.name} should`, 'you should')} now get the support set out in it.`,
    ],
    whatShouldIBeDoing: [
      'Read the amended plan and keep it safe.',
      ...(appeal.passed
        ? []
        : appealRights(
            ctx,
            'amended-plan',
            `the description of ${v.poss} needs, the support in the plan or the school or college named`,
            true,
          )),
    ],
    whatHappensNext: [nextReviewParagraph(ctx), ...phaseTransferParagraphs(ctx)],
  };
}

export function planCeasedText(ctx: TextContext): StatusText {
  const { v } = ctx;
  const appeal = due(ctx, 'appeal', 'cease');
  return {
    statusLine: `We have decided to stop maintaining ${v.poss} EHC plan.`,
    whatDoesThisMean: [
      `${afterMeeting(ctx)} to stop maintaining ${v.poss} EHC plan. Our reasons are in the decision letter.`,
      `${v.Poss} plan stays in place until the time to appeal has passed or, if you appeal, until the appeal is decided.`,
    ],
    whatShouldIBeDoing: ['Read the decision letter carefully.', ...appealRights(ctx, 'cease', 'this decision')],
    whatHappensNext: [
      appeal.passed
        ? `The time to appeal ended on ${fmt(appeal.date)}. Unless you have appealed, we will stop maintaining ${v.poss} plan.`
        : `If you do not appeal, we will stop maintaining ${v.poss} plan after ${fmt(appeal.date)}.`,
    ],
  };
}
