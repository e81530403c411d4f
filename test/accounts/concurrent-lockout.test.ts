import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type supertest from 'supertest';
import { fixedClock } from '../../src/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { csrfFrom } from '../support/forms.js';
import { auditActions } from '../support/database-checks.js';

const LIMIT = 10;

// Two app processes over one database, as behind a load balancer: the limit must hold across them.
describe('sign in: passwords sent together to two app processes never check more than 10', () => {
  const clock = fixedClock('2024-02-01T10:00:00Z');
  let t: TestApp;
  let twin: Awaited<ReturnType<TestApp['twin']>>;
  before(async () => {
    t = await startTestApp({ clock });
    twin = await t.twin();
  });
  after(async () => {
    await twin.close();
    await t.close();
  });

  async function signInPage(onTwin: boolean): Promise<{ agent: supertest.Agent; csrf: string }> {
    const agent = onTwin ? twin.agent() : t.agent();
    const page = await agent.get('/sign-in').expect(200);
    return { agent, csrf: csrfFrom(page.text) };
  }

  it('50 wrong passwords and the right one at once: at most 10 checked, and the right one refused while locked', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    const pages: { agent: supertest.Agent; csrf: string }[] = [];
    for (let i = 0; i <= 50; i += 1) pages.push(await signInPage(i % 2 === 1));
    const send = (i: number, password: string) =>
      pages[i].agent.post('/sign-in').type('form').send({ _csrf: pages[i].csrf, email: user.email, password });
    const responses = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => send(i, `Wrong-Password-${i}`)),
      send(50, user.password),
    ]);

    const actions = await auditActions(t.pool, user.id);
    const checked = actions.filter((a) => a === 'sign-in.failed').length;
    assert.ok(checked <= LIMIT, `${checked} wrong passwords were checked`);
    assert.ok(!actions.includes('sign-in.password'), 'the right password was accepted during the burst');
    assert.equal(responses[50].status, 429);
    assert.match(responses[50].text, /too many attempts/);
    for (const res of responses) assert.ok([400, 429].includes(res.status), `status ${res.status}`);

    const later = await signInPage(true);
    const again = await later.agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: later.csrf, email: user.email, password: user.password });
    assert.equal(again.status, 429);
  });
});
