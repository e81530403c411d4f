import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import supertest from 'supertest';
import { fixedClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { DEMO, seedDemoData } from '../../src/seed/demo.js';
import { startServer, welcomeText, type RunningServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { csrfFrom } from '../support/forms.js';
import { waitFor } from '../support/wait.js';

// The newcomer's first ten minutes: `npm start` in development (here startServer, as src/server.ts
// main() calls it) on a database of its own, then both demo users sign in through the real pages.
describe('npm start in development: the demo data a newcomer signs in with', () => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  let database: TestDatabase;
  let config: Config;
  let running: RunningServer;
  let pool: pg.Pool;

  before(async () => {
    database = await createTestDatabase();
    config = loadConfig({
      NODE_ENV: 'development',
      PORT: '0',
      DATABASE_URL: database.connectionString,
      DATABASE_POOL_MAX: '4',
      LOG_LEVEL: 'silent',
    });
    running = await startServer(config, createLogger('silent'), clock);
    pool = new pg.Pool({ connectionString: database.connectionString, max: 2 });
  });
  after(async () => {
    await pool?.end();
    await running?.stop();
    await database?.drop();
  });

  /** The newest log in code texted to a phone after the message with id `after`. */
  async function codeTextedTo(phone: string, afterId: number): Promise<string> {
    return waitFor(
      'a log in code in the development mailbox',
      async () => {
        const { rows } = await pool.query(
          `SELECT text_body FROM dev_mailbox WHERE channel = 'sms' AND recipient = $1 AND id > $2 ORDER BY id DESC LIMIT 1`,
          [phone, afterId],
        );
        return rows[0] && /^(\d{6}) is your EHC Hub log in code/.exec(rows[0].text_body)?.[1];
      },
      50_000,
      250,
    );
  }

  /** Password, then the texted code from the mailbox; returns the signed-in agent and where it landed. */
  async function signIn(person: {
    email: string;
    password: string;
    phone: string;
  }): Promise<{ agent: supertest.Agent; landing: string }> {
    const { rows } = await pool.query('SELECT coalesce(max(id), 0)::int AS last FROM dev_mailbox');
    const agent = supertest.agent(running.url);
    const signInPage = await agent.get('/sign-in').expect(200);
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(signInPage.text), email: person.email, password: person.password })
      .expect(302)
      .expect('Location', '/log-in-code');
    const codePage = await agent.get('/log-in-code').expect(200);
    assert.match(codePage.text, new RegExp(`ending <strong>${person.phone.slice(-3)}</strong>`));
    const code = await codeTextedTo(person.phone, rows[0].last);
    const loggedIn = await agent
      .post('/log-in-code')
      .type('form')
      .send({ _csrf: csrfFrom(codePage.text), code })
      .expect(302);
    return { agent, landing: loggedIn.headers.location };
  }

  it('prints the address, the demo sign-ins and how the demo users get their log in code', () => {
    assert.match(running.url, /^http:\/\/localhost:\d+$/);
    const text = welcomeText(running.url, config, running.demo);
    assert.ok(text.startsWith(`EHC Hub is running at ${running.url}\n`), text);
    assert.ok(text.includes(`${DEMO.staff.email}  password: ${DEMO.staff.password}`), text);
    assert.ok(text.includes(`${DEMO.parent.email}  password: ${DEMO.parent.password}`), text);
    assert.match(text, /a 6-digit log in code \(the second factor\)/);
    assert.match(text, /get their code by text message, to made-up numbers ending 123 and 984/);
    assert.ok(text.includes(`development mailbox, ${running.url}/dev/mailbox`), text);
    assert.match(text, /newest first/);
    // The mailbox gives every code away, so development listens on this machine only, and says so.
    assert.ok(
      text.includes(
        `Warning: ${running.url}/dev/mailbox shows every log in code and email to anyone who can reach this port.`,
      ),
      text,
    );
    assert.match(text, /EHC Hub listens on this machine only \(127\.0\.0\.1\); set HOST to change that\./);
    const open = loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' });
    assert.match(
      welcomeText(running.url, open, running.demo),
      /EHC Hub listens on 0\.0\.0\.0: anyone on the network can sign in as anyone\./,
    );
    // BASE_URL is not set, so links in emails follow the port the server got: nothing to warn about.
    assert.doesNotMatch(text, /BASE_URL/);
    // LOG_LEVEL=silent here; with nothing set, development logs only warnings and says how to see more.
    assert.doesNotMatch(text, /LOG_LEVEL/);
    const quiet = loadConfig({ NODE_ENV: 'development' });
    assert.match(
      welcomeText(running.url, quiet, running.demo),
      /Only warnings and errors are logged: set LOG_LEVEL=info to see each request\.$/,
    );
  });

  it('puts the port the server really listens on in the links it emails', async () => {
    const agent = supertest.agent(running.url);
    const page = await agent.get('/forgotten-password').expect(200);
    await agent
      .post('/forgotten-password')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: DEMO.parent.email })
      .expect(302);
    const text = await waitFor(
      'the reset email',
      async () => {
        const { rows } = await pool.query(
          `SELECT text_body FROM dev_mailbox WHERE channel = 'email' AND recipient = $1`,
          [DEMO.parent.email],
        );
        return rows[0]?.text_body as string | undefined;
      },
      10_000,
      100,
    );
    assert.ok(text.includes(`${running.url}/reset-password/`), text);
  });

  it('explains the demo second factor on the development mailbox page', async () => {
    const page = await supertest(running.url).get('/dev/mailbox').expect(200);
    const text = page.text
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ');
    assert.match(text, /Signing in as a demo user/);
    assert.match(
      text,
      /These demo accounts get their code by text message, to made-up mobile numbers, so the codes appear here/,
    );
    assert.ok(
      text.includes(
        `Council case worker (admin), Sam Patel: ${DEMO.staff.email}, text messages to ${DEMO.staff.phone}`,
      ),
      text,
    );
    assert.ok(
      text.includes(
        `Parent (Barney and Amelia Rogers' cases), Jo Rogers: ${DEMO.parent.email}, text messages to ${DEMO.parent.phone}`,
      ),
      text,
    );
    assert.match(text, /the newest message is at the top/);
  });

  it('adds the demo data once: starting again changes nothing', async () => {
    const count = async () =>
      (
        await pool.query(
          'SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM cases)::int AS cases',
        )
      ).rows[0];
    const before = await count();
    assert.deepEqual(before, { users: 2, cases: 2 });
    assert.deepEqual(await seedDemoData(pool, config, clock), running.demo);
    assert.deepEqual(await count(), before);
  });

  it("lets the demo parent sign in with the code from the development mailbox, see Barney and download Amelia's letter", async () => {
    const { agent, landing } = await signIn(DEMO.parent);
    assert.equal(landing, '/cases');
    const cases = await agent.get('/cases').expect(200);
    assert.match(cases.text, /Rogers, Barney/);
    assert.match(cases.text, /Rogers, Amelia/);
    // Barney's card reads as the guide's does: his request arrived 12 days ago, the decision is ahead.
    assert.match(cases.text, /Request date: 16th Nov 2026/);
    assert.match(cases.text, /Decision due: 27th Dec 2026/);
    assert.match(cases.text, /We have received a request/);
    assert.doesNotMatch(cases.text, /overdue/i);

    const amelia =
      /href="(\/cases\/[0-9a-f-]{36})"[^>]*>\s*View request<span class="govuk-visually-hidden"> for Rogers, Amelia/.exec(
        cases.text,
      );
    assert.ok(amelia, "a link to Amelia's case");
    const decision = await agent.get(`${amelia[1]}/stages/decision`).expect(200);
    const download = /href="([^"]+)">Download the decision letter<\/a>/.exec(decision.text);
    assert.ok(download, 'a link to the decision letter');
    const letter = await agent.get(download[1].replace(/&amp;/g, '&')).buffer(true).expect(200);
    assert.equal(letter.headers['content-type'], 'application/pdf');
    assert.equal(Buffer.from(letter.body).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('lets the demo case worker sign in with the code from the development mailbox and see the work tray', async () => {
    const { agent, landing } = await signIn(DEMO.staff);
    assert.equal(landing, '/staff');
    const tray = await agent.get('/staff').expect(200);
    assert.match(tray.text, /<h1[^>]*>\s*Work tray\s*<\/h1>/);
    assert.match(tray.text, />Rogers, Barney<\/a>/);
    assert.match(tray.text, />Rogers, Amelia<\/a>/);
    assert.match(tray.text, /EHC-\d{6}/);
  });
});
