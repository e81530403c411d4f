/** The words for the draft plan and the final plan. */
import { formatGuideDate as fmt } from './dates.js';
import { findDueDate } from './due-dates.js';
import {
  appealRights,
  CONTACT_DETAILS,
  due,
  exemptionParagraph,
  phaseTransferParagraphs,
  sorryOverdue,
  type StatusText,
  type TextContext,
} from './status-text-common.js';

export function draftPlanIssuedText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const comments = due(ctx, 'draft-plan-comments');
  const finalPlan = due(ctx, 'final-plan');
  const issued = facts.draftPlanIssued ?? facts.requestReceived;
  const doing = comments.passed
    ? [
        `The time to comment on the draft plan ended on ${fmt(comments.date)}. If you have not yet told us what you ` +
          'think, or which school or college you would like to be named in the plan, please contact your case ' +
          `co-ordinator as soon as possible. ${CONTACT_DETAILS}`,
      ]
    : [
        `Read the draft plan carefully. You have until ${fmt(comments.date)} to comment on it. This gives you at least ` +
          '15 calendar days.',
        'Tell us if anything is wrong or missing, and which school or college you would like to be named in the plan. ' +
          'You can ask for a mainstream or special school or college. You can also ask to meet us to talk about the ' +
          `draft plan.${v.pick(` You can also add comments on behalf of ${v.name}.`, '')}`,
        `If you are unsure, please contact your case co-ordinator. ${CONTACT_DETAILS}`,
      ];
  const finalDate =
    finalPlan.lifted && facts.exemption
      ? [
          exemptionParagraph(v, facts.exemption, `issue the final EHC plan by ${fmt(finalPlan.date)}`),
          'We will do this as soon as we can and keep you updated.',
        ]
      : [
          `The final EHC plan must be issued by ${fmt(finalPlan.date)}, 20 weeks from when we received the request.`,
          ...sorryOverdue(finalPlan),
        ];
  return {
    statusLine: v.pick(`We have sent you a draft EHC plan for ${v.name}.`, 'We have sent you your draft EHC plan.'),
    whatDoesThisMean: [
      `On ${fmt(issued)} we issued ${v.pick(`a draft EHC plan for ${v.name}`, 'your draft EHC plan')}. It sets out ` +
        `${v.poss} needs, the outcomes ${v.pick(`${v.name} is`, 'you are')} working towards and the support ` +
        `${v.pick(`${v.name} will`, 'you will')} get.`,
      'It is a draft so that you can tell us what you think before the plan is finished. The draft does not name a ' +
        'school or college yet.',
    ],
    whatShouldIBeDoing: doing,
    whatHappensNext: [
      'We will consider your comments, and consult the school or college you ask for before we name it in the plan.',
      ...finalDate,
    ],
  };
}

export function finalPlanIssuedText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const issued = facts.finalPlanIssued ?? facts.requestReceived;
  const appeal = findDueDate(ctx.dueDates, 'appeal', 'final-plan');
  const review = due(ctx, 'annual-review');
  const rights =
    appeal && !appeal.passed
      ? appealRights(
          ctx,
          'final-plan',
          `the description of ${v.poss} needs, the support in the plan or the school or college named`,
          true,
        )
      : [];
  return {
    statusLine: `We have issued ${v.poss} final EHC plan.`,
    whatDoesThisMean: [
      `${v.Poss} EHC plan was finalised on ${fmt(issued)}. It sets out ${v.poss} special educational needs, the support ` +
        `${v.pick(`${v.name} must`, 'you must')} get and the school or college named to provide it.`,
      `We must make sure that ${v.pick(`${v.name} gets`, 'you get')} the special educational support set out in the plan.`,
    ],
    whatShouldIBeDoing: [
      'Read the final plan and keep it safe. If you think that the support set out in the plan is not being provided, ' +
        `please contact your case co-ordinator. ${CONTACT_DETAILS}`,
      ...rights,
    ],
    whatHappensNext: [
      `${v.Poss} plan must be reviewed at least every 12 months. The first annual review must be held by ` +
        `${fmt(review.date)}. You will be contacted before then to arrange the review meeting.`,
      ...phaseTransferParagraphs(ctx),
    ],
  };
}
