import { z } from 'zod';
import {
  formatGuideDate,
  isAfter,
  nextReviewMeetingTooEarly,
  startsNextReview,
  withReviewMeeting,
} from '../../ehc/index.js';
import { govukDate } from '../../web/forms/dates.js';
import { formatDate } from '../../web/format.js';
import { startNextReviewCycle, updateCaseColumns } from './decision-data.js';
import { dateValues, type ProgressStep } from './step.js';

type MeetingData = { meetingOn: string };

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const reviewMeeting: ProgressStep<MeetingData> = {
  slug: 'review-meeting',
  title: 'Record the annual review meeting',
  view: 'staff/progress/review-meeting',
  dateFields: ['meetingOn'],
  blocked: (ctx) => {
    if (!ctx.facts.finalPlanIssued) return 'Record the final plan first.';
    if (ctx.facts.annualReview?.decision?.outcome === 'cease')
      return 'The council has decided to stop maintaining the plan, so there are no more annual reviews.';
    return undefined;
  },
  schema: (ctx) =>
    z.object({
      meetingOn: govukDate({
        label: 'Date of the annual review meeting',
        missing: 'Enter the date of the annual review meeting',
        notBefore: [ctx.found.requestReceived, 'the date the request was received'],
      }).superRefine((meetingOn, issues) => {
        // Each meeting pairs with the decision made on or after it, so the next one must follow the last decision.
        const decided = meetingOn && nextReviewMeetingTooEarly(ctx.facts.annualReview, meetingOn);
        if (decided)
          issues.addIssue({
            code: 'custom',
            message: `Date of the next annual review meeting must be after the date of the last review decision (${formatDate(decided)})`,
          });
      }),
    }),
  situation: (ctx) => {
    const review = ctx.facts.annualReview;
    if (!review?.decision) return undefined;
    return `The decision after the annual review meeting of ${formatDate(review.meeting)} was made on ${formatDate(review.decision.date)}. The meeting you record now is for the next annual review.`;
  },
  // A new cycle starts with an empty date; the current cycle's meeting can be moved.
  initialValues: (ctx) =>
    startsNextReview(ctx.facts.annualReview) ? {} : dateValues('meetingOn', ctx.facts.annualReview?.meeting),
  proposed: (ctx, data) => withReviewMeeting(ctx.facts, data.meetingOn),
  factFields: { 'annualReview.meeting': 'meetingOn' },
  async apply(client, ctx, data) {
    const next = startsNextReview(ctx.facts.annualReview);
    if (next) await startNextReviewCycle(client, ctx.found.id, data.meetingOn, ctx.now);
    else await updateCaseColumns(client, ctx.found.id, { review_meeting_on: data.meetingOn }, ctx.now);
    const planned = isAfter(data.meetingOn, ctx.today);
    const meeting = next ? 'next annual review meeting' : 'annual review meeting';
    return {
      stageLabel: 'Annual review',
      summary: planned
        ? `The ${meeting} has been arranged for ${formatGuideDate(data.meetingOn)}.`
        : `The ${meeting} held on ${formatGuideDate(data.meetingOn)} has been recorded.`,
      timeline: planned
        ? `${capitalised(meeting)} arranged for ${formatDate(data.meetingOn)}.`
        : `${capitalised(meeting)} held on ${formatDate(data.meetingOn)}.`,
      auditAction: 'staff.case.review-meeting-recorded',
      auditDetails: { meetingOn: data.meetingOn, nextReview: next },
    };
  },
};
