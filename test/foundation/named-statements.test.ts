import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

/** The names of the queries the app sends through the pool while `work` runs. */
async function queryNames(pool: pg.Pool, work: () => Promise<unknown>): Promise<(string | undefined)[]> {
  const original = pool.query;
  const names: (string | undefined)[] = [];
  pool.query = function (this: pg.Pool, ...args: unknown[]) {
    names.push(typeof args[0] === 'object' ? (args[0] as { name?: string }).name : undefined);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pool.query;
  try {
    await work();
  } finally {
    pool.query = original;
  }
  return names;
}

// On PGlite too: the embedded server keeps each connection's statement names apart.
describe('named prepared statements', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T10:00:00Z') });
  });
  after(() => t.close());

  it('are used for My cases and the case page', async () => {
    const parent = await createUser(t.pool);
    const created = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    const agent = await agentSignedInAs(t, parent.id);
    const names = await queryNames(t.pool, async () => {
      for (let i = 0; i < 3; i += 1) {
        await agent.get('/cases').expect(200);
        await agent.get(`/cases/${created.id}`).expect(200);
      }
    });
    const named = names.filter(Boolean);
    // The user, My cases (cases and decisions), the case, the visit: five statements, each reused.
    assert.equal(new Set(named).size, 5);
    assert.equal(named.length, 3 * 6);
  });
});
