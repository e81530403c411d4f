import { describeCase, requesterText, type CaseFacts, type DueDate } from '../../ehc/index.js';
import type { CouncilCase } from '../cases-data.js';
import { formatDate } from '../../web/format.js';
import type { KeyDate, TimelineNote } from '../notes-and-dates/data.js';
import { staffPaths } from '../paths.js';
import { CASE_ROLE_LABELS, type CaseRole } from '../../cases/access.js';
import type { CaseComment, RequestVersion, SentResponse } from '../../cases/index.js';
import type { CouncilDocumentListing } from '../../documents/data.js';
import type { CaseMember, RecordedDecision } from './data.js';
import { DECISION_LABELS } from './labels.js';
import { caseSteps, caseSummaryFacts } from './summary.js';
import {
  commentItems,
  documentItems,
  familyPageLinks,
  newSince,
  requestHistory,
  responseItems,
} from './family-view.js';

function dueDateState(due: DueDate): { text: string; overdue: boolean } {
  if (due.lifted) return { text: 'No longer applies (exemption)', overdue: false };
  if (due.metOn) return { text: `${due.metLate ? 'Met late' : 'Met'} on ${formatDate(due.metOn)}`, overdue: false };
  if (due.overdue) return { text: 'Overdue', overdue: true };
  if (due.by === 'family') return { text: due.passed ? 'Passed' : "The family's date", overdue: false };
  return { text: 'Due', overdue: false };
}

/** Everything the staff case page shows, from what the data modules and src/ehc give. */
export function casePageModel(input: {
  found: CouncilCase;
  facts: CaseFacts;
  today: string;
  members: CaseMember[];
  decisions: RecordedDecision[];
  documents: CouncilDocumentListing[];
  notes: TimelineNote[];
  keyDates: KeyDate[];
  versions: RequestVersion[];
  comments: CaseComment[];
  responses: SentResponse[];
  viewerId: string;
  /** When the viewer last looked at the case before now (null: never). */
  lastLooked: Date | null;
}) {
  const { found, facts, today } = input;
  const status = describeCase(facts, today);
  const ctx = { found, facts, today };
  return {
    caseSummary: found,
    status,
    requestedBy: requesterText(found.requestedBy, found.requesterName),
    dueDates: status.dueDates.map((due) => ({ ...due, state: dueDateState(due) })),
    steps: caseSteps(ctx),
    summary: caseSummaryFacts({ found, today, members: input.members, dueDates: status.dueDates }),
    members: input.members.map((member) => ({
      ...member,
      roleLabel: CASE_ROLE_LABELS[member.role as CaseRole] ?? member.role,
      removeHref: staffPaths.removePerson(found.id, member.userId),
      resendHref: staffPaths.resendCaseInvitation(found.id, member.userId),
      personHref: staffPaths.person(member.userId),
    })),
    decisions: input.decisions.map((decision) => ({
      ...decision,
      title: DECISION_LABELS[decision.kind]?.title ?? decision.kind,
      outcomeLabel: DECISION_LABELS[decision.kind]?.outcomes[decision.outcome] ?? decision.outcome,
      letterHref: decision.letterDocumentId ? staffPaths.caseDocument(found.id, decision.letterDocumentId) : undefined,
    })),
    documents: documentItems(found.id, input.documents),
    requestHistory: requestHistory(input.versions),
    newSinceLastLook: newSince(input),
    comments: commentItems(input.comments, found.childFirstName),
    responses: responseItems(input.responses, found.childFirstName),
    familyPages: input.members.some((member) => member.userId === input.viewerId && !member.removedAt)
      ? familyPageLinks(found.id)
      : undefined,
    notes: input.notes,
    keyDates: input.keyDates,
  };
}
