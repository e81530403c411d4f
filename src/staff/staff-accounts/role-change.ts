import type pg from 'pg';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import type { StaffMember } from '../staff-member.js';

export type StaffRole = 'caseworker' | 'admin';

export interface StaffAccount {
  id: string;
  fullName: string;
  email: string;
  role: StaffRole;
}

/** A member of staff of this council, or undefined (anyone else is a page that does not exist). */
export async function findStaffAccount(
  db: Pick<pg.Pool, 'query'>,
  councilId: string,
  userId: string,
): Promise<StaffAccount | undefined> {
  const { rows } = await db.query(
    `SELECT id, full_name, email, staff_role FROM users WHERE id = $1 AND kind = 'staff' AND council_id = $2`,
    [userId, councilId],
  );
  const row = rows[0];
  return row && { id: row.id, fullName: row.full_name, email: row.email, role: row.staff_role };
}

export type RoleChangeOutcome =
  | { outcome: 'changed' | 'unchanged'; account: StaffAccount }
  | { outcome: 'own-admin-role'; account: StaffAccount }
  | { outcome: 'not-found' };

/**
 * An admin makes a member of staff a caseworker or an admin. An admin may not drop their own
 * admin role: whoever makes the change stays an admin, so the council always has one. Both rows
 * are locked (in id order, so that two admins changing each other take turns) and the admin's
 * own role is read again under the lock.
 */
export async function changeStaffRole(
  deps: Pick<FeatureDeps, 'pool' | 'clock'>,
  input: { admin: StaffMember; ip?: string; userId: string; role: StaffRole },
): Promise<RoleChangeOutcome> {
  const { admin } = input;
  return inTransaction(deps.pool, async (client): Promise<RoleChangeOutcome> => {
    const { rows } = await client.query(
      `SELECT id, full_name, email, staff_role, status FROM users
        WHERE id = ANY($1::uuid[]) AND kind = 'staff' AND council_id = $2 ORDER BY id FOR UPDATE`,
      [[admin.id, input.userId], admin.councilId],
    );
    const actor = rows.find((row) => row.id === admin.id);
    const target = rows.find((row) => row.id === input.userId);
    if (!target || actor?.staff_role !== 'admin' || actor.status !== 'active') return { outcome: 'not-found' };
    const account: StaffAccount = {
      id: target.id,
      fullName: target.full_name,
      email: target.email,
      role: target.staff_role,
    };
    if (account.role === input.role) return { outcome: 'unchanged', account };
    if (account.id === admin.id) return { outcome: 'own-admin-role', account };
    const now = deps.clock.now();
    await client.query(`UPDATE users SET staff_role = $2, updated_at = $3 WHERE id = $1`, [
      account.id,
      input.role,
      now,
    ]);
    await audit(
      client,
      {
        action: 'staff.staff-role-changed',
        actorUserId: admin.id,
        subjectUserId: account.id,
        ip: input.ip,
        details: { from: account.role, to: input.role },
      },
      now,
    );
    return { outcome: 'changed', account: { ...account, role: input.role } };
  });
}
