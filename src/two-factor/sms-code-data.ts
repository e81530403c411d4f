import type pg from 'pg';
import type { Queryable } from '../db/pool.js';

export type SmsCodePurpose = 'setup' | 'sign-in' | 'reauth';

/** Why a code is sent: a new sign-in (or setup, or change), or the person asked for it again. */
export type SendReason = 'new' | 'resend';

export interface StoredSmsCode {
  id: string;
  purpose: SmsCodePurpose;
  codeHash: string;
  phoneEncrypted: string;
  expiresAt: Date;
}

export async function findSmsCode(db: Queryable, userId: string): Promise<StoredSmsCode | undefined> {
  const { rows } = await db.query(
    'SELECT id, purpose, code_hash, phone_encrypted, expires_at FROM sms_login_codes WHERE user_id = $1',
    [userId],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        purpose: row.purpose,
        codeHash: row.code_hash,
        phoneEncrypted: row.phone_encrypted,
        expiresAt: row.expires_at,
      }
    : undefined;
}

/** Sends for this reason in the window so far, oldest first (their times say when the window frees up). */
export async function sendsSince(
  client: pg.PoolClient,
  userId: string,
  since: Date,
  reason: SendReason,
): Promise<Date[]> {
  // Older sends no longer count for anything: drop them as we go.
  await client.query('DELETE FROM sms_code_sends WHERE user_id = $1 AND sent_at <= $2', [userId, since]);
  const { rows } = await client.query(
    'SELECT sent_at FROM sms_code_sends WHERE user_id = $1 AND reason = $2 ORDER BY sent_at',
    [userId, reason],
  );
  return rows.map((row) => row.sent_at as Date);
}

/** Stores a new code, replacing any earlier one for the account, and counts the send. */
export async function storeSmsCode(
  client: pg.PoolClient,
  userId: string,
  code: StoredSmsCode,
  sentAt: Date,
  reason: SendReason,
): Promise<void> {
  await client.query(
    `INSERT INTO sms_login_codes (user_id, id, purpose, code_hash, phone_encrypted, sent_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (user_id) DO UPDATE SET id = EXCLUDED.id, purpose = EXCLUDED.purpose,
       code_hash = EXCLUDED.code_hash, phone_encrypted = EXCLUDED.phone_encrypted,
       sent_at = EXCLUDED.sent_at, expires_at = EXCLUDED.expires_at`,
    [userId, code.id, code.purpose, code.codeHash, code.phoneEncrypted, sentAt, code.expiresAt],
  );
  await client.query('INSERT INTO sms_code_sends (user_id, sent_at, reason) VALUES ($1, $2, $3)', [
    userId,
    sentAt,
    reason,
  ]);
}

/** Uses up a code; false if it was already used or replaced meanwhile. */
export async function consumeSmsCode(client: pg.PoolClient, userId: string, codeId: string): Promise<boolean> {
  const result = await client.query('DELETE FROM sms_login_codes WHERE user_id = $1 AND id = $2', [userId, codeId]);
  return result.rowCount === 1;
}
