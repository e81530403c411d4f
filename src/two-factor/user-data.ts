import type pg from 'pg';
import type { Queryable } from '../db/pool.js';

export type TwoFactorMethod = 'app' | 'sms';

/** What the code pages need to know about an account. */
export interface TwoFactorUser {
  id: string;
  email: string;
  fullName: string;
  kind: 'family' | 'staff';
  status: 'invited' | 'active' | 'disabled';
  method: TwoFactorMethod | null;
  totpSecretEncrypted: string | null;
  totpLastStep: number | null;
  phoneEncrypted: string | null;
}

export async function findTwoFactorUser(db: Queryable, userId: string): Promise<TwoFactorUser | undefined> {
  const { rows } = await db.query(
    `SELECT id, email, full_name, kind, status, two_factor_method, totp_secret_encrypted, totp_last_step, phone_encrypted
       FROM users WHERE id = $1`,
    [userId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    kind: row.kind,
    status: row.status,
    method: row.two_factor_method,
    totpSecretEncrypted: row.totp_secret_encrypted,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    phoneEncrypted: row.phone_encrypted,
  };
}

/** Holds the account's row until the transaction ends, so that two requests take turns. */
export async function lockUser(client: pg.PoolClient, userId: string): Promise<void> {
  await client.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
}

/**
 * Stores the app method. With `firstOnly`, only for an account that has no method yet (false if
 * it has one by now): a setup racing another can never replace a factor.
 */
export async function saveAppMethod(
  client: pg.PoolClient,
  userId: string,
  sealedSecret: string,
  step: number,
  now: Date,
  firstOnly: boolean,
): Promise<boolean> {
  const result = await client.query(
    `UPDATE users SET two_factor_method = 'app', totp_secret_encrypted = $2, totp_last_step = $3,
            phone_encrypted = NULL, updated_at = $4
      WHERE id = $1 AND (NOT $5 OR two_factor_method IS NULL)`,
    [userId, sealedSecret, step, now, firstOnly],
  );
  return result.rowCount === 1;
}

export async function saveSmsMethod(
  client: pg.PoolClient,
  userId: string,
  sealedPhone: string,
  now: Date,
  firstOnly: boolean,
): Promise<boolean> {
  const result = await client.query(
    `UPDATE users SET two_factor_method = 'sms', phone_encrypted = $2, totp_secret_encrypted = NULL,
            totp_last_step = NULL, updated_at = $3
      WHERE id = $1 AND (NOT $4 OR two_factor_method IS NULL)`,
    [userId, sealedPhone, now, firstOnly],
  );
  return result.rowCount === 1;
}

/** Records the step of an accepted app code; false if that step (or a later one) was already used. */
export async function recordTotpStep(client: pg.PoolClient, userId: string, step: number): Promise<boolean> {
  const result = await client.query(
    `UPDATE users SET totp_last_step = $2
      WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
    [userId, step],
  );
  return result.rowCount === 1;
}

export async function recordSignedIn(client: pg.PoolClient, userId: string, now: Date) {
  await client.query('UPDATE users SET last_signed_in_at = $2 WHERE id = $1', [userId, now]);
}
