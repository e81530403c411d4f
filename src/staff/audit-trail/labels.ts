import { formatDate } from '../../web/format.js';
import { EXEMPTION_LABELS, isExemptionKind } from '../../ehc/index.js';

/** What each audited action means, in words; an action not listed here is shown as it is. */
const ACTION_LABELS: Record<string, string> = {
  'staff.case.created': 'Created the case',
  'staff.case.viewed': 'Viewed the case',
  'staff.document.downloaded': 'Downloaded a document',
  'staff.case.member-added': 'Added a person to the case',
  'staff.case.member-removed': 'Removed a person’s access',
  'staff.case.invitation-resent': 'Resent an invitation',
  'staff.case.decision-to-assess-recorded': 'Recorded the decision whether to assess',
  'staff.case.advice-recorded': 'Recorded advice requested or received',
  'staff.case.advice-requested': 'Requested advice',
  'staff.case.advice-withdrawn': 'Withdrew a request for advice',
  'staff.case.advice-shared': 'Shared advice with the family',
  'staff.case.advice-recorded-received': 'Recorded advice received another way',
  'staff.case.advice-exemption-recorded': 'Recorded an exemption to the time limit for advice',
  'staff.case.advice-exemption-removed': 'Removed an exemption to the time limit for advice',
  'advice.submitted': 'Sent their advice',
  'advice.attached': 'Attached documents to their advice',
  'advice.addendum-added': 'Added an addendum to their advice',
  'advice.all-about-me-submitted': 'Sent All about me',
  'staff.case.decision-after-assessment-recorded': 'Recorded the decision after the assessment',
  'staff.case.draft-plan-recorded': 'Recorded the draft plan',
  'staff.case.final-plan-recorded': 'Recorded the final plan',
  'staff.case.review-meeting-recorded': 'Recorded the annual review meeting',
  'staff.case.review-decision-recorded': 'Recorded the decision after the annual review',
  'staff.case.exemption-recorded': 'Recorded an exemption',
  'staff.case.exemption-removed': 'Removed the exemption',
  'staff.case.note-added': 'Added a note',
  'staff.case.key-date-added': 'Added a key date',
  'staff.case.audit-viewed': 'Viewed the audit trail',
  'case.viewed': 'Viewed the case',
  'case.request.viewed': 'Read the request',
  'case.request.amended': 'Amended the request',
  'case.comment.added': 'Added a comment',
  'case.document.uploaded': 'Uploaded documents',
  'case.document.removed': 'Removed a document they had uploaded',
  'staff.document.removed': 'Removed a document the family had uploaded',
  'case.amendments.responded': 'Responded to the proposed changes',
  'case.draft-plan.responded': 'Responded to the draft plan',
  'document.downloaded': 'Downloaded a document',
  'case.access-refused': 'Was refused: not their case',
};

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** A short, safe summary of an entry's details (names of files, outcomes, dates; no reasons for decisions, which are in the letters). */
export function auditDetailsText(details: Record<string, unknown>): string {
  const parts: string[] = [];
  const add = (label: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') parts.push(`${label}: ${value}`);
  };
  add('File', details.filename);
  add('Address', details.path);
  add('Outcome', details.outcome);
  add('Role', details.role);
  const date = details.decidedOn ?? details.issuedOn ?? details.meetingOn ?? details.onDate;
  add('Date', typeof date === 'string' ? formatDate(date) : date);
  // An exemption's kind in words; a request for advice's kind (educational, medical...) is not an exemption.
  if (isExemptionKind(details.kind)) add('Exemption', EXEMPTION_LABELS[details.kind]);
  else add('Kind', details.kind);
  // Staff must say why a plan cut the family's time to comment short; the trail is where it is kept.
  add('Issued before the family’s comments were due', details.earlyBecause);
  if (details.internal === true) parts.push('Internal');
  if (typeof details.familyNotified === 'number') parts.push(`Family emails: ${details.familyNotified}`);
  return parts.join(', ');
}
