import type pg from 'pg';
// Every query on documents: storing a file against a case, and finding one for a download.
import { visibleDocument } from '../cases/access.js';
import type { Queryable } from '../db/pool.js';
import type { ReceivedFile } from '../uploads/index.js';

export type DocumentKind =
  'request' | 'decision-letter' | 'draft-plan' | 'final-plan' | 'review' | 'family-upload' | 'other';

/** Stores a file against a case; `defaultFilename` stands in when the upload had no name. */
export async function insertDocument(
  client: pg.PoolClient,
  input: {
    caseId: string;
    kind: DocumentKind;
    file: ReceivedFile;
    uploadedBy: string;
    description?: string;
    at: Date;
    defaultFilename?: string;
    adviceRequestId?: string;
  },
): Promise<string> {
  const { rows } = await client.query(
    `INSERT INTO documents (case_id, kind, original_filename, content_type, size_bytes, sha256, description, content, uploaded_by, uploaded_at, advice_request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      input.caseId,
      input.kind,
      input.file.originalFilename || (input.defaultFilename ?? ''),
      input.file.type.contentType,
      input.file.content.length,
      input.file.sha256,
      input.description ?? null,
      input.file.content,
      input.uploadedBy,
      input.at,
      input.adviceRequestId ?? null,
    ],
  );
  return rows[0].id;
}

export interface StoredDocument {
  id: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A document's bytes, only for an active member of its case (an adviser only when it is shared with advisers). */
export async function findMemberDocument(
  db: Queryable,
  caseId: string,
  documentId: string,
  userId: string,
): Promise<StoredDocument | undefined> {
  const { rows } = await db.query(
    `SELECT d.id, d.original_filename, d.content_type, d.content
       FROM documents d
       JOIN case_members m ON m.case_id = d.case_id AND m.user_id = $3 AND m.removed_at IS NULL
      WHERE d.id = $2 AND d.case_id = $1 AND d.removed_at IS NULL AND ${visibleDocument()}`,
    [caseId, documentId, userId],
  );
  const row = rows[0];
  return row && { id: row.id, filename: row.original_filename, contentType: row.content_type, content: row.content };
}

/** A document of a case of the council, or undefined (the route answers 404). */
export async function findCouncilDocument(
  db: Queryable,
  councilId: string,
  caseId: string,
  documentId: string,
): Promise<StoredDocument | undefined> {
  const { rows } = await db.query(
    `SELECT d.id, d.original_filename, d.content_type, d.content
       FROM documents d JOIN cases c ON c.id = d.case_id
      WHERE d.id = $1 AND d.case_id = $2 AND c.council_id = $3 AND d.removed_at IS NULL`,
    [documentId, caseId, councilId],
  );
  const row = rows[0];
  return row && { id: row.id, filename: row.original_filename, contentType: row.content_type, content: row.content };
}

/** A document an adviser sees: shared with advisers on the case they were asked about, or attached to their own advice. */
export interface AdviserDocument {
  id: string;
  filename: string;
  description: string | null;
  uploadedAt: Date;
  attached: boolean;
}

export async function adviserDocuments(db: Queryable, caseId: string, requestId: string): Promise<AdviserDocument[]> {
  const { rows } = await db.query(
    `SELECT id, original_filename, description, uploaded_at, advice_request_id IS NOT NULL AS attached FROM documents
      WHERE case_id = $1 AND removed_at IS NULL AND ((shared_with_advisers AND advice_request_id IS NULL) OR advice_request_id = $2)
      ORDER BY uploaded_at, id`,
    [caseId, requestId],
  );
  return rows.map((row) => ({
    id: row.id,
    filename: row.original_filename,
    description: row.description,
    uploadedAt: row.uploaded_at,
    attached: row.attached,
  }));
}

export async function findAdviserDocument(
  db: Queryable,
  caseId: string,
  requestId: string,
  documentId: string,
): Promise<StoredDocument | undefined> {
  const { rows } = await db.query(
    `SELECT id, original_filename, content_type, content FROM documents
      WHERE id = $3 AND case_id = $1 AND removed_at IS NULL AND ((shared_with_advisers AND advice_request_id IS NULL) OR advice_request_id = $2)`,
    [caseId, requestId, documentId],
  );
  const row = rows[0];
  return row && { id: row.id, filename: row.original_filename, contentType: row.content_type, content: row.content };
}

/** The documents attached to pieces of advice, for staff and (as shared) the family. */
export async function adviceDocuments(
  db: Queryable,
  requestIds: string[],
): Promise<Map<string, { id: string; filename: string }[]>> {
  const byRequest = new Map<string, { id: string; filename: string }[]>();
  if (requestIds.length === 0) return byRequest;
  const { rows } = await db.query(
    `SELECT id, original_filename, advice_request_id FROM documents WHERE advice_request_id = ANY($1::uuid[]) AND removed_at IS NULL ORDER BY uploaded_at, id`,
    [requestIds],
  );
  for (const row of rows) {
    const list = byRequest.get(row.advice_request_id) ?? [];
    list.push({ id: row.id, filename: row.original_filename });
    byRequest.set(row.advice_request_id, list);
  }
  return byRequest;
}

/** A document of a case as the council's case page lists it. */
export interface CouncilDocumentListing {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  description: string | null;
  uploadedAt: Date;
  uploadedBy: string | null;
  firstOpenedByCouncilAt: Date | null;
}

/** Every document on a case not removed, newest first. No access check: for council staff pages, which check their own. */
export async function councilCaseDocuments(db: Queryable, caseId: string): Promise<CouncilDocumentListing[]> {
  const { rows } = await db.query(
    `SELECT d.id, d.kind, d.original_filename, d.content_type, d.size_bytes, d.description, d.uploaded_at, d.first_opened_by_council_at,
            u.full_name
       FROM documents d LEFT JOIN users u ON u.id = d.uploaded_by
      WHERE d.case_id = $1 AND d.removed_at IS NULL ORDER BY d.uploaded_at DESC, d.id`,
    [caseId],
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    filename: row.original_filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    description: row.description,
    uploadedAt: row.uploaded_at,
    uploadedBy: row.full_name,
    firstOpenedByCouncilAt: row.first_opened_by_council_at,
  }));
}
