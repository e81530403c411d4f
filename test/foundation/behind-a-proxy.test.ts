import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { limitKey } from '../../src/accounts/rate-limits.js';
import { devMailboxSmsSender } from '../../src/notify/sms-sender.js';
import { cookieClient, startReverseProxy } from '../support/reverse-proxy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { giveAppMethod, totpAt } from '../two-factor/support.js';
import { csrfFrom } from '../support/forms.js';

const CLIENT = '203.0.113.9';

// Production mode behind an https-ending proxy on loopback, set up as the README says.
describe('production behind a reverse proxy with TRUST_PROXY=1', () => {
  let t: TestApp;
  let proxy: Awaited<ReturnType<typeof startReverseProxy>>;
  before(async () => {
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        BASE_URL: 'https://ehc.example.gov.uk',
        ALLOW_EMBEDDED_DATABASE_IN_PRODUCTION: 'true',
        SMTP_URL: 'smtp://127.0.0.1:1',
        SMS_PROVIDER: 'notify',
        NOTIFY_API_KEY: 'not-used',
        NOTIFY_SMS_TEMPLATE_ID: '3f1a5d4e-2b6c-4c8d-9e0f-1a2b3c4d5e6f',
        TRUST_PROXY: '1',
      },
      // Nothing leaves the machine: this test sends no message anyway.
      senders: (_config, pool) => ({ email: { send: async () => undefined }, sms: devMailboxSmsSender(pool) }),
    });
    proxy = await startReverseProxy(t.baseUrl, CLIENT);
  });
  after(async () => {
    await proxy.close();
    await t.close();
  });

  it('signs in: a secure session cookie, forms accepted, and the audit and rate limits see the forwarded address', async () => {
    const user = await createUser(t.pool);
    const secret = await giveAppMethod(t, user.id);
    const browser = cookieClient(proxy.url);

    const wrongPage = await browser.request('/sign-in');
    assert.equal(wrongPage.status, 200);
    const wrong = await browser.request('/sign-in', {
      form: { _csrf: csrfFrom(wrongPage.text), email: user.email, password: 'Wrong-Password-1' },
    });
    assert.equal(wrong.status, 400);

    const page = await browser.request('/sign-in');
    const signIn = await browser.request('/sign-in', {
      form: { _csrf: csrfFrom(page.text), email: user.email, password: user.password },
    });
    assert.equal(signIn.status, 302, 'the sign-in form is accepted');
    assert.equal(signIn.location, '/log-in-code');
    assert.ok(browser.setCookies.length > 0);
    for (const cookie of browser.setCookies) assert.match(cookie, /; Secure/i, cookie);

    const codePage = await browser.request('/log-in-code');
    assert.equal(codePage.status, 200);
    const code = await browser.request('/log-in-code', {
      form: { _csrf: csrfFrom(codePage.text), code: await totpAt(secret, t.clock) },
    });
    assert.equal(code.status, 302);
    assert.equal((await browser.request('/cases')).status, 200);

    const { rows } = await t.pool.query('SELECT action, ip FROM audit_log WHERE subject_user_id = $1 ORDER BY id', [
      user.id,
    ]);
    assert.ok(rows.length >= 3);
    for (const row of rows) assert.equal(row.ip, CLIENT, `${row.action} saw ${row.ip}`);
    const counted = await t.pool.query('SELECT key FROM rate_limits WHERE key = $1', [
      limitKey('sign-in-address', CLIENT),
    ]);
    assert.equal(counted.rows.length, 1, 'the failed sign-in counts against the client, not the proxy');
  });
});
