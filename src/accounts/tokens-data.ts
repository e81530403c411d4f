import type pg from 'pg';
import {
  generateToken,
  hashToken,
  TOKEN_LIFETIME_MS,
  tokenState,
  type TokenPurpose,
  type TokenState,
} from './tokens.js';
import type { Queryable } from '../db/pool.js';

export interface StoredToken {
  id: string;
  userId: string;
  purpose: TokenPurpose;
  details: Record<string, unknown>;
  expiresAt: Date;
  usedAt: Date | null;
  replacedAt: Date | null;
}

const COLUMNS = `id, user_id, purpose, details, expires_at, used_at, replaced_at`;

function toToken(row: Record<string, unknown>): StoredToken {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    purpose: row.purpose as TokenPurpose,
    details: (row.details as Record<string, unknown>) ?? {},
    expiresAt: row.expires_at as Date,
    usedAt: (row.used_at as Date | null) ?? null,
    replacedAt: (row.replaced_at as Date | null) ?? null,
  };
}

/**
 * Makes a new link token for a user, replacing any earlier unused one of the same purpose.
 * Returns the token itself, which exists only in the email it is sent in.
 */
export async function issueToken(
  client: pg.PoolClient,
  input: { userId: string; purpose: TokenPurpose; now: Date; details?: Record<string, unknown> },
): Promise<{ token: string; expiresAt: Date }> {
  const { userId, purpose, now } = input;
  // One token issuer at a time per user, so two quick requests cannot leave two live links.
  await client.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
  await client.query(
    `UPDATE account_tokens SET replaced_at = $3
      WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND replaced_at IS NULL`,
    [userId, purpose, now],
  );
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  await client.query(
    `INSERT INTO account_tokens (user_id, purpose, token_hash, details, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [userId, purpose, hashToken(token), JSON.stringify(input.details ?? {}), now, expiresAt],
  );
  return { token, expiresAt };
}

export async function findToken(
  db: Queryable,
  purpose: TokenPurpose,
  token: string,
  now: Date,
): Promise<{ state: TokenState; token?: StoredToken }> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM account_tokens WHERE token_hash = $1 AND purpose = $2`, [
    hashToken(token),
    purpose,
  ]);
  const stored = rows[0] ? toToken(rows[0]) : undefined;
  return { state: tokenState(stored, now), token: stored };
}

/** Marks a token used, if it still can be; false when another request got there first or it lapsed. */
export async function consumeToken(client: pg.PoolClient, tokenId: string, now: Date): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE account_tokens SET used_at = $2
      WHERE id = $1 AND used_at IS NULL AND replaced_at IS NULL AND expires_at > $2`,
    [tokenId, now],
  );
  return rowCount === 1;
}

/** The most recent invitation's details (who invited them and why), for a resend. */
export async function latestTokenDetails(
  db: Queryable,
  userId: string,
  purpose: TokenPurpose,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await db.query(
    `SELECT details FROM account_tokens WHERE user_id = $1 AND purpose = $2
      ORDER BY created_at DESC LIMIT 1`,
    [userId, purpose],
  );
  return rows[0]?.details;
}
