import type pg from 'pg';
import type { Queryable } from '../../db/pool.js';
import { generateToken, hashToken, tokenState, type TokenState } from '../../accounts/tokens.js';

/** "Create an account" links work for 1 hour, as a password reset does. */
export const ACCOUNT_LINK_LIFETIME_MS = 60 * 60 * 1000;

export interface AccountCreationLink {
  id: string;
  email: string;
  fullName: string;
}

/** A new link for an address, replacing any earlier unused one; the token exists only in the email. */
export async function issueAccountLink(
  client: pg.PoolClient,
  input: { email: string; fullName: string; now: Date },
): Promise<string> {
  // One issuer at a time per address, so two quick requests cannot leave two live links.
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`account-link:${input.email}`]);
  await client.query(
    `UPDATE account_creation_links SET replaced_at = $2 WHERE email = $1 AND used_at IS NULL AND replaced_at IS NULL`,
    [input.email, input.now],
  );
  const token = generateToken();
  await client.query(
    `INSERT INTO account_creation_links (email, full_name, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
    [
      input.email,
      input.fullName,
      hashToken(token),
      input.now,
      new Date(input.now.getTime() + ACCOUNT_LINK_LIFETIME_MS),
    ],
  );
  return token;
}

export async function findAccountLink(
  db: Queryable,
  token: string,
  now: Date,
): Promise<{ state: TokenState; link?: AccountCreationLink }> {
  const { rows } = await db.query(
    `SELECT id, email, full_name, expires_at, used_at, replaced_at FROM account_creation_links WHERE token_hash = $1`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return { state: 'unknown' };
  const state = tokenState({ expiresAt: row.expires_at, usedAt: row.used_at, replacedAt: row.replaced_at }, now);
  return { state, link: { id: row.id, email: row.email, fullName: row.full_name } };
}

/** Marks a link used, if it still can be; false when another request got there first or it lapsed. */
export async function consumeAccountLink(client: pg.PoolClient, id: string, now: Date): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE account_creation_links SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND replaced_at IS NULL AND expires_at > $2`,
    [id, now],
  );
  return rowCount === 1;
}

/** A new family account, active with its first password (the address had none). */
export async function insertFamilyAccount(
  client: pg.PoolClient,
  input: { email: string; fullName: string; passwordHash: string; now: Date },
): Promise<string | undefined> {
  const { rows } = await client.query(
    `INSERT INTO users (email, full_name, kind, status, password_hash, password_changed_at, registered_at, created_at, updated_at)
     VALUES ($1, $2, 'family', 'active', $3, $4, $4, $4, $4)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [input.email, input.fullName, input.passwordHash, input.now],
  );
  return rows[0]?.id;
}
