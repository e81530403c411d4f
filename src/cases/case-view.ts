/** The case page: Details (who has access, the child, notes, key dates), Stages, and the request. */
import {
  describeCase,
  formatGuideDate as fmt,
  requesterText,
  type CaseFacts,
  type CaseStatus,
  type IsoDate,
  type Requester,
  type StageWithState,
} from '../ehc/index.js';
import { paths } from '../web/paths.js';
import type { CaseRow } from './case-data.js';
import { caseFactsFromRow } from './case-facts-from-db.js';
import { audienceFor } from './dashboard-view.js';
import { formatDateTime } from '../web/format.js';
import { dueDateView, type DueDateView } from './due-date-view.js';
import { CASE_ROLE_LABELS } from './access.js';
import { ROLE_ORDER } from './labels.js';
import { lastCommaFirst } from './names.js';

export interface CaseContext {
  row: CaseRow;
  facts: CaseFacts;
  status: CaseStatus;
  /** 'Rogers, Barney' */
  name: string;
  href: string;
}

/** The case's facts and status for today; throws a RangeError when the stored dates are impossible. */
export function caseContext(row: CaseRow, today: IsoDate): CaseContext {
  const facts = caseFactsFromRow(row, row.decisions, audienceFor(row.my_role));
  return {
    row,
    facts,
    status: describeCase(facts, today),
    name: lastCommaFirst({ firstName: row.first_name, lastName: row.last_name }),
    href: paths.case(row.id),
  };
}

/** Paragraphs of text someone typed: split on blank lines, single line breaks kept as spaces. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export interface RequestView {
  received: string;
  /** 'Education setting: Edgehill Primary School' */
  requestedBy: string;
  paragraphs: string[];
}

export function requestView(row: CaseRow): RequestView {
  return {
    received: fmt(row.request_received as string),
    requestedBy: requesterText(row.requested_by as Requester, row.requester_name),
    paragraphs: paragraphsOf(row.request_text),
  };
}

/** An item of govukTaskList: a stage not reached is greyed out and has no link. */
export interface StageItem {
  title: { text: string; classes?: string };
  href?: string;
  status: { text?: string; classes?: string; tag?: { text: string; classes: string } };
}

export function stageItem(stage: StageWithState, caseId: string): StageItem {
  switch (stage.state) {
    case 'not-reached':
      return {
        title: { text: stage.label, classes: 'app-stage--not-reached' },
        status: { text: 'Not reached yet', classes: 'govuk-task-list__status--cannot-start-yet' },
      };
    case 'current':
      return {
        title: { text: stage.label },
        href: paths.caseStage(caseId, stage.slug),
        status: { tag: { text: 'Current stage', classes: 'govuk-tag--blue' } },
      };
    case 'done':
      return { title: { text: stage.label }, href: paths.caseStage(caseId, stage.slug), status: { text: 'Completed' } };
  }
}

export interface CasePageView {
  id: string;
  reference: string;
  name: string;
  statusLine: string;
  nextDateLine?: string;
  access: { name: string; role: string; email?: string }[];
  child: { fullName: string; dateOfBirth: string; school: string };
  notes: { paragraphs: string[]; when: string; who: string }[];
  keyDates: DueDateView[];
  otherDates: { label: string; date: string }[];
  exemption?: string;
  stageItems: StageItem[];
  request: RequestView;
}

function noteAuthor(note: CaseRow['notes'][number], councilName: string): string {
  if (!note.authorName) return councilName;
  if (note.authorRole) return `${note.authorName} (${CASE_ROLE_LABELS[note.authorRole]})`;
  return note.authorKind === 'staff' ? `${note.authorName} (${councilName})` : note.authorName;
}

export function casePageView(ctx: CaseContext, councilName: string): CasePageView {
  const { row, status } = ctx;
  const access = [...row.members]
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
    .map((m) => ({
      name: m.name,
      role: CASE_ROLE_LABELS[m.role],
      // Only the co-ordinator's address is shown: they are the family's contact at the council.
      ...(m.role === 'coordinator' ? { email: m.email } : {}),
    }));
  const view: CasePageView = {
    id: row.id,
    reference: row.reference,
    name: ctx.name,
    statusLine: status.status.statusLine,
    access,
    child: {
      fullName: `${row.first_name.trim()} ${row.last_name.trim()}`,
      dateOfBirth: fmt(row.date_of_birth),
      school: row.school_or_setting?.trim() || 'Not recorded',
    },
    notes: row.notes.map((note) => ({
      paragraphs: paragraphsOf(note.body),
      when: formatDateTime(note.createdAt),
      who: noteAuthor(note, councilName),
    })),
    keyDates: [
      { label: 'Request received', date: fmt(row.request_received as string), statusText: '', tagClass: '' },
      ...status.dueDates.map(dueDateView),
    ],
    otherDates: row.key_dates.map((k) => ({ label: k.label, date: fmt(k.onDate) })),
    stageItems: status.stages.map((stage) => stageItem(stage, row.id)),
    request: requestView(row),
  };
  if (status.nextDate) view.nextDateLine = `${status.nextDate.label}: ${fmt(status.nextDate.date)}`;
  if (status.exemption) view.exemption = status.exemption.explanation;
  return view;
}
