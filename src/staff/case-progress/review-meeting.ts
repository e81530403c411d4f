import { z } from 'zod';
import { formatGuideDate, isAfter } from '../../ehc/index.js';
import { govukDate } from '../forms/dates.js';
import { formatDate } from '../format.js';
import { updateCaseColumns } from './decision-data.js';
import { dateValues, type ProgressStep } from './step.js';

type MeetingData = { meetingOn: string };

export const reviewMeeting: ProgressStep<MeetingData> = {
  slug: 'review-meeting',
  title: 'Record the annual review meeting',
  view: 'staff/progress/review-meeting',
  dateFields: ['meetingOn'],
  blocked: (ctx) => {
    if (!ctx.facts.finalPlanIssued) return 'Record the final plan first.';
    // src/cases/case-facts-from-db.ts reads one review cycle: the latest review decision belongs
    // to the current meeting, so a new meeting after a decision cannot be told apart yet.
    if (ctx.facts.annualReview?.decision) return 'A decision after this annual review has already been recorded.';
    return undefined;
  },
  schema: (ctx) =>
    z.object({
      meetingOn: govukDate({
        label: 'Date of the annual review meeting',
        missing: 'Enter the date of the annual review meeting',
        notBefore: [ctx.found.requestReceived, 'the date the request was received'],
      }),
    }),
  initialValues: (ctx) => dateValues('meetingOn', ctx.facts.annualReview?.meeting),
  proposed: (ctx, data) => ({ ...ctx.facts, annualReview: { ...ctx.facts.annualReview, meeting: data.meetingOn } }),
  factFields: { 'annualReview.meeting': 'meetingOn' },
  async apply(client, ctx, data) {
    await updateCaseColumns(client, ctx.found.id, { review_meeting_on: data.meetingOn }, ctx.now);
    const planned = isAfter(data.meetingOn, ctx.today);
    return {
      stageLabel: 'Annual review',
      summary: planned
        ? `The annual review meeting has been arranged for ${formatGuideDate(data.meetingOn)}.`
        : `The annual review meeting held on ${formatGuideDate(data.meetingOn)} has been recorded.`,
      timeline: planned
        ? `Annual review meeting arranged for ${formatDate(data.meetingOn)}.`
        : `Annual review meeting held on ${formatDate(data.meetingOn)}.`,
      auditAction: 'staff.case.review-meeting-recorded',
      auditDetails: { meetingOn: data.meetingOn },
    };
  },
};
