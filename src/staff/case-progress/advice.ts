import { z } from 'zod';
import { govukDate } from '../../web/forms/dates.js';
import { formatDate } from '../../web/format.js';
import { updateCaseColumns } from './decision-data.js';
import { needsAssessment } from './decisions.js';
import { dateValues, type ProgressStep } from './step.js';

type AdviceData = { adviceRequestedOn: string; adviceReceivedOn?: string };

export const advice: ProgressStep<AdviceData> = {
  slug: 'advice',
  title: 'Record advice requested and received',
  view: 'staff/progress/advice',
  dateFields: ['adviceRequestedOn', 'adviceReceivedOn'],
  blocked: needsAssessment,
  schema: (ctx) =>
    z.object({
      adviceRequestedOn: govukDate({
        label: 'Date advice was requested',
        missing: 'Enter the date advice was requested',
        notAfter: ctx.today,
        notBefore: [ctx.found.requestReceived, 'the date the request was received'],
      }),
      adviceReceivedOn: govukDate({
        label: 'Date all advice was received',
        missing: '',
        optional: true,
        notAfter: ctx.today,
        notBefore: [ctx.found.requestReceived, 'the date the request was received'],
      }),
    }),
  initialValues: (ctx) => ({
    ...dateValues('adviceRequestedOn', ctx.facts.adviceRequested),
    ...dateValues('adviceReceivedOn', ctx.facts.adviceReceived),
  }),
  proposed: (ctx, data) => ({
    ...ctx.facts,
    adviceRequested: data.adviceRequestedOn,
    adviceReceived: data.adviceReceivedOn,
  }),
  factFields: { adviceRequested: 'adviceRequestedOn', adviceReceived: 'adviceReceivedOn' },
  async apply(client, ctx, data) {
    await updateCaseColumns(
      client,
      ctx.found.id,
      { advice_requested_on: data.adviceRequestedOn, advice_received_on: data.adviceReceivedOn ?? null },
      ctx.now,
    );
    const received = data.adviceReceivedOn !== undefined;
    return {
      stageLabel: 'Assessment',
      summary: received
        ? 'We have received the advice from education, health and care professionals for the EHC needs assessment.'
        : 'We have asked education, health and care professionals for their advice for the EHC needs assessment.',
      timeline: received
        ? `Advice requested on ${formatDate(data.adviceRequestedOn)} and received on ${formatDate(data.adviceReceivedOn)}.`
        : `Advice requested from education, health and care professionals on ${formatDate(data.adviceRequestedOn)}.`,
      auditAction: 'staff.case.advice-recorded',
      auditDetails: { adviceRequestedOn: data.adviceRequestedOn, adviceReceivedOn: data.adviceReceivedOn ?? null },
    };
  },
};
