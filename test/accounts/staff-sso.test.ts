import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import supertest from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../support/real-process.js';
import { createUser } from '../support/users.js';
import { startOidcProvider, type NextSignIn } from '../support/oidc-provider.js';
import { auditActions } from '../support/database-checks.js';
import { csrfFrom } from '../support/forms.js';

const CALLBACK = 'http://localhost:3000/sign-in/council/callback';

describe("staff sign in with the council's OpenID Connect provider", () => {
  let t: TestApp;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;|&rsquo;/g, "'")
      .replace(/\s+/g, ' ');

  /** The app's SSO settings for this test's provider, with any changed. */
  const ssoEnv = (changes: Record<string, string> = {}) => ({
    STAFF_OIDC_ISSUER: provider.issuer,
    STAFF_OIDC_CLIENT_ID: 'ehc-hub',
    STAFF_OIDC_CLIENT_SECRET: 'a-client-secret-for-the-tests',
    STAFF_OIDC_ALLOWED_DOMAINS: 'edgehill.gov.uk, staff.edgehill.gov.uk',
    ...changes,
  });
  async function restartWith(env: Record<string, string>) {
    await t.close();
    t = await startTestApp({ env });
  }

  before(async () => {
    provider = await startOidcProvider({
      clientId: 'ehc-hub',
      clientSecret: 'a-client-secret-for-the-tests',
      redirectUri: CALLBACK,
    });
    t = await startTestApp({ env: ssoEnv() });
  });
  after(async () => {
    await t.close();
    await provider.close();
  });

  /** "Sign in with Edgehill Council" up to the provider's answer: the callback path (with code and state). */
  async function throughProvider(app: supertest.Agent, next: NextSignIn | 'deny'): Promise<string> {
    provider.signInNext(next);
    const start = await app.get('/sign-in/council').expect(302);
    const browser = supertest.agent(provider.issuer);
    let location = start.headers.location;
    for (let hop = 0; hop < 10; hop++) {
      if (location.startsWith(CALLBACK)) return location.slice('http://localhost:3000'.length);
      const response = await browser.get(location.replace(provider.issuer, ''));
      assert.ok([302, 303].includes(response.status), `${location}: ${response.status} ${response.text}`);
      location = new URL(response.headers.location, provider.issuer).href;
    }
    throw new Error('the provider never sent the browser back');
  }

  async function signInThroughProvider(
    next: NextSignIn,
  ): Promise<{ app: supertest.Agent; landing: supertest.Response }> {
    const app = t.agent();
    const callback = await throughProvider(app, next);
    return { app, landing: await app.get(callback) };
  }

  it('offers "Sign in with Edgehill Council" on the sign-in page', async () => {
    const page = await t.agent().get('/sign-in').expect(200);
    assert.match(page.text, /<a href="\/sign-in\/council"[^>]*>\s*Sign in with Edgehill Council\s*<\/a>/);
  });

  it("signs in an invited member of staff, links the account by subject, and needs no code after the provider's MFA", async () => {
    const staff = await createUser(t.pool, {
      kind: 'staff',
      email: 'sam.patel@edgehill.gov.uk',
      status: 'invited',
      twoFactorMethod: null,
    });
    const { app, landing } = await signInThroughProvider({
      account: { sub: 'entra-sub-1', email: 'Sam.Patel@edgehill.gov.uk' },
      amr: ['pwd', 'mfa'],
    });
    assert.equal(landing.status, 302);
    assert.equal(landing.headers.location, '/staff');
    await app.get('/staff').expect(200);
    const { rows } = await t.pool.query(
      'SELECT status, oidc_subject, registered_at IS NOT NULL AS registered FROM users WHERE id = $1',
      [staff.id],
    );
    assert.deepEqual(rows[0], { status: 'active', oidc_subject: 'entra-sub-1', registered: true });
    const actions = await auditActions(t.pool, staff.id);
    assert.ok(actions.includes('sign-in.sso.linked') && actions.includes('sign-in.completed'), actions.join());

    // Later, the provider has a new address for the same person: the subject still finds them.
    const again = await signInThroughProvider({
      account: { sub: 'entra-sub-1', email: 'sam.patel-jones@staff.edgehill.gov.uk' },
      amr: ['pwd', 'mfa'],
    });
    assert.equal(again.landing.headers.location, '/staff');
    await again.app.get('/staff').expect(200);
  });

  it("asks for EHC Hub's own code when the provider did not use a second factor", async () => {
    await createUser(t.pool, { kind: 'staff', email: 'kim.lee@edgehill.gov.uk', twoFactorMethod: 'app' });
    const { app, landing } = await signInThroughProvider({
      account: { sub: 'entra-sub-2', email: 'kim.lee@edgehill.gov.uk' },
      amr: ['pwd'],
    });
    assert.equal(landing.headers.location, '/log-in-code');
    await app.get('/log-in-code').expect(200);
    // Not signed in yet: the staff pages send the person back to their code.
    const tray = await app.get('/staff');
    assert.notEqual(tray.status, 200);
  });

  it('refuses an address outside the allowed domains, an unknown person and a disabled account, each with its page and an audit row', async () => {
    const outside = await signInThroughProvider({
      account: { sub: 'google-1', email: 'someone@gmail.com' },
      amr: ['pwd', 'mfa'],
    });
    assert.equal(outside.landing.status, 403);
    assert.match(
      text(outside.landing.text),
      /You cannot sign in to EHC Hub with this account .* ending edgehill\.gov\.uk or staff\.edgehill\.gov\.uk/,
    );

    const unknown = await signInThroughProvider({
      account: { sub: 'entra-sub-3', email: 'new.starter@edgehill.gov.uk' },
      amr: ['pwd', 'mfa'],
    });
    assert.equal(unknown.landing.status, 403);
    assert.match(text(unknown.landing.text), /You do not have a staff account on EHC Hub/);

    const disabled = await createUser(t.pool, {
      kind: 'staff',
      email: 'left.council@edgehill.gov.uk',
      status: 'disabled',
    });
    const leaver = await signInThroughProvider({
      account: { sub: 'entra-sub-4', email: 'left.council@edgehill.gov.uk' },
      amr: ['pwd', 'mfa'],
    });
    assert.equal(leaver.landing.status, 403);
    assert.match(text(leaver.landing.text), /Your EHC Hub account has been disabled/);
    await leaver.app.get('/staff').expect(302);

    const { rows } = await t.pool.query(
      `SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'sign-in.sso.refused' ORDER BY at`,
    );
    assert.deepEqual(
      rows.map((row) => row.reason),
      ['domain', 'unknown', 'disabled'],
    );
    assert.ok((await auditActions(t.pool, disabled.id)).includes('sign-in.sso.refused'));

    // A family account with an allowed address is never a staff sign-in.
    await createUser(t.pool, { kind: 'family', email: 'parent@edgehill.gov.uk' });
    const family = await signInThroughProvider({
      account: { sub: 'entra-sub-5', email: 'parent@edgehill.gov.uk' },
      amr: ['pwd', 'mfa'],
    });
    assert.equal(family.landing.status, 403);
  });

  it('refuses a tampered state, a replayed answer, a forged or ill-timed ID token and a refusal at the provider, never with a 500', async () => {
    await createUser(t.pool, { kind: 'staff', email: 'ali.khan@edgehill.gov.uk', twoFactorMethod: 'app' });
    const app = t.agent();
    const callback = await throughProvider(app, {
      account: { sub: 'entra-sub-6', email: 'ali.khan@edgehill.gov.uk' },
      amr: ['pwd', 'mfa'],
    });
    const tampered = callback.replace(/state=[^&]+/, 'state=someone-elses-state');
    const refused = await app.get(tampered);
    assert.equal(refused.status, 400);
    assert.match(text(refused.text), /Your sign-in has expired/);
    // The checks are used once: the untampered answer cannot be replayed afterwards.
    assert.equal((await app.get(callback)).status, 400);
    assert.equal((await t.agent().get(callback)).status, 400);

    // An ID token whose signature does not verify, and one that has expired by this server's clock
    // (the provider's clock two hours behind).
    const forgeries: [string, (idToken: string) => string][] = [
      ['a bad signature', (idToken) => `${idToken.slice(0, -4)}${idToken.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`],
      [
        'a skewed clock',
        (idToken) =>
          provider.resign(idToken, (claims) =>
            Object.assign(claims, { iat: Number(claims.iat) - 7200, exp: Number(claims.iat) - 3600 }),
          ),
      ],
    ];
    for (const [what, tamper] of forgeries) {
      provider.tamperIdTokens(tamper);
      try {
        const agent = t.agent();
        const answer = await agent.get(
          await throughProvider(agent, {
            account: { sub: 'entra-sub-6', email: 'ali.khan@edgehill.gov.uk' },
            amr: ['pwd', 'mfa'],
          }),
        );
        assert.equal(answer.status, 400, what);
        assert.match(text(answer.text), /We could not confirm who you are/, what);
        await agent.get('/staff').expect(302);
      } finally {
        provider.tamperIdTokens(undefined);
      }
    }

    const denier = t.agent();
    const denied = await denier.get(await throughProvider(denier, 'deny'));
    assert.equal(denied.status, 403);
    assert.match(text(denied.text), /You did not allow EHC Hub to use your Edgehill Council account/);
  });

  it("signs out of EHC Hub and offers the provider's own sign-out", async () => {
    const { app } = await signInThroughProvider({
      account: { sub: 'entra-sub-1', email: 'sam.patel@edgehill.gov.uk' },
      amr: ['pwd', 'mfa'],
    });
    const tray = await app.get('/staff').expect(200);
    const out = await app
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfFrom(tray.text) })
      .expect(302);
    assert.equal(out.headers.location, '/signed-out?from=sso');
    const page = await app.get(out.headers.location).expect(200);
    assert.match(page.text, new RegExp(`href="${provider.issuer}/session/end\\?[^"]*client_id=ehc-hub`));
    await app.get('/staff').expect(302);
  });

  it('with STAFF_OIDC_ONLY, refuses password sign-in to staff and lets families in', async () => {
    await restartWith(ssoEnv({ STAFF_OIDC_ALLOWED_DOMAINS: 'edgehill.gov.uk', STAFF_OIDC_ONLY: 'true' }));
    const staff = await createUser(t.pool, {
      kind: 'staff',
      email: 'pat.jones@elsewhere.example.com',
      twoFactorMethod: 'app',
    });
    const family = await createUser(t.pool, { kind: 'family', twoFactorMethod: 'app' });
    for (const [email, password] of [
      ['anyone@edgehill.gov.uk', 'not-checked'],
      [staff.email, staff.password],
    ]) {
      const agent = t.agent();
      const page = await agent.get('/sign-in').expect(200);
      const refused = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), email, password })
        .expect(400);
      assert.match(
        text(refused.text),
        /Council staff sign in with Edgehill Council: use the “Sign in with Edgehill Council” button/,
      );
    }
    const agent = t.agent();
    const page = await agent.get('/sign-in').expect(200);
    assert.match(text(page.text), /Staff cannot sign in with a password/);
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: family.email, password: family.password })
      .expect(302)
      .expect('Location', '/log-in-code');
  });

  it('says so when the provider cannot be reached', async () => {
    await restartWith(ssoEnv({ STAFF_OIDC_ISSUER: `http://127.0.0.1:${await freePort()}` }));
    const page = await t.agent().get('/sign-in/council').expect(503);
    assert.match(text(page.text), /Sorry, you cannot sign in with Edgehill Council at the moment/);
  });

  it('will not trust a provider that answers with another issuer', async () => {
    // The same provider by another name: its metadata names 127.0.0.1, not localhost.
    await restartWith(ssoEnv({ STAFF_OIDC_ISSUER: provider.issuer.replace('127.0.0.1', 'localhost') }));
    const page = await t.agent().get('/sign-in/council').expect(503);
    assert.match(text(page.text), /Sorry, you cannot sign in with Edgehill Council at the moment/);
  });

  it('authenticates to the provider with a private key instead of a secret (private_key_jwt)', async () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyProvider = await startOidcProvider({
      clientId: 'ehc-hub-keyed',
      publicKey: { ...(publicKey.export({ format: 'jwk' }) as JsonWebKey), kid: 'ehc-hub-1', alg: 'RS256', use: 'sig' },
      redirectUri: CALLBACK,
    });
    try {
      const { STAFF_OIDC_CLIENT_SECRET: _secret, ...withoutSecret } = ssoEnv({
        STAFF_OIDC_ISSUER: keyProvider.issuer,
        STAFF_OIDC_CLIENT_ID: 'ehc-hub-keyed',
        STAFF_OIDC_PRIVATE_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        STAFF_OIDC_PRIVATE_KEY_ID: 'ehc-hub-1',
      });
      await restartWith(withoutSecret);
      await createUser(t.pool, { kind: 'staff', email: 'jo.key@edgehill.gov.uk', twoFactorMethod: 'app' });
      keyProvider.signInNext({ account: { sub: 'keyed-1', email: 'jo.key@edgehill.gov.uk' }, amr: ['pwd', 'mfa'] });
      const app = t.agent();
      const start = await app.get('/sign-in/council').expect(302);
      const browser = supertest.agent(keyProvider.issuer);
      let location = start.headers.location;
      while (!location.startsWith(CALLBACK)) {
        const response = await browser.get(location.replace(keyProvider.issuer, ''));
        location = new URL(response.headers.location, keyProvider.issuer).href;
      }
      const landing = await app.get(location.slice('http://localhost:3000'.length));
      assert.equal(landing.headers.location, '/staff', landing.text);
    } finally {
      await keyProvider.close();
    }
  });
});
