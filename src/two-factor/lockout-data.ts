import type pg from 'pg';
import type { Queryable } from '../db/pool.js';

export const WRONG_CODES_BEFORE_LOCK = 5;
export const LOCK_MS = 15 * 60 * 1000;

/** When code entry opens again for the account, if it is locked now. */
export async function lockedUntil(db: Queryable, userId: string, now: Date): Promise<Date | undefined> {
  const { rows } = await db.query(
    'SELECT locked_until FROM two_factor_failures WHERE user_id = $1 AND locked_until > $2',
    [userId, now],
  );
  return rows[0]?.locked_until ?? undefined;
}

/**
 * Claims one try at a code before the code is looked at, in one statement, so that requests
 * sent together (to one process or many) can never check more than the limit: every try counts
 * as wrong until it proves right. Gives the try's place in the run, or nothing while code entry
 * is locked or every try left is already being checked. A lock that is over starts a new run.
 */
export async function claimCodeAttempt(db: Queryable, userId: string, now: Date): Promise<number | undefined> {
  const { rows } = await db.query(
    `INSERT INTO two_factor_failures AS f (user_id, wrong_codes) VALUES ($1, 1)
     ON CONFLICT (user_id) DO UPDATE SET
       wrong_codes = CASE WHEN f.locked_until <= $2 THEN 1 ELSE f.wrong_codes + 1 END,
       locked_until = CASE WHEN f.locked_until <= $2 THEN NULL ELSE f.locked_until END
     WHERE f.locked_until <= $2 OR (f.locked_until IS NULL AND f.wrong_codes < $3)
     RETURNING wrong_codes`,
    [userId, now, WRONG_CODES_BEFORE_LOCK],
  );
  return rows[0]?.wrong_codes;
}

/**
 * A claimed try was wrong: once the run has reached the limit, code entry locks. Gives the end
 * of the lock in force (and whether this try started it).
 */
export async function recordWrongCode(
  client: pg.PoolClient,
  userId: string,
  now: Date,
): Promise<{ until?: Date; started: boolean }> {
  const until = new Date(now.getTime() + LOCK_MS);
  const { rows } = await client.query(
    `UPDATE two_factor_failures SET locked_until = $3
      WHERE user_id = $1 AND wrong_codes >= $4 AND (locked_until IS NULL OR locked_until <= $2)
      RETURNING locked_until`,
    [userId, now, until, WRONG_CODES_BEFORE_LOCK],
  );
  if (rows[0]) return { until: rows[0].locked_until, started: true };
  return { until: await lockedUntil(client, userId, now), started: false };
}

/** A claimed try that was not counted (an expired code) gives its place back. */
export async function releaseCodeAttempt(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE two_factor_failures SET wrong_codes = GREATEST(wrong_codes - 1, 0) WHERE user_id = $1', [
    userId,
  ]);
}

/**
 * A right code forgives the wrong ones before it in the run (tries claimed after it still count),
 * but never a lock in force: gives the lock's end instead, and the right code is refused.
 */
export async function forgiveWrongCodes(
  client: pg.PoolClient,
  userId: string,
  place: number,
  now: Date,
): Promise<Date | undefined> {
  await client.query(
    `UPDATE two_factor_failures SET wrong_codes = GREATEST(wrong_codes - $2, 0)
      WHERE user_id = $1 AND (locked_until IS NULL OR locked_until <= $3)`,
    [userId, place, now],
  );
  return lockedUntil(client, userId, now);
}
