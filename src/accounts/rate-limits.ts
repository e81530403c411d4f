import crypto from 'node:crypto';
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export interface Limit {
  /** Hits allowed in one window; the hit that reaches it starts the block, if there is one. */
  max: number;
  windowMs: number;
  blockMs?: number;
}

const MINUTE = 60 * 1000;

/** 10 failed sign-ins for one account in 15 minutes lock it for 15 minutes. */
export const SIGN_IN_ACCOUNT_LIMIT: Limit = { max: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
/** Many people may share an address (a council office, a school), so this one is wider. */
export const SIGN_IN_ADDRESS_LIMIT: Limit = { max: 100, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
/** At most 3 "Reset password" emails an hour to one address. */
export const RESET_EMAIL_LIMIT: Limit = { max: 3, windowMs: 60 * MINUTE };

/** A counter's key; what it counts (an email address someone typed, an IP address) is hashed. */
export function limitKey(kind: 'sign-in-account' | 'sign-in-address' | 'reset-email', identifier: string): string {
  return `${kind}:${crypto.createHash('sha256').update(identifier).digest('hex')}`;
}

export async function blockedUntil(db: Queryable, key: string, now: Date): Promise<Date | undefined> {
  const { rows } = await db.query(
    'SELECT blocked_until FROM rate_limits WHERE key = $1 AND blocked_until > $2',
    [key, now],
  );
  return rows[0]?.blocked_until;
}

/**
 * Counts one hit in the key's current fixed window (a new window starts when the last one is
 * over) and starts the block when the hit reaches the limit. One statement, so concurrent
 * hits from several processes are all counted.
 */
export async function recordHit(
  db: Queryable,
  key: string,
  limit: Limit,
  now: Date,
): Promise<{ hits: number; blockedUntil?: Date }> {
  const blockEnds = limit.blockMs ? new Date(now.getTime() + limit.blockMs) : null;
  const { rows } = await db.query(
    `INSERT INTO rate_limits AS r (key, hits, window_started_at, blocked_until)
     VALUES ($1, 1, $2, CASE WHEN 1 >= $4::int THEN $5::timestamptz END)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN r.window_started_at > $2::timestamptz - $3::int * interval '1 millisecond'
                   THEN r.hits + 1 ELSE 1 END,
       window_started_at = CASE WHEN r.window_started_at > $2::timestamptz - $3::int * interval '1 millisecond'
                   THEN r.window_started_at ELSE $2::timestamptz END,
       blocked_until = CASE
         WHEN r.blocked_until > $2::timestamptz THEN r.blocked_until
         WHEN (CASE WHEN r.window_started_at > $2::timestamptz - $3::int * interval '1 millisecond'
                    THEN r.hits + 1 ELSE 1 END) >= $4::int THEN $5::timestamptz
       END
     RETURNING hits, blocked_until`,
    [key, now, limit.windowMs, limit.max, blockEnds],
  );
  const row = rows[0];
  return { hits: row.hits, blockedUntil: row.blocked_until ?? undefined };
}

/** Clears a counter: a correct password or a new one forgives earlier failures. */
export async function clearLimit(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE key = $1', [key]);
}

/** Forgets counters whose window and block are long over, so the table stays small. */
export async function pruneRateLimits(db: Queryable, now: Date): Promise<void> {
  await db.query(
    `DELETE FROM rate_limits
      WHERE window_started_at < $1::timestamptz - interval '1 day'
        AND (blocked_until IS NULL OR blocked_until < $1::timestamptz)`,
    [now],
  );
}
