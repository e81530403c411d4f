import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { csrfFrom } from '../support/forms.js';

const MINUTE = 60 * 1000;

// NIST SP 800-63B 5.2.2: throttling that an attacker cannot turn into locking the owner (or an office) out.
describe('sign-in throttling that does not lock the owner out', () => {
  const clock = fixedClock('2024-02-01T10:00:00Z');
  let t: TestApp;
  before(async () => {
    // Behind a proxy, so that each request can come from an address of the test's choosing.
    t = await startTestApp({ clock, env: { TRUST_PROXY: 'true' } });
  });
  after(() => t.close());

  async function signIn(email: string, password: string, from: string) {
    const agent = t.agent();
    const page = await agent.get('/sign-in').set('X-Forwarded-For', from).expect(200);
    return agent
      .post('/sign-in')
      .set('X-Forwarded-For', from)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email, password });
  }

  it('10 failures from one address hold up that address only: the owner elsewhere signs in, and still owes the second factor', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    for (let i = 1; i <= 9; i++) assert.equal((await signIn(user.email, `Wrong-${i}`, '198.51.100.7')).status, 400);
    const tenth = await signIn(user.email, 'Wrong-10', '198.51.100.7');
    assert.equal(tenth.status, 429);
    assert.equal((await signIn(user.email, user.password, '198.51.100.7')).status, 429);

    const owner = await signIn(user.email, user.password, '203.0.113.20');
    assert.equal(owner.status, 302);
    assert.equal(owner.headers.location, '/log-in-code');
  });

  it('from many addresses, after 50 failures in a day each try waits longer: 1 minute, then 2, then 4', async () => {
    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    for (let i = 1; i <= 49; i++)
      assert.equal((await signIn(user.email, `Wrong-${i}`, `192.0.2.${i}`)).status, 400, `try ${i}`);
    const fiftieth = await signIn(user.email, 'Wrong-50', '192.0.2.50');
    assert.equal(fiftieth.status, 429);
    assert.match(fiftieth.text, /Wait 1 minute, then try again/);
    assert.match((await signIn(user.email, user.password, '192.0.2.51')).text, /Wait 1 minute,/);

    clock.advance(MINUTE + 1000);
    assert.match((await signIn(user.email, 'Wrong-51', '192.0.2.52')).text, /Wait 2 minutes,/);
    clock.advance(2 * MINUTE + 1000);
    assert.match((await signIn(user.email, 'Wrong-52', '192.0.2.53')).text, /Wait 4 minutes,/);
    clock.advance(4 * MINUTE + 1000);
    const owner = await signIn(user.email, user.password, '203.0.113.21');
    assert.equal(owner.status, 302);
    assert.equal(owner.headers.location, '/log-in-code');
  });

  it('150 failures from one address (an office, a school) do not stop a colleague there signing in', async () => {
    const office = '198.51.100.200';
    for (let i = 1; i <= 150; i++)
      assert.equal((await signIn(`nobody${i}@example.com`, 'Wrong-Password', office)).status, 400, `try ${i}`);
    const colleague = await createUser(t.pool, { twoFactorMethod: 'app' });
    const res = await signIn(colleague.email, colleague.password, office);
    assert.equal(res.status, 302);
  });
});

describe('"Forgotten password?" from one address', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  after(() => t.close());

  async function ask(email: string, from: string) {
    const agent = t.agent();
    const page = await agent.get('/forgotten-password').set('X-Forwarded-For', from).expect(200);
    return agent
      .post('/forgotten-password')
      .set('X-Forwarded-For', from)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email });
  }

  it('takes 30 requests an hour, then says to wait; other addresses are not held up', async () => {
    for (let i = 1; i <= 30; i++)
      assert.equal((await ask(`someone${i}@example.com`, '198.51.100.9')).status, 302, `request ${i}`);
    const limited = await ask('someone31@example.com', '198.51.100.9');
    assert.equal(limited.status, 429);
    assert.match(limited.text, /too many requests to reset a password from your network. Wait an hour/);
    assert.equal((await ask('someone31@example.com', '198.51.100.10')).status, 302);
  });
});
