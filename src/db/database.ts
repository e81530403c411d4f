import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';
import { createPool, type Pool } from './pool.js';

export interface Database {
  pool: Pool;
  connectionString: string;
  embedded: boolean;
  /** How busy the embedded database's thread has been (for benchmarks). */
  embeddedBusy?: EmbeddedDatabase['busy'];
  close(): Promise<void>;
}

/**
 * The one way the app reaches PostgreSQL: a real server when DATABASE_URL is set, otherwise
 * PGlite in this process behind a loopback socket. Either way the rest of the app sees a pg.Pool.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  const max = config.database.poolMax;
  if (config.database.url) {
    const pool = createPool(config.database.url, max, logger);
    return { pool, connectionString: config.database.url, embedded: false, close: () => pool.end() };
  }
  // pg-boss opens its own small pool beside the app's, so leave it room.
  const embedded = await startEmbeddedDatabase({
    dataDir: config.database.pgliteDir,
    maxConnections: max + 6,
  });
  const pool = createPool(embedded.connectionString, max, logger);
  return {
    pool,
    connectionString: embedded.connectionString,
    embedded: true,
    embeddedBusy: embedded.busy,
    async close() {
      await pool.end();
      await embedded.stop();
    },
  };
}
