import { insertDocument } from '../../documents/data.js';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import type { ReceivedFile } from '../../uploads/index.js';
import { ACTIVE_MEMBER_JOIN, findMemberCase, isFamily, visibleDocument } from '../access.js';
import { userName } from '../member-facts.js';
import type { Queryable } from '../../db/pool.js';
import { emailCoordinators } from '../comments/coordinator-email.js';

export interface CaseDocument {
  id: string;
  kind: string;
  originalFilename: string;
  contentType: string;
  sizeBytes: number;
  description: string | null;
  uploadedByName: string | null;
  uploadedByStaff: boolean;
  uploadedById: string | null;
  uploadedAt: Date;
  openedByCouncil: boolean;
}

const DOCUMENT_COLUMNS = `d.id, d.kind, d.original_filename, d.content_type, d.size_bytes, d.description, d.uploaded_at,
  d.uploaded_by, d.first_opened_by_council_at, u.full_name AS uploaded_by_name, u.kind = 'staff' AS uploaded_by_staff`;

interface DocumentRow {
  id: string;
  kind: string;
  original_filename: string;
  content_type: string;
  size_bytes: number;
  description: string | null;
  uploaded_at: Date;
  uploaded_by: string | null;
  first_opened_by_council_at: Date | null;
  uploaded_by_name: string | null;
  uploaded_by_staff: boolean | null;
}

const toDocument = (row: DocumentRow): CaseDocument => ({
  id: row.id,
  kind: row.kind,
  originalFilename: row.original_filename,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  description: row.description,
  uploadedByName: row.uploaded_by_name,
  uploadedByStaff: row.uploaded_by_staff === true,
  uploadedById: row.uploaded_by,
  uploadedAt: row.uploaded_at,
  openedByCouncil: row.first_opened_by_council_at !== null,
});

/** The documents an active member may see (an adviser: only those shared with advisers), newest first. */
export async function documentsForMember(
  db: Queryable,
  caseId: string,
  userId: string,
  kinds?: string[],
): Promise<CaseDocument[]> {
  const { rows } = await db.query(
    `SELECT ${DOCUMENT_COLUMNS}
       FROM cases c ${ACTIVE_MEMBER_JOIN}
       JOIN documents d ON d.case_id = c.id LEFT JOIN users u ON u.id = d.uploaded_by
      WHERE c.id = $1 AND d.removed_at IS NULL AND ${visibleDocument()} AND ($3::text[] IS NULL OR d.kind = ANY($3::text[]))
      ORDER BY d.uploaded_at DESC, d.id`,
    [caseId, userId, kinds ?? null],
  );
  return rows.map(toDocument);
}

export type StoreResult =
  { ok: true; stored: { id: string; originalFilename: string }[] } | { ok: false; reason: 'not-found' };

/** Stores a family member's accepted files in one transaction, audited, and tells the co-ordinator. */
export async function storeFamilyUploads(
  deps: Pick<FeatureDeps, 'pool' | 'config' | 'queue' | 'clock'>,
  input: { caseId: string; userId: string; description: string; files: ReceivedFile[]; ip?: string },
): Promise<StoreResult> {
  const at = deps.clock.now();
  return inTransaction(deps.pool, async (client) => {
    const memberCase = await findMemberCase(client, input.caseId, input.userId, { lock: true });
    if (!memberCase || !isFamily(memberCase.role)) return { ok: false, reason: 'not-found' } as const;
    const stored: { id: string; originalFilename: string }[] = [];
    for (const file of input.files) {
      const id = await insertDocument(client, {
        caseId: input.caseId,
        kind: 'family-upload',
        file,
        uploadedBy: input.userId,
        description: input.description,
        at,
      });
      stored.push({ id, originalFilename: file.originalFilename });
    }
    await audit(
      client,
      {
        action: 'case.document.uploaded',
        actorUserId: input.userId,
        caseId: input.caseId,
        ip: input.ip,
        details: { documentIds: stored.map((s) => s.id) },
      },
      at,
    );
    await emailCoordinators(client, deps, memberCase, await userName(client, input.userId), {
      kind: 'documents',
      count: stored.length,
      firstDocumentId: stored[0]?.id,
    });
    return { ok: true, stored } as const;
  });
}
