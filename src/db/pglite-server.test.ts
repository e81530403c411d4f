import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { servePglite, slowWaitWarning, type PgliteServer } from './pglite-server.js';

describe("the embedded database's server", () => {
  let db: PGlite;
  let server: PgliteServer;
  const warnings: string[] = [];
  before(async () => {
    db = await PGlite.create();
    server = await servePglite(db, { warn: (message) => warnings.push(message), slowWaitMs: 300 });
  });
  after(async () => {
    await server.stop();
    await db.close();
  });
  const connect = async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@${server.host}:${server.port}/postgres` });
    await client.connect();
    return client;
  };

  it('makes a client wait while another is in a transaction, and says so when the wait is long', async () => {
    const [holder, waiter] = await Promise.all([connect(), connect()]);
    try {
      await holder.query('BEGIN');
      await holder.query('CREATE TABLE waited (n int)');
      let answered = false;
      const waiting = waiter
        .query('SELECT count(*)::int AS n FROM pg_tables WHERE tablename = $1', ['waited'])
        .then((result) => {
          answered = true;
          return result.rows[0].n;
        });
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(answered, false);
      assert.deepEqual(warnings, [slowWaitWarning(300)]);
      await holder.query('COMMIT');
      assert.equal(await waiting, 1);
    } finally {
      await Promise.all([holder.end(), waiter.end()]);
    }
  });
});
