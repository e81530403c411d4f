import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO } from '../../src/seed/demo.js';
import { createEmptyPostgresDatabase, type TestDatabase } from '../support/databases.js';
import { freePort, startProcess, waitForOutput, type StartedProcess } from '../support/real-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Only PostgreSQL can be shared by two processes at once (the embedded database is one process's).
describe(
  'two development processes started together on one new PostgreSQL database',
  { skip: !process.env.DATABASE_URL && 'PGlite run' },
  () => {
    let database: TestDatabase;
    const processes: StartedProcess[] = [];
    after(async () => {
      for (const started of processes) {
        started.child.kill('SIGTERM');
        await started.exited;
      }
      await database?.drop();
    });

    it('both start, and the demo data is there once', { timeout: 180_000 }, async () => {
      database = await createEmptyPostgresDatabase();
      for (let i = 0; i < 2; i++) {
        const env = { DATABASE_URL: database.connectionString, PORT: String(await freePort()) };
        processes.push(startProcess(process.execPath, ['--import', 'tsx', 'src/server.ts'], env, root));
      }
      for (const started of processes) await waitForOutput(started, /EHC Hub is running at/);

      const pool = new pg.Pool({ connectionString: database.connectionString, max: 1 });
      try {
        const { rows } = await pool.query(
          `SELECT (SELECT count(*) FROM users WHERE email = ANY($1))::int AS users, (SELECT count(*) FROM cases)::int AS cases`,
          [[DEMO.staff.email, DEMO.parent.email]],
        );
        assert.deepEqual(rows[0], { users: 2, cases: 2 });
      } finally {
        await pool.end();
      }
    });
  },
);
