import { z } from 'zod';
import { EXEMPTION_KINDS, EXEMPTION_LABELS, stageLabel, type ExemptionKind, type StageId } from '../../ehc/index.js';
import { formatDate } from '../../web/format.js';
import { choice, requiredText } from '../../web/forms/fields.js';
import { updateCaseColumns } from './decision-data.js';
import type { ProgressStep } from './step.js';

type ExemptionData = { kind: ExemptionKind; reason: string };

export const exemption: ProgressStep<ExemptionData> = {
  slug: 'exemption',
  title: 'Record an exemption to the time limits',
  view: 'staff/progress/exemption',
  dateFields: [],
  schema: () =>
    z.object({
      kind: choice(EXEMPTION_KINDS as [ExemptionKind, ...ExemptionKind[]], 'Select the reason for the exemption'),
      reason: requiredText(
        'Enter why the exemption applies',
        2000,
        'Why the exemption applies must be 2,000 characters or fewer',
      ),
    }),
  initialValues: (ctx): Record<string, string> =>
    ctx.facts.exemption ? { kind: ctx.facts.exemption.kind, reason: ctx.facts.exemption.reason } : {},
  proposed: (ctx, data) => ({
    ...ctx.facts,
    exemption: { kind: data.kind, reason: data.reason, recordedOn: ctx.today },
  }),
  factFields: { 'exemption.recordedOn': 'kind' },
  async apply(client, ctx, data) {
    await updateCaseColumns(
      client,
      ctx.found.id,
      { exemption_kind: data.kind, exemption_reason: data.reason, exemption_recorded_on: ctx.today },
      ctx.now,
    );
    return {
      stageLabel: stageLabel(ctx.found.currentStage as StageId),
      summary: 'We have recorded an exemption to the time limits for this case.',
      timeline: `Exemption to the time limits recorded: ${EXEMPTION_LABELS[data.kind]}.`,
      auditAction: 'staff.case.exemption-recorded',
      auditDetails: { kind: data.kind },
    };
  },
};

type RemovalData = { reason: string };

export const removeExemption: ProgressStep<RemovalData> = {
  slug: 'remove-exemption',
  title: 'Remove the exemption to the time limits',
  view: 'staff/progress/remove-exemption',
  dateFields: [],
  blocked: (ctx) => (ctx.facts.exemption ? undefined : 'There is no exemption to the time limits on this case.'),
  situation: (ctx) => {
    const current = ctx.facts.exemption;
    if (!current) return undefined;
    const recorded = current.recordedOn ? ` (recorded on ${formatDate(current.recordedOn)})` : '';
    return `The exemption${recorded}: ${EXEMPTION_LABELS[current.kind]}. Reason: ${current.reason}`;
  },
  schema: () =>
    z.object({
      reason: requiredText(
        'Enter why the exemption no longer applies',
        2000,
        'Why the exemption no longer applies must be 2,000 characters or fewer',
      ),
    }),
  proposed: (ctx) => ({ ...ctx.facts, exemption: undefined }),
  factFields: { exemption: 'reason' },
  async apply(client, ctx, data) {
    const removed = ctx.facts.exemption?.kind;
    await updateCaseColumns(
      client,
      ctx.found.id,
      { exemption_kind: null, exemption_reason: null, exemption_recorded_on: null },
      ctx.now,
    );
    return {
      stageLabel: stageLabel(ctx.found.currentStage as StageId),
      summary:
        'The exemption to the time limits for this case no longer applies, so the usual time limits apply again.',
      timeline: `Exemption to the time limits removed: the usual time limits apply again. Reason: ${data.reason}`,
      auditAction: 'staff.case.exemption-removed',
      auditDetails: { kind: removed },
    };
  },
};
