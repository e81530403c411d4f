import { z } from 'zod';
import { commentsDue, formatGuideDate } from '../../ehc/index.js';
import { govukDate } from '../forms/dates.js';
import { formatDate } from '../format.js';
import { updateCaseColumns } from './decision-data.js';
import { needsAssessment } from './decisions.js';
import { dateValues, type ProgressStep, type StepContext } from './step.js';

type IssuedData = { issuedOn: string };

const issuedSchema = (ctx: StepContext, which: 'draft' | 'final') =>
  z.object({
    issuedOn: govukDate({
      label: `Date the ${which} plan was issued`,
      missing: `Enter the date the ${which} plan was issued`,
      notAfter: ctx.today,
      notBefore: [ctx.found.requestReceived, 'the date the request was received'],
    }),
  });

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

export const finalPlan: ProgressStep<IssuedData> = {
  slug: 'final-plan',
  title: 'Record the final plan issued',
  view: 'staff/progress/final-plan',
  dateFields: ['issuedOn'],
  upload: { field: 'plan', kind: 'final-plan', missing: 'Select the final plan' },
  blocked: (ctx) => (ctx.facts.draftPlanIssued ? undefined : 'Record the draft plan first.'),
  schema: (ctx) => issuedSchema(ctx, 'final'),
  initialValues: (ctx) => dateValues('issuedOn', ctx.facts.finalPlanIssued),
  proposed: (ctx, data) => ({ ...ctx.facts, finalPlanIssued: data.issuedOn }),
  factFields: { finalPlanIssued: 'issuedOn' },
  async apply(client, ctx, data) {
    await updateCaseColumns(client, ctx.found.id, { final_plan_issued_on: data.issuedOn }, ctx.now);
    return {
      stageLabel: 'Final plan',
      summary: 'We have issued the final EHC plan. The plan is on EHC Hub.',
      timeline: `Final EHC plan issued on ${formatDate(data.issuedOn)}.`,
      auditAction: 'staff.case.final-plan-recorded',
      auditDetails: { issuedOn: data.issuedOn, documentId: ctx.documentId },
    };
  },
};
