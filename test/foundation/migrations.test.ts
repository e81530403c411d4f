import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { migrate, MigrationError, migrationFiles } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('migrations', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  before(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.connectionString, max: 4 });
  });
  after(async () => {
    await pool.end();
    await db.drop();
  });

  it('are all applied in the template, so running them again is a no-op', async () => {
    const again = await migrate(pool);
    assert.deepEqual(again, []);
    const { rows } = await pool.query('SELECT name FROM schema_migrations ORDER BY name');
    assert.deepEqual(rows.map((row) => row.name), migrationFiles());
  });

  it('applies new files in order, once, even when two processes start at the same time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-migrations-'));
    fs.writeFileSync(path.join(dir, '001_first.sql'), 'CREATE TABLE mig_first (id int);\nINSERT INTO mig_first VALUES (1);');
    fs.writeFileSync(path.join(dir, '002_second.sql'), 'INSERT INTO mig_first VALUES (2);');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a migration');
    const [a, b] = await Promise.all([migrate(pool, dir), migrate(pool, dir)]);
    assert.deepEqual([...a, ...b].sort(), ['001_first.sql', '002_second.sql']);
    const { rows } = await pool.query('SELECT id FROM mig_first ORDER BY id');
    assert.deepEqual(rows.map((row) => row.id), [1, 2]);
  });

  it('stops at a failing file, names it, and leaves nothing of it behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-migrations-'));
    fs.writeFileSync(path.join(dir, '001_ok.sql'), 'CREATE TABLE mig_ok (id int);');
    fs.writeFileSync(path.join(dir, '002_broken.sql'), 'CREATE TABLE mig_half (id int);\nSELECT no_such_column FROM mig_ok;');
    await assert.rejects(migrate(pool, dir), (error: unknown) => {
      assert.ok(error instanceof MigrationError);
      assert.equal(error.file, '002_broken.sql');
      assert.match(error.message, /002_broken\.sql/);
      return true;
    });
    const { rows } = await pool.query("SELECT to_regclass('mig_half') AS half, to_regclass('mig_ok') AS ok");
    assert.equal(rows[0].half, null);
    assert.equal(rows[0].ok, 'mig_ok');
  });
});
