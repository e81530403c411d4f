import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runMixedLoad, seedMixedLoad, type MixedLoadUsers } from '../support/mixed-load.js';
import { sessionCookieFor } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The short form of bench/embedded-load.ts. On PGlite every client connection shares one
// session; under concurrent reads and writes no request may get another's answer.
const SECONDS = Number(process.env.EHC_LOAD_SECONDS ?? 12);

describe('the database under concurrent reads and writes', () => {
  let t: TestApp;
  let users: MixedLoadUsers;
  before(async () => {
    t = await startTestApp();
    users = await seedMixedLoad(
      t.pool,
      async (userId) => {
        const { name, value } = await sessionCookieFor(t, userId);
        return `${name}=${value}`;
      },
      { parents: 3, caseworkerSessions: 2 },
    );
  });
  after(() => t.close());

  it('answers every parent with only their own children while case workers add notes', async (context) => {
    const result = await runMixedLoad(t.baseUrl, users, { seconds: SECONDS, readersPerParent: 3 });
    context.diagnostic(`${result.reads} reads, ${result.writes} writes, ${result.wrong} wrong`);
    assert.equal(
      result.wrong,
      0,
      `${result.wrong} of ${result.reads + result.writes} responses wrong, for example:\n${result.examples.join('\n')}`,
    );
    assert.ok(
      result.reads >= 20 && result.writes >= 5,
      `too little load to tell: ${result.reads} reads, ${result.writes} writes`,
    );
    const { rows } = await t.pool.query<{ notes: number }>(
      "SELECT count(*) AS notes FROM case_notes WHERE body LIKE 'Phoned the school (%'",
    );
    assert.equal(rows[0].notes, result.writes);
  });
});
