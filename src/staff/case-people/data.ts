import type pg from 'pg';
import type { CaseRole } from '../../cases/access.js';
import type { Queryable } from '../../db/pool.js';

export interface UserByEmail {
  id: string;
  email: string;
  fullName: string;
  kind: 'family' | 'staff';
  status: 'invited' | 'active' | 'disabled';
  councilId: string | null;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserByEmail | undefined> {
  const { rows } = await db.query(`SELECT id, email, full_name, kind, status, council_id FROM users WHERE email = $1`, [
    email,
  ]);
  const row = rows[0];
  return (
    row && {
      id: row.id,
      email: row.email,
      fullName: row.full_name,
      kind: row.kind,
      status: row.status,
      councilId: row.council_id,
    }
  );
}

export async function activeMembership(
  db: Queryable,
  caseId: string,
  userId: string,
): Promise<{ role: CaseRole } | undefined> {
  const { rows } = await db.query(
    `SELECT role FROM case_members WHERE case_id = $1 AND user_id = $2 AND removed_at IS NULL`,
    [caseId, userId],
  );
  return rows[0];
}

/** Gives access (again, if it was removed before). */
export async function grantAccess(
  client: pg.PoolClient,
  input: { caseId: string; userId: string; role: CaseRole; addedBy: string | null; at: Date },
): Promise<void> {
  await client.query(
    `INSERT INTO case_members (case_id, user_id, role, added_by, added_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (case_id, user_id) DO UPDATE
       SET role = EXCLUDED.role, added_by = EXCLUDED.added_by, added_at = EXCLUDED.added_at, removed_at = NULL, removed_by = NULL`,
    [input.caseId, input.userId, input.role, input.addedBy, input.at],
  );
}

export async function removeAccess(
  client: pg.PoolClient,
  input: { caseId: string; userId: string; removedBy: string; at: Date },
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE case_members SET removed_at = $3, removed_by = $4 WHERE case_id = $1 AND user_id = $2 AND removed_at IS NULL`,
    [input.caseId, input.userId, input.at, input.removedBy],
  );
  return rowCount === 1;
}

/** A member of the case (active or not), with their account, for the confirm pages. */
export interface MemberAccount {
  id: string;
  fullName: string;
  email: string;
  status: 'invited' | 'active' | 'disabled';
  role: CaseRole;
  removed: boolean;
}

export async function findMember(db: Queryable, caseId: string, userId: string): Promise<MemberAccount | undefined> {
  const { rows } = await db.query(
    `SELECT u.id, u.full_name, u.email, u.status, m.role, m.removed_at
       FROM case_members m JOIN users u ON u.id = m.user_id WHERE m.case_id = $1 AND m.user_id = $2`,
    [caseId, userId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    status: row.status,
    role: row.role,
    removed: row.removed_at !== null,
  };
}
