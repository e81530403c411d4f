import type { Queryable } from '../../db/pool.js';

export interface AuditEntryRow {
  at: Date;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  actorKind: string | null;
  subjectName: string | null;
  details: Record<string, unknown>;
}

export const AUDIT_PAGE_SIZE = 100;

/** A case's audit rows, newest first, with who did each thing and to whom. */
export async function caseAuditTrail(
  db: Queryable,
  caseId: string,
  page: number,
): Promise<{ rows: AuditEntryRow[]; total: number }> {
  const counted = await db.query(`SELECT count(*) AS total FROM audit_log WHERE case_id = $1`, [caseId]);
  const { rows } = await db.query(
    `SELECT a.at, a.action, a.details, actor.full_name AS actor_name, actor.email AS actor_email, actor.kind AS actor_kind,
            subject.full_name AS subject_name
       FROM audit_log a
       LEFT JOIN users actor ON actor.id = a.actor_user_id
       LEFT JOIN users subject ON subject.id = a.subject_user_id
      WHERE a.case_id = $1
      ORDER BY a.at DESC, a.id DESC
      LIMIT ${AUDIT_PAGE_SIZE} OFFSET $2`,
    [caseId, (page - 1) * AUDIT_PAGE_SIZE],
  );
  return {
    total: Number(counted.rows[0].total),
    rows: rows.map((row) => ({
      at: row.at,
      action: row.action,
      actorName: row.actor_name,
      actorEmail: row.actor_email,
      actorKind: row.actor_kind,
      subjectName: row.subject_name,
      details: row.details ?? {},
    })),
  };
}
