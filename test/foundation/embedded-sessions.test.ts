import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

// Clients of the embedded database share PGlite's one session; each must still behave as if it
// had its own, as on PostgreSQL (where these tests also run).
describe('database connections kept apart', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  before(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.connectionString, max: 4 });
    await pool.query('CREATE TABLE IF NOT EXISTS kept_apart (n int)');
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  it('rolls back the transaction of a client that disappears, and lets the others go on', async () => {
    const client = new pg.Client({ connectionString: database.connectionString });
    await client.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO kept_apart VALUES (1)');
    // The client's socket closes without a word, as when a process dies.
    (client as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
    client.on('error', () => undefined);
    const { rows } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM kept_apart WHERE n = 1');
    assert.equal(rows[0].count, 0);
  });

  it('keeps a transaction whole while other clients query', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO kept_apart VALUES (2)');
      const others = Promise.all(
        [1, 2, 3].map(() => pool.query<{ count: number }>('SELECT count(*)::int AS count FROM kept_apart WHERE n = 2')),
      );
      await client.query('INSERT INTO kept_apart VALUES (2)');
      await client.query('ROLLBACK');
      for (const result of await others) assert.equal(result.rows[0].count, 0);
    } finally {
      client.release();
    }
  });

  it('lets two clients prepare statements of the same name', async () => {
    const a = new pg.Client({ connectionString: database.connectionString });
    const b = new pg.Client({ connectionString: database.connectionString });
    await Promise.all([a.connect(), b.connect()]);
    try {
      const [one, two] = await Promise.all([
        a.query({ name: 'which', text: 'SELECT 1 AS n' }),
        b.query({ name: 'which', text: "SELECT 'two' AS n" }),
      ]);
      assert.equal(one.rows[0].n, 1);
      assert.equal(two.rows[0].n, 'two');
      assert.equal((await a.query({ name: 'which', text: 'SELECT 1 AS n' })).rows[0].n, 1);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('answers a client whose statement fails, and the next one as usual', async () => {
    const failed = pool.query('SELECT * FROM no_such_table WHERE n = $1', [1]);
    const fine = pool.query<{ n: number }>('SELECT $1::int AS n', [7]);
    await assert.rejects(failed, /no_such_table/);
    assert.equal((await fine).rows[0].n, 7);
  });
});
