import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';
import { FolderInUseError } from './folder-lock.js';
import { createPool, type Pool } from './pool.js';
import { runningServerFor } from './running-server.js';

export interface Database {
  pool: Pool;
  connectionString: string;
  embedded: boolean;
  /** The process serving the embedded database, when it is another one. */
  servedByPid?: number;
  /** How busy the embedded database's thread has been (for benchmarks). */
  embeddedBusy?: EmbeddedDatabase['busy'];
  close(): Promise<void>;
}

/**
 * The one way the app reaches PostgreSQL: a real server when DATABASE_URL is set, otherwise
 * PGlite in this process behind a loopback socket. Either way the rest of the app sees a pg.Pool.
 * With `shareRunningServer` (the operator CLI), an embedded database another process is already
 * serving is reached through that process.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: { shareRunningServer?: boolean } = {},
): Promise<Database> {
  const max = config.database.poolMax;
  if (config.database.url) {
    const pool = createPool(config.database.url, max, logger);
    return { pool, connectionString: config.database.url, embedded: false, close: () => pool.end() };
  }
  let embedded: EmbeddedDatabase;
  try {
    embedded = await startEmbeddedDatabase({ dataDir: config.database.pgliteDir });
  } catch (error) {
    if (!(error instanceof FolderInUseError) || !options.shareRunningServer) throw error;
    const dataDir = path.resolve(config.database.pgliteDir);
    const connectionString = await runningServerFor(dataDir, error.owner);
    const pool = createPool(connectionString, 2, logger);
    return { pool, connectionString, embedded: true, servedByPid: error.owner, close: () => pool.end() };
  }
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
