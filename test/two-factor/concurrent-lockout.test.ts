import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type supertest from 'supertest';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { giveAppMethod, totpAt } from './support.js';
import { csrfFrom, postForm } from '../support/forms.js';
import { auditActions } from '../support/database-checks.js';

const LOCKED = /You have entered the wrong code too many times/;
const LIMIT = 5;

// Two app processes over one database, as behind a load balancer: the limit must hold across them.
describe('two-factor: codes sent together to two app processes never check more than 5', () => {
  const clock = fixedClock('2025-09-01T09:00:00Z');
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

  /** A session at the code page on one of the two processes, with its CSRF token. */
  async function codeSession(userId: string, onTwin: boolean): Promise<{ agent: supertest.Agent; csrf: string }> {
    const signedIn = await agentSignedInAs(t, userId, 'password');
    const cookie = (signedIn as unknown as { jar: { getCookies(o: object): { toValueString(): string }[] } }).jar
      .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
      .map((c) => c.toValueString())
      .join('; ');
    const agent = onTwin ? twin.agent() : t.agent();
    (agent as unknown as { jar: { setCookie(cookie: string, domain: string, path: string): void } }).jar.setCookie(
      `${cookie}; Path=/`,
      '127.0.0.1',
      '/',
    );
    const page = await agent.get('/log-in-code').expect(200);
    return { agent, csrf: csrfFrom(page.text) };
  }

  it('50 wrong codes and the right one at once: at most 5 checked, and the right one refused while locked', async () => {
    const user = await createUser(t.pool);
    const secret = await giveAppMethod(t, user.id);
    const right = await totpAt(secret, clock);
    const sessions: { agent: supertest.Agent; csrf: string }[] = [];
    for (let i = 0; i <= 50; i += 1) sessions.push(await codeSession(user.id, i % 2 === 1));

    const wrongCodes = Array.from({ length: 50 }, (_, i) =>
      String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'),
    );
    const burst = [
      ...wrongCodes.map((code, i) => postForm(sessions[i].agent, '/log-in-code', sessions[i].csrf, { code })),
      postForm(sessions[50].agent, '/log-in-code', sessions[50].csrf, { code: right }),
    ];
    const responses = await Promise.all(burst);

    const actions = await auditActions(t.pool, user.id);
    const checked = actions.filter((a) => a === 'two-factor.code-failed').length;
    assert.ok(checked <= LIMIT, `${checked} wrong codes were checked`);
    assert.equal(actions.filter((a) => a === 'two-factor.locked').length, 1);
    assert.ok(!actions.includes('sign-in.completed'), 'the right code signed in during the burst');
    const last = responses[50];
    assert.equal(last.status, 400);
    assert.match(last.text, LOCKED);
    for (const res of responses)
      assert.equal(res.status, 400, `status ${res.status} ${String(res.headers.location)} ${res.text.slice(0, 200)}`);

    // And afterwards the right code is still refused, on either process.
    await postForm(sessions[49].agent, '/log-in-code', sessions[49].csrf, { code: right }).expect(400, LOCKED);
    await postForm(sessions[48].agent, '/log-in-code', sessions[48].csrf, { code: right }).expect(400, LOCKED);
  });
});
