import { inconsistentFacts, type CaseFacts, type FactDate, type Inconsistency } from '../../ehc/index.js';
import { formatDate } from '../../web/format.js';

/** How each date of CaseFacts is named in a message. */
const DATE_NAMES: Record<FactDate, string> = {
  requestReceived: 'the date the request was received',
  'decisionToAssess.date': 'the date of the decision whether to assess',
  adviceRequested: 'the date advice was requested',
  adviceReceived: 'the date advice was received',
  'decisionAfterAssessment.date': 'the date of the decision after the assessment',
  draftPlanIssued: 'the date the draft plan was issued',
  finalPlanIssued: 'the date the final plan was issued',
  'annualReview.lastReviewMeeting': 'the date of the last annual review meeting',
  'annualReview.meeting': 'the date of the annual review meeting',
  'annualReview.decision.date': 'the date of the review decision',
};

const OTHER_PROBLEMS: Record<Exclude<Inconsistency['kind'], 'out-of-order'>, string> = {
  'advice-received-not-requested': 'Enter the date advice was requested before the date it was received',
  'later-stages-after-not-assess':
    'The council decided not to carry out an assessment, so later stages cannot be recorded. Record a new decision whether to assess first',
  'plan-after-not-issue':
    'The council decided not to issue a plan, so a plan cannot be recorded. Record a new decision after the assessment first',
  'amended-plan-without-decision': 'An amended plan needs a decision to amend the plan',
};

function valueAt(facts: CaseFacts, path: string): string | undefined {
  let value: unknown = facts;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const keyOf = (problem: Inconsistency) => JSON.stringify(problem);

/**
 * What the change would make impossible (a final plan before its draft, a decision before the
 * request…), as [form field, message] pairs. Problems the case already had are not the form's fault.
 * `fields` maps the facts this form sets to its fields; the first is where other problems are shown.
 */
export function consistencyErrors(
  before: CaseFacts,
  after: CaseFacts,
  fields: Record<string, string>,
): [string, string][] {
  const existing = new Set(inconsistentFacts(before).map(keyOf));
  const primaryField = Object.values(fields)[0];
  const errors: [string, string][] = [];
  for (const problem of inconsistentFacts(after)) {
    if (existing.has(keyOf(problem))) continue;
    if (problem.kind !== 'out-of-order') {
      errors.push([primaryField, OTHER_PROBLEMS[problem.kind]]);
      continue;
    }
    const { earlier, later } = problem;
    const laterField = fields[later];
    const earlierField = fields[earlier];
    if (laterField || !earlierField) {
      errors.push([
        laterField ?? primaryField,
        `${capitalise(DATE_NAMES[later])} must be the same as or after ${DATE_NAMES[earlier]} (${formatDate(valueAt(after, earlier))})`,
      ]);
    } else {
      errors.push([
        earlierField,
        `${capitalise(DATE_NAMES[earlier])} must be the same as or before ${DATE_NAMES[later]} (${formatDate(valueAt(after, later))})`,
      ]);
    }
  }
  // One message a field: the last pair found is the later step of the process, the tighter limit.
  return [...new Map(errors.map((error) => [error[0], error])).values()];
}
