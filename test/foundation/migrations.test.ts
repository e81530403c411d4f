import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { migrate, MigrationError, migrationFiles, MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { createPool } from '../../src/db/pool.js';
import { createTestCase } from '../support/cases.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('migrations', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  before(async () => {
    db = await createTestDatabase();
    pool = createPool(db.connectionString, 4);
  });
  after(async () => {
    await pool.end();
    await db.drop();
  });

  it('are all applied in the template, so running them again is a no-op', async () => {
    const again = await migrate(pool);
    assert.deepEqual(again, []);
    const { rows } = await pool.query('SELECT name FROM schema_migrations ORDER BY name');
    assert.deepEqual(
      rows.map((row) => row.name),
      migrationFiles(),
    );
  });

  it('applies new files in order, once, even when two processes start at the same time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-migrations-'));
    fs.writeFileSync(
      path.join(dir, '001_first.sql'),
      'CREATE TABLE mig_first (id int);\nINSERT INTO mig_first VALUES (1);',
    );
    fs.writeFileSync(path.join(dir, '002_second.sql'), 'INSERT INTO mig_first VALUES (2);');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a migration');
    const [a, b] = await Promise.all([migrate(pool, dir), migrate(pool, dir)]);
    assert.deepEqual([...a, ...b].sort(), ['001_first.sql', '002_second.sql']);
    const { rows } = await pool.query('SELECT id FROM mig_first ORDER BY id');
    assert.deepEqual(
      rows.map((row) => row.id),
      [1, 2],
    );
  });

  it('stops at a failing file, names it, and leaves nothing of it behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-migrations-'));
    fs.writeFileSync(path.join(dir, '001_ok.sql'), 'CREATE TABLE mig_ok (id int);');
    fs.writeFileSync(
      path.join(dir, '002_broken.sql'),
      'CREATE TABLE mig_half (id int);\nSELECT no_such_column FROM mig_ok;',
    );
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

  it('031 gives the review decisions already recorded the meeting they answer, where the two meetings kept can tell', async () => {
    const c = await createTestCase(pool, {
      set: {
        final_plan_issued_on: '2023-12-20',
        last_review_meeting_on: '2025-11-25',
        review_meeting_on: '2026-11-24',
      },
      decisions: [
        { kind: 'assess', outcome: 'assess', decidedOn: '2023-09-12' },
        { kind: 'review', outcome: 'keep', decidedOn: '2024-12-09' },
        { kind: 'review', outcome: 'amend', decidedOn: '2025-12-02' },
        { kind: 'review', outcome: 'keep', decidedOn: '2026-11-30' },
      ],
      today: '2026-12-03',
    });
    // The database as it was before 031.
    await pool.query(
      'ALTER TABLE case_decisions DROP CONSTRAINT case_decisions_review_meeting_check, DROP COLUMN review_meeting_on',
    );
    await pool.query(`DELETE FROM schema_migrations WHERE name = '031_review_decision_meeting.sql'`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-migrations-'));
    fs.copyFileSync(
      path.join(MIGRATIONS_DIR, '031_review_decision_meeting.sql'),
      path.join(dir, '031_review_decision_meeting.sql'),
    );
    assert.deepEqual(await migrate(pool, dir), ['031_review_decision_meeting.sql']);
    const { rows } = await pool.query(
      'SELECT kind, decided_on, review_meeting_on FROM case_decisions WHERE case_id = $1 ORDER BY decided_on',
      [c.id],
    );
    assert.deepEqual(rows, [
      { kind: 'assess', decided_on: '2023-09-12', review_meeting_on: null },
      { kind: 'review', decided_on: '2024-12-09', review_meeting_on: null },
      { kind: 'review', decided_on: '2025-12-02', review_meeting_on: '2025-11-25' },
      { kind: 'review', decided_on: '2026-11-30', review_meeting_on: '2026-11-24' },
    ]);
    await assert.rejects(
      pool.query(`UPDATE case_decisions SET review_meeting_on = '2026-11-24' WHERE case_id = $1 AND kind = 'assess'`, [
        c.id,
      ]),
      /case_decisions_review_meeting_check/,
    );
  });
});
