import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { startSmtpCapture, type SmtpCapture } from '../accounts/support/smtp-capture.js';
import { serverUrlFor, TEMPLATE_ENV } from '../support/databases.js';
import { freePort, startProcess, waitForOutput, type StartedProcess } from '../support/real-process.js';
import { startFakeNotify } from '../two-factor/fake-notify.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const guide = fs.readFileSync(path.join(root, 'docs/deploying.md'), 'utf8');

/** The page's fenced blocks of one language, in order. */
function blocks(language: string): string[] {
  return [...guide.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);
}

/** "The settings" block, as variables. */
function documentedSettings(): Record<string, string> {
  const [block] = blocks('env');
  assert.ok(block, 'docs/deploying.md has an env block of settings');
  return Object.fromEntries(
    block
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

// Follows docs/deploying.md from a new PostgreSQL role and database to a service answering in
// production mode. It needs a PostgreSQL server, so it runs on the PostgreSQL run of the tests.
describe('docs/deploying.md, followed on a clean database', { skip: !process.env.DATABASE_URL && 'PGlite run' }, () => {
  const databaseUrl = process.env.DATABASE_URL!;
  const name = `${process.env[TEMPLATE_ENV.pgPrefix]}deploy`;
  let admin: pg.Client;
  let smtp: SmtpCapture;
  let notify: Awaited<ReturnType<typeof startFakeNotify>>;
  let server: StartedProcess | undefined;

  after(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await smtp?.close();
    await notify?.close();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS "${name}"`);
      await admin.end();
    }
  });

  it('lists settings that a production start accepts, and nothing it does not know', () => {
    const settings = documentedSettings();
    // The placeholders stand for generated values of the right shape.
    const config = loadConfig({
      ...settings,
      SESSION_SECRET: 'x'.repeat(64),
      ENCRYPTION_KEY: 'ab'.repeat(32),
      NOTIFY_SMS_TEMPLATE_ID: crypto.randomUUID(),
    });
    assert.equal(config.isProduction, true);
    assert.equal(config.baseUrl, settings.BASE_URL);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const variable of Object.keys(settings))
      assert.ok(readme.includes(`\`${variable}\``), `${variable} is in the README's Configuration`);
  });

  it(
    'gets from a new role and database to a service in production mode, with its first admin invited',
    { timeout: 300_000 },
    async () => {
      // "PostgreSQL": the role and the database it owns, as the page writes them (with this run's name).
      admin = new pg.Client({ connectionString: serverUrlFor(databaseUrl, 'postgres') });
      await admin.connect();
      const [sql] = blocks('sql');
      for (const statement of sql
        .trim()
        .split(';')
        .filter((line) => line.trim())) {
        await admin.query(statement.replaceAll('ehc_hub', `"${name}"`));
      }
      const url = new URL(serverUrlFor(databaseUrl, name));
      url.username = name;

      smtp = await startSmtpCapture();
      notify = await startFakeNotify();
      const port = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...documentedSettings(),
        PORT: String(port),
        DATABASE_URL: url.toString(),
        SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
        ENCRYPTION_KEY: crypto.randomBytes(32).toString('hex'),
        SMTP_URL: smtp.url,
        NOTIFY_BASE_URL: notify.url,
        NOTIFY_API_KEY: `ehc_hub_test-${crypto.randomUUID()}-${crypto.randomUUID()}`,
        NOTIFY_SMS_TEMPLATE_ID: crypto.randomUUID(),
        LOG_LEVEL: 'info',
      };

      // "Install and start": build (CI has built already; this is quick when nothing changed), migrate, start.
      const [commands] = blocks('sh').filter((block) => block.includes('npm run migrate'));
      assert.deepEqual(commands.trim().split('\n'), [
        'npm ci',
        'npm run build',
        'npm run migrate',
        'node dist/server.js',
      ]);
      if (!process.env.CI || !fs.existsSync(path.join(root, 'dist/server.js'))) {
        const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
        assert.equal(built.status, 0, built.stdout + built.stderr);
      }
      const migrated = spawnSync('npm', ['run', 'migrate'], {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      assert.equal(migrated.status, 0, migrated.stdout + migrated.stderr);

      // "The first admin": the CLI prints their link and emails it.
      const created = spawnSync(
        'npm',
        ['run', '--silent', 'cli', '--', 'create-admin', '--email', 'sam.patel@example.gov.uk', '--name', 'Sam Patel'],
        {
          cwd: root,
          env: { ...process.env, ...env },
          encoding: 'utf8',
        },
      );
      assert.equal(created.status, 0, created.stdout + created.stderr);
      const link = /https:\/\/ehc-hub\.example\.gov\.uk(\/register\/[\w-]{43})/.exec(created.stdout);
      assert.ok(link, created.stdout);

      server = startProcess(process.execPath, ['dist/server.js'], env, root);
      await waitForOutput(server, /EHC Hub is running at https:\/\/ehc-hub\.example\.gov\.uk/);
      const local = `http://127.0.0.1:${port}`;

      // "Checking it is up": the health check, and a production page (HSTS, secure cookies, no dev mailbox).
      const health = await fetch(`${local}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', database: 'up' });
      const registration = await fetch(`${local}${link[1]}`, {
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      });
      assert.equal(registration.status, 200);
      assert.match(await registration.text(), /Complete your registration/);
      assert.match(registration.headers.get('strict-transport-security') ?? '', /max-age=/);
      assert.equal((await fetch(`${local}/dev/mailbox`)).status, 404);
      // The server delivers the invitation the CLI queued, through the SMTP relay.
      const email = await smtp.waitFor((message) => message.to.includes('sam.patel@example.gov.uk'), 30_000);
      assert.match(email.text, new RegExp(`https://ehc-hub\\.example\\.gov\\.uk${link[1]}`));
      // Logs are JSON lines.
      assert.ok(
        server
          .output()
          .split('\n')
          .some((line) => line.startsWith('{') && JSON.parse(line).msg),
        server.output(),
      );
    },
  );
});
