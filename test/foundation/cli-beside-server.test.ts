import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../src/db/embedded.js';
import { serverFileOf } from '../../src/db/running-server.js';
import { TEST_ENV } from '../support/test-app.js';
import { waitFor } from '../support/wait.js';

const run = promisify(execFile);
const template = process.env.EHC_TEST_PGLITE_TEMPLATE;

function envFor(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...TEST_ENV, PGLITE_DIR: dataDir, PORT: '0' };
  delete env.DATABASE_URL;
  return env;
}

async function cli(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: envFor(dataDir),
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Only on the PGlite run: with DATABASE_URL there is no embedded database to share.
describe(
  'the operator CLI while `npm start` runs on the embedded database',
  { skip: !template && 'PostgreSQL run' },
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-cli-'));
    const dataDir = path.join(dir, 'pglite');
    let server: ChildProcess;
    let serverExited: Promise<number | null>;

    before(async () => {
      const migrated = await startEmbeddedDatabase({ dataDir, loadFrom: new Blob([fs.readFileSync(template!)]) });
      await migrated.stop();
      server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        env: envFor(dataDir),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      serverExited = new Promise((resolve) => server.once('exit', resolve));
      let output = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (/EHC Hub is running at/.test(output)) resolve();
        });
        void serverExited.then((code) => reject(new Error(`the server exited (${code}): ${output}`)));
      });
    });

    after(async () => {
      server.kill('SIGTERM');
      await serverExited;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('invites a parent through the running server, which sends the email', async () => {
      const result = await cli(dataDir, 'invite', '--email', 'New.Parent@example.com', '--name', 'New Parent');
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Invitation email queued for new\.parent@example\.com/);
      assert.match(
        result.stdout,
        new RegExp(`The EHC Hub server that is running \\(pid ${server.pid}\\) sends the email\\.`),
      );

      const { connectionString } = JSON.parse(fs.readFileSync(serverFileOf(dataDir), 'utf8'));
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        const user = await client.query("SELECT full_name, status FROM users WHERE email = 'new.parent@example.com'");
        assert.deepEqual(user.rows, [{ full_name: 'New Parent', status: 'invited' }]);
        const sent = await waitFor(
          'the invitation email',
          async () => {
            const mail = await client.query(
              "SELECT 1 FROM dev_mailbox WHERE channel = 'email' AND recipient = 'new.parent@example.com'",
            );
            return mail.rowCount || undefined;
          },
          30_000,
          250,
        );
        assert.equal(sent, 1, 'the server sent the invitation email');
      } finally {
        await client.end();
      }
    });

    it('says what to do when the folder is held by a process that does not share it', async () => {
      const other = path.join(dir, 'other');
      // A live process (this one) holds the lock, and announces no server.
      fs.writeFileSync(`${other}.lock`, String(process.pid));
      const result = await cli(other, 'invite', '--email', 'someone@example.com', '--name', 'Someone');
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        new RegExp(`in use by another process \\(pid ${process.pid}\\), which does not share it`),
      );
      assert.match(result.stderr, /Wait for that process to finish or stop it, then run this command again\./);
    });

    it('says so when the server that holds the folder does not answer', async () => {
      const other = path.join(dir, 'silent');
      fs.writeFileSync(`${other}.lock`, String(process.pid));
      fs.writeFileSync(
        serverFileOf(other),
        JSON.stringify({ pid: process.pid, connectionString: 'postgres://postgres@127.0.0.1:1/postgres' }),
      );
      const result = await cli(other, 'invite', '--email', 'someone@example.com', '--name', 'Someone');
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        new RegExp(
          `EHC Hub's server \\(pid ${process.pid}\\) holds the embedded database in .* but does not answer on 127\\.0\\.0\\.1:1\\. If it is stuck, stop it \\(kill ${process.pid}\\)`,
        ),
      );
    });

    it('removes the server file when the server stops', async () => {
      assert.ok(fs.existsSync(serverFileOf(dataDir)));
      server.kill('SIGTERM');
      assert.equal(await serverExited, 0);
      assert.equal(fs.existsSync(serverFileOf(dataDir)), false);
      assert.equal(fs.existsSync(`${dataDir}.lock`), false);
    });
  },
);
