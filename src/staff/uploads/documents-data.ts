import type pg from 'pg';
import type { ReceivedFile } from '../../uploads/index.js';
import type { Queryable } from '../../db/pool.js';


export type DocumentKind = 'request' | 'decision-letter' | 'draft-plan' | 'final-plan' | 'review' | 'family-upload' | 'other';

export async function insertDocument(
  client: pg.PoolClient,
  input: { caseId: string; kind: DocumentKind; file: ReceivedFile; uploadedBy: string; description?: string; at: Date },
): Promise<string> {
  const { rows } = await client.query(
    `INSERT INTO documents (case_id, kind, original_filename, content_type, size_bytes, sha256, description, content, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [input.caseId, input.kind, input.file.originalFilename || 'document.pdf', input.file.type.contentType, input.file.content.length, input.file.sha256, input.description ?? null, input.file.content, input.uploadedBy, input.at],
  );
  return rows[0].id;
}

export interface StoredDocument {
  id: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A document of a case of the council, or undefined (the route answers 404). */
export async function findCouncilDocument(db: Queryable, councilId: string, caseId: string, documentId: string): Promise<StoredDocument | undefined> {
  const { rows } = await db.query(
    `SELECT d.id, d.original_filename, d.content_type, d.content
       FROM documents d JOIN cases c ON c.id = d.case_id
      WHERE d.id = $1 AND d.case_id = $2 AND c.council_id = $3 AND d.removed_at IS NULL`,
    [documentId, caseId, councilId],
  );
  const row = rows[0];
  return row && { id: row.id, filename: row.original_filename, contentType: row.content_type, content: row.content };
}
