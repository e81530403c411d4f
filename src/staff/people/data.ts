import type pg from 'pg';
import type { Queryable } from '../../db/pool.js';

/** A person the council may see: its own staff, anyone who is or was on one of its cases, or was asked for advice on one. */
const VISIBLE_TO_COUNCIL = `(u.council_id = $1 OR EXISTS (
  SELECT 1 FROM case_members m JOIN cases c ON c.id = m.case_id WHERE m.user_id = u.id AND c.council_id = $1) OR EXISTS (
  SELECT 1 FROM advice_requests ar JOIN cases c ON c.id = ar.case_id WHERE ar.adviser_user_id = u.id AND c.council_id = $1))`;

/** Whether this council may already see the account (its staff, or someone on one of its cases, now or before). */
export async function isKnownToCouncil(db: Queryable, councilId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM users u WHERE u.id = $2 AND ${VISIBLE_TO_COUNCIL}`, [
    councilId,
    userId,
  ]);
  return rows.length > 0;
}

export interface PersonListing {
  id: string;
  fullName: string;
  email: string;
  kind: 'family' | 'staff';
  status: 'invited' | 'active' | 'disabled';
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** By the start of the email address, or any part of the name. */
export async function findPeople(db: Queryable, councilId: string, search: string): Promise<PersonListing[]> {
  const term = escapeLike(search.trim().toLowerCase());
  const { rows } = await db.query(
    `SELECT u.id, u.full_name, u.email, u.kind, u.status FROM users u
      WHERE ${VISIBLE_TO_COUNCIL} AND (u.email LIKE $2 OR lower(u.full_name) LIKE $3)
      ORDER BY lower(u.full_name), u.email LIMIT 50`,
    [councilId, `${term}%`, `%${term}%`],
  );
  return rows.map((row) => ({
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    kind: row.kind,
    status: row.status,
  }));
}

export interface Person extends PersonListing {
  staffRole: 'caseworker' | 'admin' | null;
  twoFactorMethod: 'app' | 'sms' | null;
  registeredAt: Date | null;
  lastSignedInAt: Date | null;
  createdAt: Date;
  /** Has access to a case of another council: then only that account's owner may change it, not this council. */
  onAnotherCouncilsCase: boolean;
}

export async function findPerson(
  db: Queryable,
  councilId: string,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<Person | undefined> {
  const { rows } = await db.query(
    `SELECT u.id, u.full_name, u.email, u.kind, u.status, u.staff_role, u.two_factor_method, u.registered_at, u.last_signed_in_at, u.created_at,
            EXISTS (SELECT 1 FROM case_members om JOIN cases oc ON oc.id = om.case_id
                     WHERE om.user_id = u.id AND om.removed_at IS NULL AND oc.council_id <> $1) AS on_another_councils_case
       FROM users u WHERE u.id = $2 AND ${VISIBLE_TO_COUNCIL}${options.lock ? ' FOR UPDATE OF u' : ''}`,
    [councilId, userId],
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      fullName: row.full_name,
      email: row.email,
      kind: row.kind,
      status: row.status,
      staffRole: row.staff_role,
      twoFactorMethod: row.two_factor_method,
      registeredAt: row.registered_at,
      lastSignedInAt: row.last_signed_in_at,
      createdAt: row.created_at,
      onAnotherCouncilsCase: row.on_another_councils_case,
    }
  );
}

export interface PersonCase {
  caseId: string;
  reference: string;
  childName: string;
  role: string;
  removed: boolean;
}

/** The person's cases at this council only. */
export async function casesOfPerson(db: Queryable, councilId: string, userId: string): Promise<PersonCase[]> {
  const { rows } = await db.query(
    `SELECT c.id, c.reference, ch.last_name || ', ' || ch.first_name AS child_name, m.role, m.removed_at
       FROM case_members m JOIN cases c ON c.id = m.case_id JOIN children ch ON ch.id = c.child_id
      WHERE m.user_id = $2 AND c.council_id = $1
      ORDER BY m.removed_at IS NOT NULL, ch.last_name, ch.first_name LIMIT 500`,
    [councilId, userId],
  );
  return rows.map((row) => ({
    caseId: row.id,
    reference: row.reference,
    childName: row.child_name,
    role: row.role,
    removed: row.removed_at !== null,
  }));
}

export async function setStatus(
  client: pg.PoolClient,
  userId: string,
  status: 'disabled' | 'enabled',
  at: Date,
): Promise<void> {
  await client.query(
    status === 'disabled'
      ? `UPDATE users SET status = 'disabled', updated_at = $2 WHERE id = $1`
      : `UPDATE users SET status = CASE WHEN password_hash IS NULL THEN 'invited' ELSE 'active' END, updated_at = $2 WHERE id = $1`,
    [userId, at],
  );
}

/** Signs them out everywhere (express-session's rows in the `session` table). */
export async function endSessions(db: Queryable, userId: string): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM session WHERE sess->'auth'->>'userId' = $1`, [userId]);
  return rowCount ?? 0;
}

export interface EmailFailure {
  subject: string;
  reason: string;
  failedAt: Date;
}

/** The newest emails to this address that the provider refused for good. */
export async function emailFailuresFor(db: Queryable, email: string): Promise<EmailFailure[]> {
  const { rows } = await db.query(
    `SELECT subject, reason, failed_at FROM email_delivery_failures WHERE lower(recipient) = lower($1) ORDER BY failed_at DESC, id DESC LIMIT 5`,
    [email],
  );
  return rows.map((row) => ({ subject: row.subject, reason: row.reason, failedAt: row.failed_at }));
}
