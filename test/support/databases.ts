import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../src/db/embedded.js';

/**
 * Each test file gets a database of its own, cloned from a migrated template that test/run.ts
 * made once for the run: a PGlite data folder dump by default, or a PostgreSQL template database
 * when DATABASE_URL is set.
 */
export interface TestDatabase {
  connectionString: string;
  drop(): Promise<void>;
}

export const TEMPLATE_ENV = {
  pgTemplate: 'EHC_TEST_PG_TEMPLATE',
  pgPrefix: 'EHC_TEST_PG_PREFIX',
  pgliteTemplate: 'EHC_TEST_PGLITE_TEMPLATE',
} as const;

/**
 * Why tests that send many requests at once run only on PostgreSQL: pglite-socket interleaves the
 * extended-protocol messages of concurrent connections into PGlite's one session
 * (electric-sql/pglite#1046), so such bursts fail there whatever the app does.
 */
export const PGLITE_CONCURRENCY_SKIP = process.env.DATABASE_URL
  ? false
  : 'PGlite: pglite-socket interleaves concurrent connections (electric-sql/pglite#1046); run with DATABASE_URL';

export function serverUrlFor(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrlFor(databaseUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** PostgreSQL only: a database with nothing in it, not even the migrations (as a council's new one). */
export async function createEmptyPostgresDatabase(): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL;
  const prefix = process.env[TEMPLATE_ENV.pgPrefix];
  if (!databaseUrl || !prefix) throw new Error('Run the tests with DATABASE_URL set, through `npm test`.');
  const name = `${prefix}${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(databaseUrl, `CREATE DATABASE "${name}"`);
  return {
    connectionString: serverUrlFor(databaseUrl, name),
    drop: () => adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function createTestDatabase(maxConnections = 20): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = process.env[TEMPLATE_ENV.pgTemplate];
    const prefix = process.env[TEMPLATE_ENV.pgPrefix];
    if (!template || !prefix) throw new Error('Run the tests with `npm test`: it prepares the template database.');
    const name = `${prefix}${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(databaseUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    return {
      connectionString: serverUrlFor(databaseUrl, name),
      drop: () => adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const templateFile = process.env[TEMPLATE_ENV.pgliteTemplate];
  if (!templateFile) throw new Error('Run the tests with `npm test`: it prepares the template database.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-test-'));
  const embedded = await startEmbeddedDatabase({
    dataDir: path.join(dir, 'pglite'),
    maxConnections,
    loadFrom: new Blob([fs.readFileSync(templateFile)]),
  });
  return {
    connectionString: embedded.connectionString,
    async drop() {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
