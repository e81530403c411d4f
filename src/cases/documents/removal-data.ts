import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import { isFamily } from '../access.js';
import type { Queryable } from '../../db/pool.js';

/** A file a family member uploaded themselves, not yet removed: the only kind they can remove. */
export interface OwnUpload {
  id: string;
  filename: string;
  openedByCouncil: boolean;
}

const OWN_UPLOAD = `SELECT d.id, d.original_filename, d.first_opened_by_council_at
   FROM documents d JOIN case_members m ON m.case_id = d.case_id AND m.user_id = $3 AND m.removed_at IS NULL
  WHERE d.id = $2 AND d.case_id = $1 AND d.kind = 'family-upload' AND d.uploaded_by = $3 AND d.removed_at IS NULL
    AND m.role IN ('parent', 'young-person')`;

interface OwnUploadRow {
  id: string;
  original_filename: string;
  first_opened_by_council_at: Date | null;
}

const toOwnUpload = (row: OwnUploadRow | undefined): OwnUpload | undefined =>
  row && { id: row.id, filename: row.original_filename, openedByCouncil: row.first_opened_by_council_at !== null };

/** The user's own upload on the case, or undefined (someone else's, removed, or not theirs to see). */
export async function findOwnUpload(
  db: Queryable,
  caseId: string,
  documentId: string,
  userId: string,
): Promise<OwnUpload | undefined> {
  return toOwnUpload((await db.query(OWN_UPLOAD, [caseId, documentId, userId])).rows[0]);
}

export type RemoveResult = { ok: true; filename: string } | { ok: false; reason: 'not-found' | 'opened' };

/**
 * Removes the user's own upload if the council has not opened it yet (checked with the row locked,
 * so a download at the same moment is either before or after): kept in the database, out of every list.
 */
export async function removeOwnUpload(
  deps: Pick<FeatureDeps, 'pool' | 'clock'>,
  input: { caseId: string; documentId: string; userId: string; role: string; ip?: string },
): Promise<RemoveResult> {
  if (!isFamily(input.role as never)) return { ok: false, reason: 'not-found' };
  const at = deps.clock.now();
  return inTransaction(deps.pool, async (client): Promise<RemoveResult> => {
    const upload = toOwnUpload(
      (await client.query(`${OWN_UPLOAD} FOR UPDATE OF d`, [input.caseId, input.documentId, input.userId])).rows[0],
    );
    if (!upload) return { ok: false, reason: 'not-found' };
    if (upload.openedByCouncil) return { ok: false, reason: 'opened' };
    await client.query(`UPDATE documents SET removed_at = $2, removed_by = $3 WHERE id = $1`, [
      upload.id,
      at,
      input.userId,
    ]);
    await audit(
      client,
      {
        action: 'case.document.removed',
        actorUserId: input.userId,
        caseId: input.caseId,
        ip: input.ip,
        details: { documentId: upload.id, filename: upload.filename },
      },
      at,
    );
    return { ok: true, filename: upload.filename };
  });
}

/** The council has opened the document (a member of staff downloaded it): from now on only staff can remove it. */
export async function markOpenedByCouncil(db: Queryable, documentId: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE documents SET first_opened_by_council_at = $2 WHERE id = $1 AND first_opened_by_council_at IS NULL`,
    [documentId, at],
  );
}
