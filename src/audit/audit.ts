import type { Queryable } from '../db/pool.js';

export interface AuditEntry {
  action: string;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  caseId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one audit row; pass a transaction's client to keep it with the change it records. */
export async function audit(db: Queryable, entry: AuditEntry, at?: Date): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (action, actor_user_id, subject_user_id, case_id, ip, details, at)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, now()))`,
    [
      entry.action,
      entry.actorUserId ?? null,
      entry.subjectUserId ?? null,
      entry.caseId ?? null,
      entry.ip ?? null,
      JSON.stringify(entry.details ?? {}),
      at ?? null,
    ],
  );
}
