import type { Queryable } from '../../db/pool.js';
import type { IsoDate } from '../../ehc/index.js';
import type { Answers, RequestStatus } from '../../online-request/data.js';
import { FILE_TYPES, type ReceivedFile } from '../../uploads/index.js';

export interface NewRequestRow {
  id: string;
  reference: string;
  childFirstName: string;
  childLastName: string;
  relationship: string;
  requesterName: string;
  submittedOn: IsoDate;
}

/** The council's requests sent online and not yet made into (or linked to) a case, newest first. */
export async function newRequests(db: Queryable, councilId: string): Promise<NewRequestRow[]> {
  const { rows } = await db.query(
    `SELECT r.id, r.reference, r.answers->'child'->>'firstName' AS first_name, r.answers->'child'->>'lastName' AS last_name,
            r.answers->'you'->>'relationship' AS relationship, u.full_name, to_char(r.submitted_on, 'YYYY-MM-DD') AS submitted_on
       FROM online_requests r JOIN users u ON u.id = r.user_id
      WHERE r.council_id = $1 AND r.status = 'submitted'
      ORDER BY r.submitted_at DESC, r.id LIMIT 500`,
    [councilId],
  );
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    childFirstName: row.first_name ?? '',
    childLastName: row.last_name ?? '',
    relationship: row.relationship ?? '',
    requesterName: row.full_name,
    submittedOn: row.submitted_on,
  }));
}

export interface CouncilRequest {
  id: string;
  reference: string;
  status: Exclude<RequestStatus, 'draft'>;
  answers: Answers;
  submittedOn: IsoDate;
  caseId: string | null;
  caseReference: string | null;
  requester: { id: string; fullName: string; email: string; status: string };
}

/** A request sent to the council (never a draft), or undefined. */
export async function findCouncilRequest(
  db: Queryable,
  councilId: string,
  requestId: string,
  options: { lock?: boolean } = {},
): Promise<CouncilRequest | undefined> {
  const { rows } = await db.query(
    `SELECT r.id, r.reference, r.status, r.answers, to_char(r.submitted_on, 'YYYY-MM-DD') AS submitted_on, r.case_id, c.reference AS case_reference,
            u.id AS user_id, u.full_name, u.email, u.status AS user_status
       FROM online_requests r JOIN users u ON u.id = r.user_id LEFT JOIN cases c ON c.id = r.case_id
      WHERE r.id = $1 AND r.council_id = $2 AND r.status <> 'draft'${options.lock ? ' FOR UPDATE OF r' : ''}`,
    [requestId, councilId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    answers: row.answers ?? {},
    submittedOn: row.submitted_on,
    caseId: row.case_id,
    caseReference: row.case_reference,
    requester: { id: row.user_id, fullName: row.full_name, email: row.email, status: row.user_status },
  };
}

export interface PossibleCase {
  id: string;
  reference: string;
  childFirstName: string;
  childLastName: string;
  dateOfBirth: IsoDate;
  requestReceived: IsoDate;
  stage: string;
}

/** The council's cases for a child of the same name and date of birth (names compared without case or spaces). */
export async function casesForSameChild(
  db: Queryable,
  councilId: string,
  child: { firstName: string; lastName: string; dateOfBirth: IsoDate },
): Promise<PossibleCase[]> {
  const { rows } = await db.query(
    `SELECT c.id, c.reference, ch.first_name, ch.last_name, to_char(ch.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
            to_char(c.request_received, 'YYYY-MM-DD') AS request_received, c.current_stage
       FROM cases c JOIN children ch ON ch.id = c.child_id
      WHERE c.council_id = $1 AND lower(btrim(ch.first_name)) = lower(btrim($2)) AND lower(btrim(ch.last_name)) = lower(btrim($3))
        AND ch.date_of_birth = $4
      ORDER BY c.request_received DESC LIMIT 20`,
    [councilId, child.firstName, child.lastName, child.dateOfBirth],
  );
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    childFirstName: row.first_name,
    childLastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    requestReceived: row.request_received,
    stage: row.current_stage,
  }));
}

/** The request's files with their content, as uploads ready to store against a case. */
export async function requestFilesToCopy(
  db: Queryable,
  requestId: string,
): Promise<{ file: ReceivedFile; description: string }[]> {
  const { rows } = await db.query(
    `SELECT original_filename, content_type, content, sha256, description FROM online_request_files WHERE request_id = $1 ORDER BY uploaded_at, id`,
    [requestId],
  );
  return rows.map((row) => ({
    file: {
      originalFilename: row.original_filename,
      type: Object.values(FILE_TYPES).find((type) => type.contentType === row.content_type) ?? FILE_TYPES.pdf,
      content: row.content,
      sha256: row.sha256,
    },
    description: row.description,
  }));
}

/** One file of a request sent to the council, for a download. */
export async function findCouncilRequestFile(db: Queryable, councilId: string, requestId: string, fileId: string) {
  const { rows } = await db.query(
    `SELECT f.original_filename, f.content_type, f.content
       FROM online_request_files f JOIN online_requests r ON r.id = f.request_id
      WHERE f.id = $1 AND r.id = $2 AND r.council_id = $3 AND r.status <> 'draft'`,
    [fileId, requestId, councilId],
  );
  const row = rows[0];
  return (
    row && {
      filename: row.original_filename as string,
      contentType: row.content_type as string,
      content: row.content as Buffer,
    }
  );
}

/** Marks a sent request as made into, or linked to, a case; false if someone else did first. */
export async function markHandled(
  db: Queryable,
  input: { requestId: string; status: 'case-created' | 'linked'; caseId: string; staffId: string; at: Date },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE online_requests SET status = $2, case_id = $3, handled_by = $4, handled_at = $5, updated_at = $5 WHERE id = $1 AND status = 'submitted'`,
    [input.requestId, input.status, input.caseId, input.staffId, input.at],
  );
  return rowCount === 1;
}
