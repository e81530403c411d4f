import type pg from 'pg';

/** The `count` column of a `SELECT count(*) ...`. */
export async function count(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query(sql, params);
  return Number(rows[0].count);
}

/** Emails queued (pg-boss jobs) to an address, oldest first, whatever their delivery state. */
export async function queuedEmails(
  pool: pg.Pool,
  to: string,
): Promise<{ to: string; subject: string; text: string }[]> {
  const { rows } = await pool.query(
    `SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1 ORDER BY created_on, id`,
    [to],
  );
  return rows.map((row) => row.data);
}

/** The audit actions about a user, in the order they happened. */
export async function auditActions(pool: pg.Pool, userId: string): Promise<string[]> {
  const { rows } = await pool.query('SELECT action FROM audit_log WHERE subject_user_id = $1 ORDER BY id', [userId]);
  return rows.map((row) => row.action);
}
