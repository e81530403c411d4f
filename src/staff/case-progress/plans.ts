import { z } from 'zod';
import { commentsDue, cutsCommentTimeShort, formatGuideDate } from '../../ehc/index.js';
import { optionalText } from '../../web/forms/fields.js';
import { govukDate } from '../../web/forms/dates.js';
import { formatDate } from '../../web/format.js';
import { updateCaseColumns } from './decision-data.js';
import { needsAssessment } from './decisions.js';
import { dateValues, type ProgressStep, type StepContext } from './step.js';

type IssuedData = { issuedOn: string };
type FinalPlanData = IssuedData & { earlyReason?: string };

const issuedSchema = (ctx: StepContext, which: 'draft' | 'final') =>
  z.object({
    issuedOn: govukDate({
      label: `Date the ${which} plan was issued`,
      missing: `Enter the date the ${which} plan was issued`,
      notAfter: ctx.today,
      notBefore: [ctx.found.requestReceived, 'the date the request was received'],
    }),
  });

/** Moving the draft's date later must not leave the family less than 15 days before a final plan already recorded. */
function draftRedatedTooLate(ctx: StepContext, data: IssuedData): [string, string][] {
  const final = ctx.facts.finalPlanIssued;
  const before = ctx.facts.draftPlanIssued;
  if (!final || !cutsCommentTimeShort(data.issuedOn, final)) return [];
  if (before && cutsCommentTimeShort(before, final)) return []; // Already recorded early, with its reason.
  return [
    [
      'issuedOn',
      `The final plan was issued on ${formatDate(final)}. The draft plan must have been issued at least 15 days before it`,
    ],
  ];
}

export const draftPlan: ProgressStep<IssuedData> = {
  slug: 'draft-plan',
  title: 'Record the draft plan issued',
  view: 'staff/progress/draft-plan',
  dateFields: ['issuedOn'],
  upload: { field: 'plan', kind: 'draft-plan', missing: 'Select the draft plan' },
  blocked: needsAssessment,
  schema: (ctx) => issuedSchema(ctx, 'draft'),
  initialValues: (ctx) => dateValues('issuedOn', ctx.facts.draftPlanIssued),
  proposed: (ctx, data) => ({ ...ctx.facts, draftPlanIssued: data.issuedOn }),
  factFields: { draftPlanIssued: 'issuedOn' },
  ruleErrors: draftRedatedTooLate,
  async apply(client, ctx, data) {
    await updateCaseColumns(client, ctx.found.id, { draft_plan_issued_on: data.issuedOn }, ctx.now);
    const due = commentsDue(data.issuedOn);
    return {
      stageLabel: 'Draft plan',
      summary: `We have issued a draft EHC plan. You have until ${formatGuideDate(due)} to comment on it and to ask for a particular school or college.`,
      timeline: `Draft EHC plan issued on ${formatDate(data.issuedOn)}. Comments are due by ${formatDate(due)}.`,
      auditAction: 'staff.case.draft-plan-recorded',
      auditDetails: { issuedOn: data.issuedOn, commentsDue: due, documentId: ctx.documentId },
    };
  },
};

/**
 * The family has 15 days to comment on the draft (reg. 13(1)): a final plan issued before they are
 * up would take them away, unless the family has said they agree or staff say why (the audit keeps it).
 */
function finalPlanTooEarly(ctx: StepContext, data: FinalPlanData): [string, string][] {
  const draft = ctx.facts.draftPlanIssued;
  if (!draft || !cutsCommentTimeShort(draft, data.issuedOn) || ctx.familyAgreedToDraft || data.earlyReason) return [];
  return [
    [
      'issuedOn',
      `The family can comment on the draft plan until ${formatDate(commentsDue(draft))}. Enter a date after that, or give the reason the final plan was issued before then`,
    ],
  ];
}

export const finalPlan: ProgressStep<FinalPlanData> = {
  slug: 'final-plan',
  title: 'Record the final plan issued',
  view: 'staff/progress/final-plan',
  dateFields: ['issuedOn'],
  upload: { field: 'plan', kind: 'final-plan', missing: 'Select the final plan' },
  blocked: (ctx) => (ctx.facts.draftPlanIssued ? undefined : 'Record the draft plan first.'),
  schema: (ctx) =>
    issuedSchema(ctx, 'final').extend({
      earlyReason: optionalText(2000, 'The reason the final plan was issued early must be 2,000 characters or fewer'),
    }),
  ruleErrors: finalPlanTooEarly,
  situation: (ctx) => {
    const draft = ctx.facts.draftPlanIssued;
    if (!draft || ctx.facts.finalPlanIssued) return undefined;
    return ctx.familyAgreedToDraft
      ? 'The family have said they agree with the draft plan, so the final plan can be issued before their time to comment ends.'
      : `The family can comment on the draft plan until ${formatDate(commentsDue(draft))}. Issue the final plan after that date, unless you give a reason below.`;
  },
  initialValues: (ctx) => dateValues('issuedOn', ctx.facts.finalPlanIssued),
  proposed: (ctx, data) => ({ ...ctx.facts, finalPlanIssued: data.issuedOn }),
  factFields: { finalPlanIssued: 'issuedOn' },
  async apply(client, ctx, data) {
    await updateCaseColumns(client, ctx.found.id, { final_plan_issued_on: data.issuedOn }, ctx.now);
    const draft = ctx.facts.draftPlanIssued;
    const early = draft !== undefined && cutsCommentTimeShort(draft, data.issuedOn);
    return {
      stageLabel: 'Final plan',
      summary: 'We have issued the final EHC plan. The plan is on EHC Hub.',
      timeline: `Final EHC plan issued on ${formatDate(data.issuedOn)}.`,
      auditAction: 'staff.case.final-plan-recorded',
      auditDetails: {
        issuedOn: data.issuedOn,
        documentId: ctx.documentId,
        ...(early
          ? {
              commentsDue: commentsDue(draft),
              earlyBecause: ctx.familyAgreedToDraft ? 'The family agreed with the draft plan' : data.earlyReason,
            }
          : {}),
      },
    };
  },
};
