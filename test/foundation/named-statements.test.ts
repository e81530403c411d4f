import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { watchQueries } from '../cases/support.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

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
    const names = (
      await watchQueries(t.pool, async () => {
        for (let i = 0; i < 3; i += 1) {
          await agent.get('/cases').expect(200);
          await agent.get(`/cases/${created.id}`).expect(200);
        }
      })
    ).map((query) => query.name);
    const named = names.filter(Boolean);
    // The session with its user (on both pages), My cases, the case, the visit: four statements,
    // each reused.
    assert.equal(new Set(named).size, 4);
    assert.equal(named.length, 3 * 5);
  });
});
