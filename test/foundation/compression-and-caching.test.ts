import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  BASE_URL: 'https://ehc-hub.example.gov.uk',
  ALLOW_EMBEDDED_DATABASE_IN_PRODUCTION: 'true',
  SMTP_URL: 'smtp://127.0.0.1:9',
  SMS_PROVIDER: 'notify',
  NOTIFY_API_KEY: 'test-key',
  NOTIFY_BASE_URL: 'http://127.0.0.1:9',
  NOTIFY_SMS_TEMPLATE_ID: '8c4d4a59-8a3c-4b7e-9b53-1f6a7c1a2b3c',
};

describe('compression, caching and ETags', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: PRODUCTION_ENV, deliver: false });
  });
  after(() => t.close());

  it('compresses a page for a client that accepts gzip, and only then', async () => {
    const gzipped = await t.agent().get('/sign-in').set('Accept-Encoding', 'gzip').expect(200);
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.match(gzipped.text, /Sign in to EHC Hub/);
    const plain = await t.agent().get('/sign-in').set('Accept-Encoding', 'identity').expect(200);
    assert.equal(plain.headers['content-encoding'], undefined);
  });

  it('sends no ETag with a no-store page', async () => {
    const res = await t.agent().get('/sign-in').expect(200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers.etag, undefined);
  });

  it('links the stylesheet, script and icon under fingerprinted names cached for a year, immutable', async () => {
    const page = await t.agent().get('/sign-in').expect(200);
    const urls = [...page.text.matchAll(/(?:href|src)="(\/public\/[^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(urls.map((url) => url.replace(/\.[0-9a-f]{12}\./, '.HASH.')).sort(), [
      '/public/images/favicon.HASH.svg',
      '/public/js/application.HASH.mjs',
      '/public/stylesheets/application.HASH.css',
    ]);
    for (const url of urls) {
      const asset = await t.agent().get(url).expect(200);
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable', url);
    }
    // The plain name still works, with a short lifetime; a wrong hash is not there.
    const plain = await t.agent().get('/public/stylesheets/application.css').expect(200);
    assert.equal(plain.headers['cache-control'], 'public, max-age=3600');
    await t.agent().get('/public/stylesheets/application.000000000000.css').expect(404);
  });
});
