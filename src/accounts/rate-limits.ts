import crypto from 'node:crypto';
import type { Queryable } from '../db/pool.js';

export interface Limit {
  /** Tries allowed in one window; the failed try that reaches it starts the block, if there is one. */
  max: number;
  windowMs: number;
  blockMs?: number;
  /** Growing delays: each block in a row lets one more try through and doubles, up to this. */
  maxBlockMs?: number;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * 10 failed sign-ins to one account from one address in 15 minutes make that address wait 15
 * minutes for that account; the owner, elsewhere, is not held up by it.
 */
export const SIGN_IN_ACCOUNT_ADDRESS_LIMIT: Limit = { max: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
/**
 * From every address together (NIST SP 800-63B 5.2.2 allows at most 100 failures in a row):
 * after 50 failures in a day, one try a minute, then two minutes, four... up to an hour.
 * A right password still needs the second factor.
 */
export const SIGN_IN_ACCOUNT_LIMIT: Limit = { max: 50, windowMs: 24 * HOUR, blockMs: MINUTE, maxBlockMs: HOUR };
/** Many people share an address (a council office, a school), so this one is far wider. */
export const SIGN_IN_ADDRESS_LIMIT: Limit = { max: 500, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
/** At most 3 "Reset password" emails an hour to one address. */
export const RESET_EMAIL_LIMIT: Limit = { max: 3, windowMs: 60 * MINUTE };
/** "Forgotten password?" forms from one network address: 30 an hour. */
export const RESET_REQUEST_ADDRESS_LIMIT: Limit = { max: 30, windowMs: HOUR, blockMs: HOUR };

type LimitKind =
  | 'sign-in-account'
  | 'sign-in-account-address'
  | 'sign-in-address'
  | 'reset-email'
  | 'reset-request-address'
  | 'account-email'
  | 'account-request-address';

const hashed = (identifier: string) => crypto.createHash('sha256').update(identifier).digest('hex');

/**
 * A counter's key; what it counts (an email address someone typed, an IP address) is hashed.
 * With two identifiers (an account and an address) the key starts with the first one's.
 */
export function limitKey(kind: LimitKind, ...identifiers: [string] | [string, string]): string {
  return `${kind}:${identifiers.map(hashed).join(':')}`;
}

export async function blockedUntil(db: Queryable, key: string, now: Date): Promise<Date | undefined> {
  const { rows } = await db.query('SELECT blocked_until FROM rate_limits WHERE key = $1 AND blocked_until > $2', [
    key,
    now,
  ]);
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
       strikes = CASE WHEN ${IN_WINDOW} THEN r.strikes ELSE 0 END,
       blocked_until = NULL
     WHERE (r.blocked_until IS NULL OR r.blocked_until <= $2::timestamptz)
       AND (NOT (${IN_WINDOW}) OR r.hits < $4::int + r.strikes)
     RETURNING hits`,
    [key, now, limit.windowMs, limit.max],
  );
  return rows[0]?.hits;
}

/**
 * A claimed try failed: once the window holds `max` failed tries (one more for each block in a
 * row) the block starts, doubling each time up to `maxBlockMs`. Gives the block in force.
 */
export async function recordFailedTry(db: Queryable, key: string, limit: Limit, now: Date): Promise<Date | undefined> {
  const blockMs = limit.blockMs ?? limit.windowMs;
  const { rows } = await db.query(
    `UPDATE rate_limits SET
       blocked_until = CASE
         WHEN blocked_until > $2 THEN blocked_until
         WHEN hits >= $3::int + strikes
           THEN $2::timestamptz + LEAST($4::float8 * power(2, strikes), $5::float8) * interval '1 millisecond'
       END,
       strikes = CASE WHEN blocked_until > $2 OR hits < $3::int + strikes THEN strikes ELSE strikes + 1 END
      WHERE key = $1
      RETURNING blocked_until`,
    [key, now, limit.max, blockMs, limit.maxBlockMs ?? blockMs],
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
    `UPDATE rate_limits SET hits = GREATEST(hits - $2::int, 0), strikes = CASE WHEN $4 THEN 0 ELSE strikes END
      WHERE key = $1 AND (blocked_until IS NULL OR blocked_until <= $3)`,
    [key, forgive ? place : 1, now, forgive],
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

/** Clears every counter for an account from any address (see limitKey). */
export async function clearAccountAddressLimits(db: Queryable, email: string): Promise<void> {
  await db.query(`DELETE FROM rate_limits WHERE key LIKE $1 || ':%'`, [limitKey('sign-in-account-address', email)]);
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
