/** The words for the annual review before the council's decision: due, overdue, the meeting planned or held. */
import { formatGuideDate as fmt, isBefore } from './dates.js';
import { findDueDate } from './due-dates.js';
import {
  CONTACT_DETAILS,
  due,
  phaseTransferParagraphs,
  sorryOverdue,
  type StatusText,
  type TextContext,
  type Voice,
} from './status-text-common.js';

function whyReview(v: Voice): string {
  return `${v.Poss} EHC plan must be reviewed at least every 12 months.`;
}

function whoLooks(v: Voice, lookAt = 'look at'): string {
  return v.pick(
    `you, ${v.name}, ${v.poss} school or college and the professionals who work with ${v.name} ${lookAt} the progress ` +
      `${v.name} has made and whether the plan is still right`,
    `you, your school or college and the professionals who work with you ${lookAt} the progress you have made and ` +
      'whether the plan is still right',
  );
}

function thinkAbout(v: Voice): string {
  return v.pick(
    `think about what has gone well for ${v.name}, what has changed and what ${v.name} would like in the future.`,
    'think about what has gone well for you, what has changed and what you would like in the future.',
  );
}

const DECISION_WITHIN_4_WEEKS = (v: Voice): string =>
  `After the meeting, we must tell you within 4 weeks whether we will keep ${v.poss} plan as it is, amend it, or stop maintaining it.`;

/** The review that is awaited now: the next one after a completed cycle, otherwise this one. */
function pendingReview(ctx: TextContext) {
  return findDueDate(ctx.dueDates, 'next-annual-review') ?? due(ctx, 'annual-review');
}

export function annualReviewDueText(ctx: TextContext): StatusText {
  const { v } = ctx;
  const review = pendingReview(ctx);
  return {
    statusLine: `${v.Poss} annual review is due by ${fmt(review.date)}.`,
    whatDoesThisMean: [`${whyReview(v)} At the annual review, ${whoLooks(v)}.`],
    whatShouldIBeDoing: [
      `Before the review, ${thinkAbout(v)}`,
      `You will be invited to the review meeting. ${v.Poss} school or college or your ` +
        `case co-ordinator will contact you to arrange it. ${CONTACT_DETAILS}`,
    ],
    whatHappensNext: [
      `The review meeting must be held by ${fmt(review.date)}. ${DECISION_WITHIN_4_WEEKS(v)}`,
      ...phaseTransferParagraphs(ctx),
    ],
  };
}

export function annualReviewOverdueText(ctx: TextContext): StatusText {
  const { v } = ctx;
  const review = pendingReview(ctx);
  return {
    statusLine: `${v.Poss} annual review is overdue.`,
    whatDoesThisMean: [
      `${whyReview(v)} The review was due by ${fmt(review.date)}, and no review meeting has been held yet.`,
      `The plan stays in place, and ${v.pick(`${v.name} should`, 'you should')} keep getting the support set out in it.`,
    ],
    whatShouldIBeDoing: [
      `Please contact your case co-ordinator to arrange the review meeting. ${CONTACT_DETAILS}`,
      `Before the meeting, ${thinkAbout(v)}`,
    ],
    whatHappensNext: [
      `We are sorry that we have not met the deadline of ${fmt(review.date)}. The review meeting will be arranged as ` +
        `soon as possible. ${DECISION_WITHIN_4_WEEKS(v)}`,
      ...phaseTransferParagraphs(ctx),
    ],
  };
}

export function meetingPlannedText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const meeting = facts.annualReview?.meeting ?? ctx.today;
  const review = due(ctx, 'annual-review');
  const late = isBefore(review.date, meeting)
    ? [`The review was due by ${fmt(review.date)}, so this meeting is late. We are sorry for the delay.`]
    : [];
  return {
    statusLine: `${v.Poss} annual review meeting is on ${fmt(meeting)}.`,
    whatDoesThisMean: [`${whyReview(v)} At the meeting on ${fmt(meeting)}, ${whoLooks(v, 'will look at')}.`, ...late],
    whatShouldIBeDoing: [
      'You should be sent the advice and reports for the review at least 2 weeks before the meeting. Read them, and ' +
        thinkAbout(v),
      v.pick(
        `You can also give ${v.poss} views, or help ${v.name} to give them at the meeting.`,
        'You can give your views at the meeting, or send them before it.',
      ),
    ],
    whatHappensNext: [
      `After the meeting, we must tell you by ${fmt(due(ctx, 'review-decision').date)} whether we will keep ${v.poss} ` +
        'plan as it is, amend it, or stop maintaining it. This is within 4 weeks of the meeting.',
      ...phaseTransferParagraphs(ctx),
    ],
  };
}

export function meetingHeldText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const meeting = facts.annualReview?.meeting ?? ctx.today;
  const decision = due(ctx, 'review-decision');
  return {
    statusLine: `${v.Poss} annual review meeting was held on ${fmt(meeting)}.`,
    whatDoesThisMean: [
      `At the annual review meeting on ${fmt(meeting)}, everyone looked at the progress ${v.pick(`${v.name} has`, 'you have')} ` +
        `made and whether ${v.poss} EHC plan is still right. We are now deciding whether to keep the plan as it is, ` +
        'amend it, or stop maintaining it.',
    ],
    whatShouldIBeDoing: [
      `You do not need to do anything right now. If there is something you did not say at the meeting, please contact ` +
        `your case co-ordinator. ${CONTACT_DETAILS}`,
    ],
    whatHappensNext: [
      `We must tell you our decision by ${fmt(decision.date)}, within 4 weeks of the meeting.`,
      ...sorryOverdue(decision),
      ...phaseTransferParagraphs(ctx),
    ],
  };
}
