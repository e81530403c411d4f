import type pg from 'pg';
import type { Queryable } from '../db/pool.js';

export type AccountStatus = 'invited' | 'active' | 'disabled';
export type TwoFactorMethod = 'app' | 'sms';

export interface Account {
  id: string;
  email: string;
  fullName: string;
  kind: 'family' | 'staff';
  status: AccountStatus;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  twoFactorMethod: TwoFactorMethod | null;
}

const COLUMNS = `id, email, full_name, kind, status, password_hash, password_changed_at, two_factor_method`;

function toAccount(row: Record<string, unknown>): Account {
  return {
    id: row.id as string,
    email: row.email as string,
    fullName: row.full_name as string,
    kind: row.kind as Account['kind'],
    status: row.status as AccountStatus,
    passwordHash: (row.password_hash as string | null) ?? null,
    passwordChangedAt: (row.password_changed_at as Date | null) ?? null,
    twoFactorMethod: (row.two_factor_method as TwoFactorMethod | null) ?? null,
  };
}

/** Usernames are email addresses, compared trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findAccountByEmail(db: Queryable, email: string): Promise<Account | undefined> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [normaliseEmail(email)]);
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function findAccountById(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Account | undefined> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM users WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export interface NewInvitedUser {
  email: string;
  fullName: string;
  kind: 'family' | 'staff';
  councilId?: string | null;
  staffRole?: 'caseworker' | 'admin' | null;
}

/** Creates the account in the 'invited' state unless the address already has one; locks it either way. */
export async function findOrCreateInvitedUser(
  client: pg.PoolClient,
  user: NewInvitedUser,
  now: Date,
): Promise<{ account: Account; created: boolean }> {
  const email = normaliseEmail(user.email);
  const inserted = await client.query(
    `INSERT INTO users (email, full_name, kind, council_id, staff_role, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'invited', $6, $6)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [email, user.fullName, user.kind, user.councilId ?? null, user.staffRole ?? null, now],
  );
  const { rows } = await client.query(`SELECT ${COLUMNS} FROM users WHERE email = $1 FOR UPDATE`, [email]);
  return { account: toAccount(rows[0]), created: inserted.rowCount === 1 };
}

/** Registration: the invited account becomes active with its first password. */
export async function activateAccount(
  client: pg.PoolClient,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE users SET status = 'active', password_hash = $2, password_changed_at = $3,
            registered_at = $3, updated_at = $3
      WHERE id = $1 AND status = 'invited'`,
    [userId, passwordHash, now],
  );
  return rowCount === 1;
}

export async function setPassword(
  client: pg.PoolClient,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await client.query(`UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1`, [
    userId,
    passwordHash,
    now,
  ]);
}

/**
 * Ends an account's sessions (the `session` table of express-session), except the one given:
 * after a password change the person who made it stays signed in, everyone else is out.
 */
export async function endSessionsOfUser(db: Queryable, userId: string, exceptSessionId?: string): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM session WHERE sess->'auth'->>'userId' = $1 AND sid <> $2`, [
    userId,
    exceptSessionId ?? '',
  ]);
  return rowCount ?? 0;
}
