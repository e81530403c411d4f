import { z } from 'zod';
import type { CaseFacts } from '../../ehc/index.js';
import { choice, requiredText } from '../forms/form.js';
import { govukDate } from '../forms/dates.js';
import { insertDecision } from './decision-data.js';
import type { ProgressStep, StepContext } from './step.js';

/** The fields every decision form has: what was decided, why, the letter's date (and the letter). */
function decisionSchema<const T extends readonly [string, ...string[]]>(ctx: StepContext, outcomes: T, missingOutcome: string) {
  return z.object({
    outcome: choice(outcomes, missingOutcome),
    reason: requiredText('Enter the reason for the decision', 5000, 'Reason for the decision must be 5,000 characters or fewer'),
    decidedOn: govukDate({
      label: 'Date of the decision letter',
      missing: 'Enter the date of the decision letter',
      notAfter: ctx.today,
      notBefore: [ctx.found.requestReceived, 'the date the request was received'],
    }),
  });
}

type DecisionData<O extends string> = { outcome: O; reason: string; decidedOn: string };

const LETTER = { field: 'letter', kind: 'decision-letter', missing: 'Select the decision letter' } as const;

export const decisionToAssess: ProgressStep<DecisionData<'assess' | 'not-assess'>> = {
  slug: 'decision-to-assess',
  title: 'Record the decision whether to assess',
  view: 'staff/progress/decision-to-assess',
  dateFields: ['decidedOn'],
  upload: LETTER,
  schema: (ctx) => decisionSchema(ctx, ['assess', 'not-assess'] as const, 'Select whether the council will carry out an EHC needs assessment'),
  proposed: (ctx, data): CaseFacts => ({ ...ctx.facts, decisionToAssess: { outcome: data.outcome, date: data.decidedOn } }),
  factFields: { 'decisionToAssess.date': 'decidedOn' },
  async apply(client, ctx, data) {
    await insertDecision(client, {
      caseId: ctx.found.id,
      kind: 'assess',
      outcome: data.outcome,
      reason: data.reason,
      decidedOn: data.decidedOn,
      letterDocumentId: ctx.documentId,
      recordedBy: ctx.staff.id,
      at: ctx.now,
    });
    return {
      stageLabel: 'Decision',
      summary: 'We have made a decision on whether to carry out an EHC needs assessment. The decision letter is on EHC Hub.',
      timeline:
        data.outcome === 'assess'
          ? 'Decision: the council will carry out an EHC needs assessment. The decision letter has been added.'
          : 'Decision: the council will not carry out an EHC needs assessment. The decision letter has been added.',
      auditAction: 'staff.case.decision-to-assess-recorded',
      auditDetails: { outcome: data.outcome, decidedOn: data.decidedOn, documentId: ctx.documentId },
    };
  },
};

const needsAssessment = (ctx: StepContext) =>
  ctx.facts.decisionToAssess?.outcome === 'assess' ? undefined : 'Record a decision to carry out an EHC needs assessment first.';

export const decisionAfterAssessment: ProgressStep<DecisionData<'issue' | 'not-issue'>> = {
  slug: 'decision-after-assessment',
  title: 'Record the decision after the assessment',
  view: 'staff/progress/decision-after-assessment',
  dateFields: ['decidedOn'],
  upload: LETTER,
  blocked: needsAssessment,
  schema: (ctx) => decisionSchema(ctx, ['issue', 'not-issue'] as const, 'Select whether the council will issue an EHC plan'),
  proposed: (ctx, data) => ({ ...ctx.facts, decisionAfterAssessment: { outcome: data.outcome, date: data.decidedOn } }),
  factFields: { 'decisionAfterAssessment.date': 'decidedOn' },
  async apply(client, ctx, data) {
    await insertDecision(client, {
      caseId: ctx.found.id,
      kind: 'issue',
      outcome: data.outcome,
      reason: data.reason,
      decidedOn: data.decidedOn,
      letterDocumentId: ctx.documentId,
      recordedBy: ctx.staff.id,
      at: ctx.now,
    });
    return {
      stageLabel: 'Assessment',
      summary: 'We have made a decision on whether to issue an EHC plan. The decision letter is on EHC Hub.',
      timeline:
        data.outcome === 'issue'
          ? 'Decision after the assessment: the council will issue an EHC plan. The decision letter has been added.'
          : 'Decision after the assessment: the council will not issue an EHC plan. The decision letter has been added.',
      auditAction: 'staff.case.decision-after-assessment-recorded',
      auditDetails: { outcome: data.outcome, decidedOn: data.decidedOn, documentId: ctx.documentId },
    };
  },
};

const REVIEW_TIMELINE = {
  keep: 'Decision after the annual review: the plan stays as it is. The decision letter has been added.',
  amend: 'Decision after the annual review: the council will amend the plan. The decision letter has been added.',
  cease: 'Decision after the annual review: the council will stop maintaining the plan. The decision letter has been added.',
};

export const reviewDecision: ProgressStep<DecisionData<'keep' | 'amend' | 'cease'>> = {
  slug: 'review-decision',
  title: 'Record the decision after the annual review',
  view: 'staff/progress/review-decision',
  dateFields: ['decidedOn'],
  upload: { ...LETTER, kind: 'review' },
  blocked: (ctx) => (ctx.facts.annualReview?.meeting ? undefined : 'Record the annual review meeting first.'),
  schema: (ctx) => decisionSchema(ctx, ['keep', 'amend', 'cease'] as const, 'Select what the council decided after the annual review'),
  proposed: (ctx, data) => ({
    ...ctx.facts,
    annualReview: { ...ctx.facts.annualReview, decision: { outcome: data.outcome, date: data.decidedOn } },
  }),
  factFields: { 'annualReview.decision.date': 'decidedOn' },
  async apply(client, ctx, data) {
    await insertDecision(client, {
      caseId: ctx.found.id,
      kind: 'review',
      outcome: data.outcome,
      reason: data.reason,
      decidedOn: data.decidedOn,
      letterDocumentId: ctx.documentId,
      recordedBy: ctx.staff.id,
      at: ctx.now,
    });
    return {
      stageLabel: 'Annual review',
      summary: 'We have made a decision after the annual review. The decision letter is on EHC Hub.',
      timeline: REVIEW_TIMELINE[data.outcome],
      auditAction: 'staff.case.review-decision-recorded',
      auditDetails: { outcome: data.outcome, decidedOn: data.decidedOn, documentId: ctx.documentId },
    };
  },
};

export { needsAssessment };
