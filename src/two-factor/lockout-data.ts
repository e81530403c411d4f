import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

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

/** Counts a wrong code; the fifth in a row locks code entry. Gives the lock's end if it locked. */
export async function countWrongCode(client: pg.PoolClient, userId: string, now: Date): Promise<Date | undefined> {
  const { rows } = await client.query(
    `INSERT INTO two_factor_failures (user_id, wrong_codes) VALUES ($1, 1)
     ON CONFLICT (user_id) DO UPDATE SET wrong_codes = two_factor_failures.wrong_codes + 1
     RETURNING wrong_codes`,
    [userId],
  );
  if (rows[0].wrong_codes < WRONG_CODES_BEFORE_LOCK) return undefined;
  const until = new Date(now.getTime() + LOCK_MS);
  await client.query('UPDATE two_factor_failures SET wrong_codes = 0, locked_until = $2 WHERE user_id = $1', [userId, until]);
  return until;
}

/** A right code ends the run of wrong ones (but never a lock in force). */
export async function clearWrongCodes(client: pg.PoolClient, userId: string, now: Date) {
  await client.query(
    'DELETE FROM two_factor_failures WHERE user_id = $1 AND (locked_until IS NULL OR locked_until <= $2)',
    [userId, now],
  );
}
