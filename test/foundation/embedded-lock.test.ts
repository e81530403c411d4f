import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { FolderInUseError } from '../../src/db/folder-lock.js';

const template = process.env.EHC_TEST_PGLITE_TEMPLATE;

// Only on the PGlite run: with DATABASE_URL there is no embedded database to lock.
describe('the embedded database folder', { skip: !template && 'PostgreSQL run' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-lock-'));
  const dataDir = path.join(dir, 'pglite');
  let db: EmbeddedDatabase;
  before(async () => {
    db = await startEmbeddedDatabase({ dataDir, maxConnections: 2, loadFrom: new Blob([fs.readFileSync(template!)]) });
  });
  after(async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cannot be opened a second time while it is open', async () => {
    await assert.rejects(startEmbeddedDatabase({ dataDir, maxConnections: 2 }), FolderInUseError);
  });

  it('stops a second process (npm run migrate) with a clear message', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir, NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/db/migrate-cli.ts'], { env, encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /The embedded database in .*pglite is in use by another process \(pid \d+\)/);
  });
});
