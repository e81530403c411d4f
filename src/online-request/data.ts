import type pg from 'pg';
import type { Queryable } from '../db/pool.js';
import type { IsoDate } from '../ehc/index.js';

/** What was typed on each section's page, as typed (so that nothing is lost), keyed by section. */
export type Answers = Partial<Record<string, Record<string, string>>>;

export type RequestStatus = 'draft' | 'submitted' | 'case-created' | 'linked';

export interface OnlineRequest {
  id: string;
  councilId: string;
  userId: string;
  answers: Answers;
  status: RequestStatus;
  reference: string | null;
  submittedAt: Date | null;
  submittedOn: IsoDate | null;
  caseId: string | null;
}

const COLUMNS = `id, council_id, user_id, answers, status, reference, submitted_at, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, case_id`;

function toRequest(row: Record<string, unknown>): OnlineRequest {
  return {
    id: row.id as string,
    councilId: row.council_id as string,
    userId: row.user_id as string,
    answers: (row.answers as Answers) ?? {},
    status: row.status as RequestStatus,
    reference: (row.reference as string | null) ?? null,
    submittedAt: (row.submitted_at as Date | null) ?? null,
    submittedOn: (row.submitted_on as string | null) ?? null,
    caseId: (row.case_id as string | null) ?? null,
  };
}

/** The person's request in writing, made if they have none. */
export async function findOrCreateDraft(
  db: Queryable,
  input: { userId: string; councilId: string; now: Date },
): Promise<string> {
  await db.query(
    `INSERT INTO online_requests (council_id, user_id, created_at, updated_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (user_id) WHERE status = 'draft' DO NOTHING`,
    [input.councilId, input.userId, input.now],
  );
  const { rows } = await db.query(`SELECT id FROM online_requests WHERE user_id = $1 AND status = 'draft'`, [
    input.userId,
  ]);
  return rows[0].id;
}

/** A request of its writer's, or undefined: nobody else sees a request through these pages. */
export async function findOwnRequest(
  db: Queryable,
  requestId: string,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<OnlineRequest | undefined> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM online_requests WHERE id = $1 AND user_id = $2${options.lock ? ' FOR UPDATE' : ''}`,
    [requestId, userId],
  );
  return rows[0] ? toRequest(rows[0]) : undefined;
}

/** Saves one section's answers on a request still being written; false once it has been sent. */
export async function saveSection(
  db: Queryable,
  input: { requestId: string; userId: string; section: string; values: Record<string, string>; now: Date },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE online_requests SET answers = jsonb_set(answers, ARRAY[$3::text], $4::jsonb), updated_at = $5
      WHERE id = $1 AND user_id = $2 AND status = 'draft'`,
    [input.requestId, input.userId, input.section, JSON.stringify(input.values), input.now],
  );
  return rowCount === 1;
}

/** Sends the request: its reference and the day it was received. Only once. */
export async function markSubmitted(
  client: pg.PoolClient,
  input: { requestId: string; now: Date; today: IsoDate },
): Promise<string | undefined> {
  const { rows } = await client.query(
    `UPDATE online_requests
        SET status = 'submitted', submitted_at = $2, submitted_on = $3, updated_at = $2,
            reference = 'REQ-' || lpad(nextval('online_request_reference_seq')::text, 6, '0')
      WHERE id = $1 AND status = 'draft' RETURNING reference`,
    [input.requestId, input.now, input.today],
  );
  return rows[0]?.reference;
}

export interface RequestFile {
  id: string;
  originalFilename: string;
  contentType: string;
  sizeBytes: number;
  description: string;
}

export async function requestFiles(db: Queryable, requestId: string): Promise<RequestFile[]> {
  const { rows } = await db.query(
    `SELECT id, original_filename, content_type, size_bytes, description FROM online_request_files WHERE request_id = $1 ORDER BY uploaded_at, id`,
    [requestId],
  );
  return rows.map((row) => ({
    id: row.id,
    originalFilename: row.original_filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    description: row.description,
  }));
}

export async function insertRequestFile(
  db: Queryable,
  input: {
    requestId: string;
    file: { originalFilename: string; contentType: string; content: Buffer; sha256: string };
    description: string;
    at: Date;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO online_request_files (request_id, original_filename, content_type, size_bytes, sha256, description, content, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      input.requestId,
      input.file.originalFilename,
      input.file.contentType,
      input.file.content.length,
      input.file.sha256,
      input.description,
      input.file.content,
      input.at,
    ],
  );
}

/** Removes a file from a request still being written. */
export async function deleteRequestFile(
  db: Queryable,
  input: { requestId: string; userId: string; fileId: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `DELETE FROM online_request_files f USING online_requests r
      WHERE f.id = $3 AND f.request_id = r.id AND r.id = $1 AND r.user_id = $2 AND r.status = 'draft'`,
    [input.requestId, input.userId, input.fileId],
  );
  return rowCount === 1;
}
