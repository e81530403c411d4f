// `npm test`: prepares a migrated template database once, runs every test file against its own
// clone (PGlite by default, PostgreSQL when DATABASE_URL is set), then cleans up.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { startEmbeddedDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { serverUrlFor, TEMPLATE_ENV } from './support/databases.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function prepareSchema(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 2 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  // pg-boss makes its own schema on first start; doing it once here saves every test file the time.
  const boss = new PgBoss({ connectionString, max: 1 });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

function findTests(dirs: string[], only: string[]): string[] {
  if (only.length > 0) return only;
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts')) found.push(path.relative(root, full));
    }
  };
  dirs.forEach((dir) => walk(path.join(root, dir)));
  return found.sort();
}

async function main() {
  const only = process.argv.slice(2);
  spawnSync('npx', ['tsx', 'scripts/build-css.ts'], { cwd: root, stdio: 'inherit' });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };
  const cleanups: (() => Promise<void>)[] = [];
  const databaseUrl = process.env.DATABASE_URL;

  if (databaseUrl) {
    const run = `ehc_test_${crypto.randomBytes(3).toString('hex')}_`;
    const template = `${run}template`;
    const admin = new pg.Client({ connectionString: serverUrlFor(databaseUrl, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    await prepareSchema(serverUrlFor(databaseUrl, template));
    env[TEMPLATE_ENV.pgTemplate] = template;
    env[TEMPLATE_ENV.pgPrefix] = run;
    console.log(`Testing on PostgreSQL (template database ${template})`);
    cleanups.push(async () => {
      const { rows } = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${run}%`]);
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await admin.end();
    });
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-template-'));
    const embedded = await startEmbeddedDatabase({ dataDir: path.join(dir, 'pglite') });
    await prepareSchema(embedded.connectionString);
    await embedded.stop();
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(path.join(dir, 'pglite'));
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    const file = path.join(dir, 'template.tar.gz');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    env[TEMPLATE_ENV.pgliteTemplate] = file;
    console.log('Testing on PGlite (embedded PostgreSQL)');
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  }

  const files = findTests(['src', 'test'], only);
  const concurrency = process.env.TEST_CONCURRENCY ?? '2';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=600000', ...files],
    { cwd: root, env, stdio: 'inherit' },
  );
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  for (const cleanup of cleanups) await cleanup().catch((error) => console.error('cleanup failed:', error));
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
