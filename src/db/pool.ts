import pg from 'pg';
import type { Logger } from 'pino';

// DATE columns come back as 'YYYY-MM-DD' strings: they are calendar dates, not instants.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// COUNT(*) and other bigints fit comfortably in a JS number for this service's sizes.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** What a data function needs: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export function createPool(connectionString: string, max: number, logger?: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'ehc-hub',
  });
  // An idle client losing its server (a restart, a network blip) must not crash the process;
  // the pool drops it and the next query connects afresh.
  pool.on('error', (error) => logger?.warn({ err: error }, 'database connection lost'));
  return pool;
}

/** Runs `work` in a transaction on one client, rolling back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
