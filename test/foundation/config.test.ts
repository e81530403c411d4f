import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

/** A complete production configuration. */
const PRODUCTION = {
  NODE_ENV: 'production',
  BASE_URL: 'https://ehc.example.gov.uk',
  DATABASE_URL: 'postgres://app@db.internal/ehc',
  SESSION_SECRET: 'x'.repeat(40),
  ENCRYPTION_KEY: 'ab'.repeat(32),
  SMTP_URL: 'smtp://mail.internal:25',
  SMS_PROVIDER: 'notify',
  NOTIFY_API_KEY: 'key',
  NOTIFY_SMS_TEMPLATE_ID: '3f1a5d4e-2b6c-4c8d-9e0f-1a2b3c4d5e6f',
};

describe('configuration', () => {
  it('starts in development with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.database.url, undefined);
    assert.equal(config.database.pgliteDir, './data/pglite');
    assert.equal(config.council.name, 'Edgehill Council');
    assert.equal(config.encryptionKey.length, 32);
    // Quiet in development, so the start-up instructions are not pushed off the screen.
    assert.equal(config.logLevel, 'warn');
    assert.equal(loadConfig({ LOG_LEVEL: 'info' }).logLevel, 'info');
  });

  it('makes links in emails follow PORT in development unless BASE_URL is set', () => {
    assert.equal(loadConfig({}).baseUrl, 'http://localhost:3000');
    assert.equal(loadConfig({ PORT: '3111' }).baseUrl, 'http://localhost:3111');
    assert.equal(loadConfig({ PORT: '3111' }).baseUrlIsSet, false);
    const set = loadConfig({ PORT: '3111', BASE_URL: 'http://ehc.localhost:8080/' });
    assert.equal(set.baseUrl, 'http://ehc.localhost:8080');
    assert.equal(set.baseUrlIsSet, true);
  });

  it('starts the clock on FIXED_CLOCK in development, never in production', () => {
    assert.equal(loadConfig({}).fixedClock, undefined);
    assert.equal(loadConfig({ FIXED_CLOCK: '2023-08-20' }).fixedClock?.toISOString(), '2023-08-20T09:30:00.000Z');
    assert.equal(
      loadConfig({ FIXED_CLOCK: '2023-08-20T08:00:00+01:00' }).fixedClock?.toISOString(),
      '2023-08-20T07:00:00.000Z',
    );
    assert.throws(() => loadConfig({ FIXED_CLOCK: '20th August' }), /FIXED_CLOCK: must be a date like 2023-08-20/);
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', FIXED_CLOCK: '2023-08-20' }),
      /FIXED_CLOCK must not be set when NODE_ENV=production/,
    );
  });

  it('names a bad variable in one clear line', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^PORT: /);
        return true;
      },
    );
    assert.throws(() => loadConfig({ ENCRYPTION_KEY: 'short' }), /ENCRYPTION_KEY: must be 64 hexadecimal characters/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL: /);
  });

  it('refuses development defaults in production', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }),
      (error: unknown) => {
        const message = (error as Error).message;
        for (const name of ['SESSION_SECRET', 'ENCRYPTION_KEY', 'DATABASE_URL', 'SMTP_URL', 'SMS_PROVIDER', 'BASE_URL'])
          assert.match(message, new RegExp(name));
        return true;
      },
    );
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(PRODUCTION);
    assert.equal(config.isProduction, true);
    assert.equal(config.usesDevelopmentDefaults, false);
    assert.equal(config.logLevel, 'info');
  });

  it('reads TRUST_PROXY as Express needs it: a hop count, true, false, or addresses and subnets', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback, fd00::/8' }).trustProxy, [
      '10.0.0.1',
      '10.1.0.0/16',
      'loopback',
      'fd00::/8',
    ]);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '192.168.0.0/255.255.0.0' }).trustProxy, ['192.168.0.0/255.255.0.0']);
    for (const bad of ['yes', '10.0.0.1/33', '10.0.0.300', 'loopback,proxy.internal', '-1'])
      assert.throws(
        () => loadConfig({ TRUST_PROXY: bad }),
        /TRUST_PROXY: must be a number of proxies, true, false, or addresses/,
        bad,
      );
  });

  it('refuses the development SESSION_SECRET in production', () => {
    assert.throws(
      () => loadConfig({ ...PRODUCTION, SESSION_SECRET: 'development-only-session-secret-do-not-use-in-production' }),
      /SESSION_SECRET must not be the development secret when NODE_ENV=production/,
    );
  });

  it('listens on this machine only unless in production or HOST says otherwise', () => {
    assert.equal(loadConfig({}).host, '127.0.0.1');
    assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '0.0.0.0');
    assert.throws(() => loadConfig({ HOST: 'http://x/' }), /HOST: must be an IP address or host name/);
    const production = loadConfig(PRODUCTION);
    assert.equal(production.host, undefined);
  });

  it('sends emails through GOV.UK Notify instead of SMTP when EMAIL_PROVIDER=notify', () => {
    const { SMTP_URL: _smtp, ...production } = PRODUCTION;
    assert.throws(
      () => loadConfig({ ...production, EMAIL_PROVIDER: 'notify' }),
      /NOTIFY_EMAIL_TEMPLATE_ID is required when EMAIL_PROVIDER=notify/,
    );
    const config = loadConfig({
      ...production,
      EMAIL_PROVIDER: 'notify',
      NOTIFY_EMAIL_TEMPLATE_ID: '4f1a5d4e-2b6c-4c8d-9e0f-1a2b3c4d5e6f',
    });
    assert.equal(config.mail.provider, 'notify');
    assert.equal(config.usesDevelopmentDefaults, false);
    assert.throws(
      () => loadConfig(production),
      /SMTP_URL is required when NODE_ENV=production \(or set EMAIL_PROVIDER=notify\)/,
    );
    assert.throws(
      () => loadConfig({ EMAIL_PROVIDER: 'notify', NOTIFY_EMAIL_TEMPLATE_ID: '4f1a5d4e-2b6c-4c8d-9e0f-1a2b3c4d5e6f' }),
      /NOTIFY_API_KEY is required when EMAIL_PROVIDER=notify/,
    );
  });

  it('needs a client secret or a private key, not both, for staff single sign-on', () => {
    const sso = {
      STAFF_OIDC_ISSUER: 'https://login.example.com/tenant/v2.0',
      STAFF_OIDC_CLIENT_ID: 'ehc-hub',
      STAFF_OIDC_ALLOWED_DOMAINS: 'Edgehill.gov.uk, staff.edgehill.gov.uk',
    };
    assert.throws(() => loadConfig(sso), /Set one of STAFF_OIDC_CLIENT_SECRET or STAFF_OIDC_PRIVATE_KEY/);
    assert.throws(
      () =>
        loadConfig({ ...sso, STAFF_OIDC_CLIENT_SECRET: 's', STAFF_OIDC_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nx' }),
      /Set one of/,
    );
    assert.throws(
      () => loadConfig({ ...sso, STAFF_OIDC_PRIVATE_KEY: 'not a key' }),
      /STAFF_OIDC_PRIVATE_KEY: must be an RSA private key in PKCS #8 PEM form/,
    );
    assert.throws(() => loadConfig({ STAFF_OIDC_ONLY: 'true' }), /STAFF_OIDC_ONLY needs STAFF_OIDC_ISSUER/);
    const config = loadConfig({ ...sso, STAFF_OIDC_CLIENT_SECRET: 's' });
    assert.deepEqual(config.staffSso?.allowedDomains, ['edgehill.gov.uk', 'staff.edgehill.gov.uk']);
    assert.equal(config.staffSso?.name, 'Edgehill Council');
  });
});
