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

const IN_WINDOW = `r.window_started_at > $2::timestamptz - $3::int * interval '1 millisecond'`;

/**
 * Claims one try against a limit before the try is checked, in one statement, so that tries sent
 * at the same time (to one process or many) never check more than `max` in a window: each try
 * counts as failed until it succeeds. Gives the try's place in the window, or nothing while the
 * key is blocked or every try left is being checked by other requests.
 */
export async function claimTry(db: Queryable, key: string, limit: Limit, now: Date): Promise<number | undefined> {
  const { rows } = await db.query(
    `INSERT INTO rate_limits AS r (key, hits, window_started_at) VALUES ($1, 1, $2)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN ${IN_WINDOW} THEN r.hits + 1 ELSE 1 END,
       window_started_at = CASE WHEN ${IN_WINDOW} THEN r.window_started_at ELSE $2::timestamptz END,
       blocked_until = NULL
     WHERE (r.blocked_until IS NULL OR r.blocked_until <= $2::timestamptz)
       AND (NOT (${IN_WINDOW}) OR r.hits < $4::int)
     RETURNING hits`,
    [key, now, limit.windowMs, limit.max],
  );
  return rows[0]?.hits;
}

/** A claimed try failed: once the window holds `max` failed tries, the block starts. Gives the block in force. */
export async function recordFailedTry(db: Queryable, key: string, limit: Limit, now: Date): Promise<Date | undefined> {
  const blockEnds = new Date(now.getTime() + (limit.blockMs ?? limit.windowMs));
  const { rows } = await db.query(
    `UPDATE rate_limits SET blocked_until = CASE
         WHEN blocked_until > $2 THEN blocked_until
         WHEN hits >= $3 THEN $4::timestamptz
       END
      WHERE key = $1
      RETURNING blocked_until`,
    [key, now, limit.max, blockEnds],
  );
  return rows[0]?.blocked_until ?? undefined;
}

/**
 * A try that succeeded gives back its own place and, with `forgive`, forgives the failed tries
 * claimed before it (tries claimed after it still count) — but never a block in force: gives
 * the block's end instead, and the success must be refused.
 */
export async function settleSuccessfulTry(
  db: Queryable,
  key: string,
  place: number,
  now: Date,
  forgive: boolean,
): Promise<Date | undefined> {
  await db.query(
    `UPDATE rate_limits SET hits = GREATEST(hits - $2::int, 0)
      WHERE key = $1 AND (blocked_until IS NULL OR blocked_until <= $3)`,
    [key, forgive ? place : 1, now],
  );
  return blockedUntil(db, key, now);
}

/** A claimed try that was never checked gives its place back. */
export async function releaseTry(db: Queryable, key: string): Promise<void> {
  await db.query('UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = $1', [key]);
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
