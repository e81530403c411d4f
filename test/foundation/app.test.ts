import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the app', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('serves the start page with the council header and no GOV.UK branding', async () => {
    const res = await t.agent().get('/').expect(200);
    assert.match(res.text, /<span class="app-header__service">EHC Hub<\/span>/);
    assert.match(res.text, /<span class="app-header__council">Edgehill Council<\/span>/);
    assert.doesNotMatch(res.text, /govuk-logo|Crown copyright|govuk-crest|GOV\.UK - The best place/);
    assert.match(res.text, /<script type="module" src="\/public\/js\/application.mjs"><\/script>/);
  });

  it('sends security headers: a strict CSP with a nonce and no unsafe-inline, and no x-powered-by', async () => {
    const res = await t.agent().get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-powered-by'], undefined);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.ok(res.headers['x-request-id']);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    assert.match(res.text, new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}">`));
  });

  it('answers an unknown page with the GOV.UK 404 page', async () => {
    const res = await t.agent().get('/no-such-page').expect(404);
    assert.match(res.text, /<h1 class="govuk-heading-l">Page not found<\/h1>/);
  });

  it('does not make a session for a page with no form', async () => {
    const res = await t.agent().get('/help').expect(200);
    assert.equal(res.headers['set-cookie'], undefined);
  });

  it('serves govuk-frontend assets, its JavaScript and the compiled stylesheet', async () => {
    await t.agent().get('/govuk-frontend/govuk-frontend.min.js').expect(200);
    const css = await t.agent().get('/public/stylesheets/application.css').expect(200);
    assert.doesNotMatch(css.text, /GDS Transport/);
    assert.match(css.text, /system-ui/);
  });

  it('has a footer with the council contact details', async () => {
    const res = await t.agent().get('/contact').expect(200);
    assert.match(res.text, /send\.admin@edgehill\.example\.gov\.uk/);
    assert.match(res.text, /EHC Hub is run by Edgehill Council\./);
  });

  it('refuses an oversized form with a GOV.UK page, not a stack trace', async () => {
    const res = await t
      .agent()
      .post('/sign-out')
      .type('form')
      .send({ big: 'x'.repeat(200_000) })
      .expect(413);
    assert.match(res.text, /What you sent was too large/);
  });
});
