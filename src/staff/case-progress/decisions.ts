import { z } from 'zod';
import type { CaseFacts } from '../../ehc/index.js';
import type { DocumentKind } from '../../documents/data.js';
import { choice, requiredText } from '../../web/forms/fields.js';
import { govukDate } from '../../web/forms/dates.js';
import { insertDecision } from './decision-data.js';
import type { CaseContext, ProgressStep } from './step.js';

type DecisionData<O extends string> = { outcome: O; reason: string; decidedOn: string };

/** What differs between the three decisions; the form, the letter and the recording are the same. */
interface DecisionSpec<O extends string> {
  slug: string;
  title: string;
  kind: 'assess' | 'issue' | 'review';
  outcomes: readonly [O, ...O[]];
  missingOutcome: string;
  letterKind: DocumentKind;
  blocked?: (ctx: CaseContext) => string | undefined;
  /** The case's facts with this decision (for the sequence checks). */
  withDecision: (facts: CaseFacts, decision: { outcome: O; date: string }) => CaseFacts;
  /** Where the decision's date sits in CaseFacts. */
  dateFact: string;
  stageLabel: string;
  /** For the family's email: no outcome, no reasons. */
  summary: string;
  timeline: Record<O, string>;
  auditAction: string;
}

function decisionStep<O extends string>(spec: DecisionSpec<O>): ProgressStep<DecisionData<O>> {
  return {
    slug: spec.slug,
    title: spec.title,
    view: `staff/progress/${spec.slug}`,
    dateFields: ['decidedOn'],
    upload: { field: 'letter', kind: spec.letterKind, missing: 'Select the decision letter' },
    blocked: spec.blocked,
    schema: (ctx) =>
      z.object({
        outcome: choice(spec.outcomes, spec.missingOutcome),
        reason: requiredText(
          'Enter the reason for the decision',
          5000,
          'Reason for the decision must be 5,000 characters or fewer',
        ),
        decidedOn: govukDate({
          label: 'Date of the decision letter',
          missing: 'Enter the date of the decision letter',
          notAfter: ctx.today,
          notBefore: [ctx.found.requestReceived, 'the date the request was received'],
        }),
      }) as z.ZodType<DecisionData<O>>,
    proposed: (ctx, data) => spec.withDecision(ctx.facts, { outcome: data.outcome, date: data.decidedOn }),
    factFields: { [spec.dateFact]: 'decidedOn' },
    async apply(client, ctx, data) {
      await insertDecision(client, {
        caseId: ctx.found.id,
        kind: spec.kind,
        outcome: data.outcome,
        reason: data.reason,
        decidedOn: data.decidedOn,
        letterDocumentId: ctx.documentId,
        reviewMeetingOn: spec.kind === 'review' ? ctx.facts.annualReview?.meeting : undefined,
        recordedBy: ctx.staff.id,
        at: ctx.now,
      });
      return {
        stageLabel: spec.stageLabel,
        summary: spec.summary,
        timeline: spec.timeline[data.outcome],
        auditAction: spec.auditAction,
        auditDetails: { outcome: data.outcome, decidedOn: data.decidedOn, documentId: ctx.documentId },
      };
    },
  };
}

export const decisionToAssess = decisionStep({
  slug: 'decision-to-assess',
  title: 'Record the decision whether to assess',
  kind: 'assess',
  outcomes: ['assess', 'not-assess'],
  missingOutcome: 'Select whether the council will carry out an EHC needs assessment',
  letterKind: 'decision-letter',
  withDecision: (facts, decision) => ({ ...facts, decisionToAssess: decision }),
  dateFact: 'decisionToAssess.date',
  stageLabel: 'Decision',
  summary:
    'We have made a decision on whether to carry out an EHC needs assessment. The decision letter is on EHC Hub.',
  timeline: {
    assess: 'Decision: the council will carry out an EHC needs assessment. The decision letter has been added.',
    'not-assess':
      'Decision: the council will not carry out an EHC needs assessment. The decision letter has been added.',
  },
  auditAction: 'staff.case.decision-to-assess-recorded',
});

export const needsAssessment = (ctx: CaseContext) =>
  ctx.facts.decisionToAssess?.outcome === 'assess'
    ? undefined
    : 'Record a decision to carry out an EHC needs assessment first.';

export const decisionAfterAssessment = decisionStep({
  slug: 'decision-after-assessment',
  title: 'Record the decision after the assessment',
  kind: 'issue',
  outcomes: ['issue', 'not-issue'],
  missingOutcome: 'Select whether the council will issue an EHC plan',
  letterKind: 'decision-letter',
  blocked: needsAssessment,
  withDecision: (facts, decision) => ({ ...facts, decisionAfterAssessment: decision }),
  dateFact: 'decisionAfterAssessment.date',
  stageLabel: 'Assessment',
  summary: 'We have made a decision on whether to issue an EHC plan. The decision letter is on EHC Hub.',
  timeline: {
    issue: 'Decision after the assessment: the council will issue an EHC plan. The decision letter has been added.',
    'not-issue':
      'Decision after the assessment: the council will not issue an EHC plan. The decision letter has been added.',
  },
  auditAction: 'staff.case.decision-after-assessment-recorded',
});

export const reviewDecision = decisionStep({
  slug: 'review-decision',
  title: 'Record the decision after the annual review',
  kind: 'review',
  outcomes: ['keep', 'amend', 'cease'],
  missingOutcome: 'Select what the council decided after the annual review',
  letterKind: 'review',
  blocked: (ctx) => (ctx.facts.annualReview?.meeting ? undefined : 'Record the annual review meeting first.'),
  withDecision: (facts, decision) => ({ ...facts, annualReview: { ...facts.annualReview, decision } }),
  dateFact: 'annualReview.decision.date',
  stageLabel: 'Annual review',
  summary: 'We have made a decision after the annual review. The decision letter is on EHC Hub.',
  timeline: {
    keep: 'Decision after the annual review: the plan stays as it is. The decision letter has been added.',
    amend: 'Decision after the annual review: the council will amend the plan. The decision letter has been added.',
    cease:
      'Decision after the annual review: the council will stop maintaining the plan. The decision letter has been added.',
  },
  auditAction: 'staff.case.review-decision-recorded',
});
