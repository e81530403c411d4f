import type { Queryable } from '../../db/pool.js';

export interface CaseMember {
  userId: string;
  fullName: string;
  email: string;
  role: string;
  status: 'invited' | 'active' | 'disabled';
  kind: 'family' | 'staff';
  addedAt: Date;
  removedAt: Date | null;
}

export async function listMembers(db: Queryable, caseId: string): Promise<CaseMember[]> {
  const { rows } = await db.query(
    `SELECT m.user_id, u.full_name, u.email, m.role, u.status, u.kind, m.added_at, m.removed_at
       FROM case_members m JOIN users u ON u.id = m.user_id
      WHERE m.case_id = $1
      ORDER BY m.removed_at IS NOT NULL, m.added_at, u.full_name`,
    [caseId],
  );
  return rows.map((row) => ({
    userId: row.user_id,
    fullName: row.full_name,
    email: row.email,
    role: row.role,
    status: row.status,
    kind: row.kind,
    addedAt: row.added_at,
    removedAt: row.removed_at,
  }));
}

export interface RecordedDecision {
  kind: 'assess' | 'issue' | 'review';
  outcome: string;
  reason: string;
  decidedOn: string;
  letterDocumentId: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

export async function listDecisions(db: Queryable, caseId: string): Promise<RecordedDecision[]> {
  const { rows } = await db.query(
    `SELECT d.kind, d.outcome, d.reason, d.decided_on, d.letter_document_id, u.full_name, d.recorded_at
       FROM case_decisions d LEFT JOIN users u ON u.id = d.recorded_by
      WHERE d.case_id = $1 ORDER BY d.recorded_at DESC`,
    [caseId],
  );
  return rows.map((row) => ({
    kind: row.kind,
    outcome: row.outcome,
    reason: row.reason,
    decidedOn: row.decided_on,
    letterDocumentId: row.letter_document_id,
    recordedBy: row.full_name,
    recordedAt: row.recorded_at,
  }));
}

/**
 * Records that a member of staff has just looked at the case (their "last looked", in the
 * case_last_visits table the family's pages use too) and returns when they looked before (null
 * the first time). The subquery sees the table as it was before the statement.
 */
export async function recordStaffLook(db: Queryable, staffId: string, caseId: string, at: Date): Promise<Date | null> {
  const { rows } = await db.query(
    `INSERT INTO case_last_visits (user_id, case_id, visited_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, case_id) DO UPDATE SET visited_at = EXCLUDED.visited_at
     RETURNING (SELECT visited_at FROM case_last_visits WHERE user_id = $1 AND case_id = $2) AS previous`,
    [staffId, caseId, at],
  );
  return rows[0]?.previous ?? null;
}
