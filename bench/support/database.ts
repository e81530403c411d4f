// The database a benchmark runs on: a new PostgreSQL database on the server given, or a new
// embedded PGlite folder; either is thrown away afterwards.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../src/db/embedded.js';

export interface BenchDatabase {
  connectionString: string;
  close(): Promise<void>;
}

/** A new, empty database on the PostgreSQL server at `serverUrl`, dropped by close(). */
export async function createServerDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `ehc_bench_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    connectionString: url.toString(),
    async close() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** PostgreSQL when DATABASE_URL is set, else a new PGlite folder served on loopback. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) return createServerDatabase(process.env.DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-bench-'));
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(dir, 'pglite') });
  return {
    connectionString: embedded.connectionString,
    async close() {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
