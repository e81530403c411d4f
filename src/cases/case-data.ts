/**
 * The SQL behind one case's pages. Membership is checked in the same query that reads the case:
 * a case that is not the user's reads exactly like one that does not exist.
 */
import type { IsoDate } from '../ehc/index.js';
import { CASE_FACT_COLUMNS, latestDecisionsJson, type CaseFactsRow, type DecisionRow } from './case-facts-from-db.js';
import { visibleDocument, type CaseRole } from './access.js';
import type { DecisionKind } from './labels.js';
import { queryPrepared } from '../db/statements.js';
import type { Queryable } from '../db/pool.js';

export interface CaseMember {
  userId: string;
  name: string;
  email: string;
  role: CaseRole;
}

export interface CaseNote {
  body: string;
  createdAt: string;
  authorName: string | null;
  authorKind: 'family' | 'staff' | null;
  authorRole: CaseRole | null;
}

export interface CaseKeyDate {
  label: string;
  onDate: string;
}

export interface CaseDocument {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  description: string | null;
  uploadedAt: string;
}

export interface CaseDecision extends DecisionRow {
  kind: DecisionKind;
  reason: string;
  letter_document_id: string | null;
  /** Review decisions only: the meeting the decision answers (null for some recorded before this was kept). */
  review_meeting_on?: IsoDate | null;
}

export interface CaseRow extends CaseFactsRow {
  id: string;
  reference: string;
  request_text: string;
  requester_name: string | null;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  school_or_setting: string | null;
  my_role: CaseRole;
  members: CaseMember[];
  notes: CaseNote[];
  key_dates: CaseKeyDate[];
  documents: CaseDocument[];
  /** The latest decision of each kind. */
  decisions: CaseDecision[];
  /** Every decision after an annual review, this cycle's and earlier ones', the latest recorded first. */
  review_decisions: CaseDecision[];
  /** And the columns of CASE_FACT_COLUMNS. */
  [column: string]: unknown;
}

/**
 * Everything the case page and its stage pages show, in one indexed query, or undefined when the
 * user is not an active member. Internal notes and key dates are left out; an adviser sees only the
 * documents shared with advisers.
 */
export async function loadCaseForMember(db: Queryable, caseId: string, userId: string): Promise<CaseRow | undefined> {
  const { rows } = await queryPrepared<CaseRow>(
    db,
    `SELECT c.id, c.reference, c.request_text, c.requester_name, ${CASE_FACT_COLUMNS},
            ch.first_name, ch.last_name, ch.date_of_birth, ch.school_or_setting, m.role AS my_role,
            (SELECT coalesce(json_agg(json_build_object('userId', u.id, 'name', u.full_name, 'email', u.email, 'role', cm.role)
                                      ORDER BY cm.added_at, u.id), '[]')
               FROM case_members cm JOIN users u ON u.id = cm.user_id
              WHERE cm.case_id = c.id AND cm.removed_at IS NULL) AS members,
            (SELECT coalesce(json_agg(json_build_object('body', n.body, 'createdAt', n.created_at, 'authorName', u.full_name,
                                                        'authorKind', u.kind, 'authorRole', am.role)
                                      ORDER BY n.created_at DESC, n.id), '[]')
               FROM case_notes n
               LEFT JOIN users u ON u.id = n.author_user_id
               LEFT JOIN case_members am ON am.case_id = n.case_id AND am.user_id = n.author_user_id
              WHERE n.case_id = c.id AND NOT n.internal) AS notes,
            (SELECT coalesce(json_agg(json_build_object('label', k.label, 'onDate', k.on_date) ORDER BY k.on_date, k.id), '[]')
               FROM case_key_dates k
              WHERE k.case_id = c.id AND NOT k.internal) AS key_dates,
            (SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'filename', d.original_filename,
                                                        'contentType', d.content_type, 'sizeBytes', d.size_bytes,
                                                        'description', d.description, 'uploadedAt', d.uploaded_at)
                                      ORDER BY d.uploaded_at DESC, d.id), '[]')
               FROM documents d
              WHERE d.case_id = c.id AND d.removed_at IS NULL AND ${visibleDocument()}) AS documents,
            ${latestDecisionsJson('c.id', ['reason', 'letter_document_id'])} AS decisions,
            (SELECT coalesce(json_agg(review ORDER BY review.recorded_at DESC, review.id DESC), '[]')
               FROM (SELECT id, kind, outcome, reason, decided_on, mediation_certificate_on, letter_document_id, review_meeting_on, recorded_at
                       FROM case_decisions WHERE case_id = c.id AND kind = 'review') review) AS review_decisions
       FROM cases c
       JOIN case_members m ON m.case_id = c.id AND m.user_id = $2 AND m.removed_at IS NULL
       JOIN children ch ON ch.id = c.child_id
      WHERE c.id = $1`,
    [caseId, userId],
  );
  return rows[0];
}
