import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { DEMO } from '../../src/seed/demo.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

// Two development processes started at once on one new database (`npm start` twice, or an app
// and a worker): whichever seeds the demo data first, both must start.
describe('two development servers started together on one new database', () => {
  let database: TestDatabase;
  let running: PromiseSettledResult<RunningServer>[] = [];

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    for (const result of running) if (result.status === 'fulfilled') await result.value.stop();
    await database.drop();
  });

  it('both start, and the demo data is there once', async () => {
    const config = loadConfig({ NODE_ENV: 'development', PORT: '0', DATABASE_URL: database.connectionString, DATABASE_POOL_MAX: '4', LOG_LEVEL: 'silent' });
    running = await Promise.allSettled([startServer(config, createLogger('silent')), startServer(config, createLogger('silent'))]);
    const failures = running.flatMap((result) => (result.status === 'rejected' ? [String((result.reason as Error).stack)] : []));
    assert.deepEqual(failures, []);
    const client = new pg.Client({ connectionString: database.connectionString });
    await client.connect();
    try {
      const { rows } = await client.query<{ users: number; cases: number }>(
        `SELECT (SELECT count(*) FROM users WHERE email = $1)::int AS users,
                (SELECT count(*) FROM children WHERE last_name = 'Rogers')::int AS cases`,
        [DEMO.staff.email],
      );
      assert.deepEqual(rows[0], { users: 1, cases: 2 });
    } finally {
      await client.end();
    }
  });
});
