/**
 * The words for the first stages: request received (word for word the parent guide's), the
 * decision whether to assess, the assessment and the decision whether to issue a plan.
 */
import { formatGuideDate as fmt } from './dates.js';
import {
  appealRights,
  CONTACT_DETAILS,
  due,
  exemptionParagraph,
  sorryOverdue,
  type StatusText,
  type TextContext,
} from './status-text-common.js';

export function requestReceivedText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const decision = due(ctx, 'decision-to-assess');
  const next =
    decision.lifted && facts.exemption
      ? [
          exemptionParagraph(
            v,
            facts.exemption,
            `decide whether or not to proceed with an EHC needs assessment for ${v.name} by ${fmt(decision.date)}`,
          ),
          'We will make our decision as soon as we can. You will be notified once a decision has been made.',
        ]
      : [
          `We must decide whether or not to proceed with an EHC needs assessment for ${v.name} by ${fmt(decision.date)}. ` +
            'You will be notified once a decision has been made.',
          ...sorryOverdue(decision),
        ];
  return {
    statusLine: `We have received a request for an EHC needs assessment relating to ${v.name}.`,
    whatDoesThisMean: [
      v.pick(
        `We have received a request for an EHC needs assessment for ${v.name} and have shared this with you. ` +
          'If the request did not come from yourself, in most cases it means it has come from the education setting. ' +
          'There is opportunity to gather more information from you and the education setting to make sure that we ' +
          'have all the information necessary to make an informed decision on the next step.',
        'We have received a request for an EHC needs assessment for you and have shared this with you. ' +
          'If the request did not come from yourself, in most cases it means it has come from your education setting. ' +
          'There is opportunity to gather more information from you and your education setting to make sure that we ' +
          'have all the information necessary to make an informed decision on the next step.',
      ),
    ],
    whatShouldIBeDoing: [
      v.pick(
        'Now is your opportunity to read the request and add your comments or other relevant information. ' +
          `You can also add comments on behalf of ${v.name}. This means that your views are taken into consideration ` +
          'when we make our decision on the next step. If you are unsure, please contact the education setting or ' +
          `case co-ordinator. ${CONTACT_DETAILS}`,
        'Now is your opportunity to read the request and add your comments or other relevant information. ' +
          'This means that your views are taken into consideration when we make our decision on the next step. ' +
          `If you are unsure, please contact your education setting or case co-ordinator. ${CONTACT_DETAILS}`,
      ),
    ],
    whatHappensNext: next,
  };
}

export function notAssessingText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const decided = facts.decisionToAssess?.date ?? facts.requestReceived;
  return {
    statusLine: `We have decided not to carry out an EHC needs assessment for ${v.name}.`,
    whatDoesThisMean: [
      `We have looked carefully at the request and the information from you and ${v.pick('the', 'your')} education setting. ` +
        `On ${fmt(decided)} we decided not to carry out an EHC needs assessment for ${v.name} at this time. ` +
        'Our reasons are in the decision letter, which you can download from the Decision stage.',
      v.pick(
        `This does not mean that ${v.name} has no special educational needs. ${v.poss} education setting should ` +
          `continue to support ${v.name} with the help it can give (SEN support).`,
        'This does not mean that you have no special educational needs. Your education setting should continue to ' +
          'support you with the help it can give (SEN support).',
      ),
    ],
    whatShouldIBeDoing: ['Read the decision letter carefully.', ...appealRights(ctx, 'not-assess', 'this decision')],
    whatHappensNext: [
      'If you do not appeal, there is nothing more to do on this request. If you appeal and the tribunal orders an ' +
        'assessment, we will carry it out.',
      v.pick(
        `If ${v.name}'s needs change, you or the education setting can ask for an EHC needs assessment again.`,
        'If your needs change, you or your education setting can ask for an EHC needs assessment again.',
      ),
    ],
  };
}

/** The final-plan date, or the exemption that lifts it, for the assessment and draft-plan stages. */
function finalPlanParagraphs(ctx: TextContext, withNoPlanNotice: boolean): string[] {
  const { v, facts } = ctx;
  const finalPlan = due(ctx, 'final-plan');
  const notice = withNoPlanNotice ? due(ctx, 'no-plan-notice') : undefined;
  if (finalPlan.lifted && facts.exemption) {
    const normally = notice
      ? `tell you by ${fmt(notice.date)} if we decide not to issue a plan, and issue the final EHC plan by ${fmt(finalPlan.date)}`
      : `issue the final EHC plan by ${fmt(finalPlan.date)}`;
    return [
      exemptionParagraph(v, facts.exemption, normally, notice !== undefined),
      'We will do this as soon as we can and keep you updated.',
    ];
  }
  const noticeSentence = notice ? `If we decide not to issue a plan, we must tell you by ${fmt(notice.date)}. ` : '';
  return [
    `${noticeSentence}The final EHC plan must be issued by ${fmt(finalPlan.date)}, 20 weeks from when we received the request.`,
    ...(notice ? sorryOverdue(notice) : []),
    ...sorryOverdue(finalPlan),
  ];
}

export function assessingText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const decided = facts.decisionToAssess?.date ?? facts.requestReceived;
  const meaning = [
    `On ${fmt(decided)} we decided to carry out an EHC needs assessment for ${v.name}. The assessment finds out what ` +
      `${v.poss} special educational needs are and what support ${v.pick(`${v.name} needs`, 'you need')}. ` +
      `We are gathering advice and information from you, ${v.poss} education setting, and education, health and care ` +
      'professionals, such as an educational psychologist.',
  ];
  if (facts.adviceRequested) {
    const advice = due(ctx, 'advice');
    meaning.push(
      advice.metOn
        ? `We asked the professionals for their advice on ${fmt(facts.adviceRequested)} and received it on ${fmt(advice.metOn)}.`
        : `We asked the professionals for their advice on ${fmt(facts.adviceRequested)}. They must give it to us within 6 weeks, by ${fmt(advice.date)}.`,
      ...(advice.overdue ? ['The advice is now late. We are sorry for the delay.'] : []),
    );
  }
  return {
    statusLine: `We are carrying out an EHC needs assessment for ${v.name}.`,
    whatDoesThisMean: meaning,
    whatShouldIBeDoing: [
      v.pick(
        `Now is your opportunity to tell us about ${v.name}: ${v.poss} needs, what has helped, and what you and ` +
          `${v.name} would like ${v.name} to achieve. You can add comments and documents to the request, including ` +
          `${v.poss} own views. This means that your views and ${v.poss} views are taken into account in the assessment.`,
        'Now is your opportunity to tell us about yourself: your needs, what has helped you, and what you would like ' +
          'to achieve. You can add comments and documents to the request. This means that your views are taken into ' +
          'account in the assessment.',
      ),
      // Once all the advice has arrived, the professionals have finished: no appointments to go to.
      ...(facts.adviceReceived
        ? []
        : [
            v.pick(
              `Professionals may contact you to arrange to meet ${v.name}. Please help ${v.name} to get to these ` +
                'appointments, because a missed appointment can delay the assessment.',
              'Professionals may contact you to arrange to meet you. Please go to these appointments, because a missed ' +
                'appointment can delay the assessment.',
            ),
          ]),
      `If you are unsure, please contact ${v.pick('the', 'your')} education setting or case co-ordinator. ${CONTACT_DETAILS}`,
    ],
    whatHappensNext: [
      `When the assessment is finished, we will decide whether ${v.pick(`${v.name} needs`, 'you need')} an EHC plan. ` +
        'If we decide to issue one, we will first send you a draft plan to comment on.',
      ...finalPlanParagraphs(ctx, true),
    ],
  };
}

export function issuingPlanText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const decided = facts.decisionAfterAssessment?.date ?? facts.requestReceived;
  return {
    statusLine: `We have decided to issue an EHC plan for ${v.name}.`,
    whatDoesThisMean: [
      `We have finished the EHC needs assessment for ${v.name}. On ${fmt(decided)} we decided that ` +
        `${v.pick(`${v.name} needs`, 'you need')} an EHC plan. We are now writing a draft plan, which sets out ` +
        `${v.poss} needs, the outcomes ${v.pick(`${v.name} is`, 'you are')} working towards and the support ` +
        `${v.pick(`${v.name} will`, 'you will')} get.`,
    ],
    whatShouldIBeDoing: [
      `You do not need to do anything yet. You might like to think about which school or college you would like ` +
        `to be named in ${v.poss} plan.`,
      `If you are unsure, please contact ${v.pick('the', 'your')} education setting or case co-ordinator. ${CONTACT_DETAILS}`,
    ],
    whatHappensNext: [
      'We will send you the draft plan. You will then have at least 15 calendar days to comment on it and to tell us ' +
        'which school or college you would like to be named.',
      ...finalPlanParagraphs(ctx, false),
    ],
  };
}

export function notIssuingPlanText(ctx: TextContext): StatusText {
  const { v, facts } = ctx;
  const decided = facts.decisionAfterAssessment?.date ?? facts.requestReceived;
  return {
    statusLine: `We have decided not to issue an EHC plan for ${v.name}.`,
    whatDoesThisMean: [
      `We have finished the EHC needs assessment for ${v.name}. We looked carefully at all the advice and information ` +
        `gathered, and on ${fmt(decided)} decided that ${v.poss} needs can be met without an EHC plan. ` +
        'Our reasons are in the decision letter, which you can download from the Assessment stage.',
      `The advice and information from the assessment can still help ${v.poss} education setting to support ${v.name}.`,
    ],
    whatShouldIBeDoing: ['Read the decision letter carefully.', ...appealRights(ctx, 'not-issue', 'this decision')],
    whatHappensNext: [
      'If you do not appeal, there is nothing more to do on this request. If you appeal and the tribunal orders us ' +
        'to issue a plan, we will write a draft plan and send it to you to comment on.',
      v.pick(
        `${v.poss} education setting should continue to meet ${v.poss} needs with the help it can give (SEN support).`,
        'Your education setting should continue to meet your needs with the help it can give (SEN support).',
      ),
    ],
  };
}
