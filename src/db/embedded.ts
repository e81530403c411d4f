import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireFolderLock, type FolderLock } from './folder-lock.js';
import { servePglite } from './pglite-server.js';

export interface EmbeddedDatabase {
  connectionString: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Client connections beyond this many are refused (none by default). */
  maxConnections?: number;
  /** A dump made by `dumpDataDir`, to start from instead of an empty folder (tests use a migrated template). */
  loadFrom?: Blob;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) in this process, served on a loopback port so that
 * the app talks to it through the same pg.Pool it uses for a real server (see pglite-server.ts).
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lock: FolderLock = acquireFolderLock(`${dataDir}.lock`, dataDir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dataDir, options.loadFrom ? { loadDataDir: options.loadFrom } : {});
    const database = db;
    const server = await servePglite(database, { maxConnections: options.maxConnections });
    const { host, port } = server;
    return {
      connectionString: `postgres://postgres@${host}:${port}/postgres?sslmode=disable`,
      async stop() {
        await server.stop();
        await database.close();
        lock.release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}
