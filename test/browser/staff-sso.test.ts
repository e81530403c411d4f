import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkipReason, DESKTOP, launchBrowser, newPage } from '../support/browser.js';
import { startOidcProvider } from '../support/oidc-provider.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { freePort } from '../support/real-process.js';
import { createUser } from '../support/users.js';

describe('staff single sign-on in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let browser: Browser;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  // The provider sends the browser back to BASE_URL, so the app listens on the port it names.
  let BASE_URL: string;
  before(async () => {
    const port = await freePort();
    BASE_URL = `http://localhost:${port}`;
    provider = await startOidcProvider({
      clientId: 'ehc-hub',
      clientSecret: 'a-client-secret-for-the-tests',
      redirectUri: `${BASE_URL}/sign-in/council/callback`,
    });
    t = await startTestApp({
      port,
      env: {
        BASE_URL,
        STAFF_OIDC_ISSUER: provider.issuer,
        STAFF_OIDC_CLIENT_ID: 'ehc-hub',
        STAFF_OIDC_CLIENT_SECRET: 'a-client-secret-for-the-tests',
        STAFF_OIDC_ALLOWED_DOMAINS: 'edgehill.gov.uk',
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await provider?.close();
  });

  it("signs an invited case worker in through the council's provider to the work tray, axe clean at 1280 px", async () => {
    await createUser(t.pool, {
      kind: 'staff',
      email: 'sam.patel@edgehill.gov.uk',
      status: 'invited',
      twoFactorMethod: null,
    });
    provider.signInNext({ account: { sub: 'entra-sub-1', email: 'sam.patel@edgehill.gov.uk' }, amr: ['pwd', 'mfa'] });
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${BASE_URL}/sign-in`);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Sign in with Edgehill Council' }).click();
    await page.waitForURL(`${BASE_URL}/staff`);
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Work tray');
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signed-out\?from=sso$/);
    assert.equal(await page.getByRole('link', { name: 'Sign out of your Edgehill Council account' }).count(), 1);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  it('shows a refusal page that passes axe', async () => {
    provider.signInNext({ account: { sub: 'google-1', email: 'someone@gmail.com' }, amr: ['pwd', 'mfa'] });
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${BASE_URL}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with Edgehill Council' }).click();
    await page.waitForURL(/\/sign-in\/council\/callback/);
    assert.equal((await page.locator('h1').textContent())?.trim(), 'You cannot sign in to EHC Hub with this account');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
