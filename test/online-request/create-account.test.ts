import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { textOf } from '../support/html.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { comparable, createAccountThroughPages, emailsTo, linkPath, nthEmailTo, submitPage } from './support.js';
import { csrfFrom } from '../support/forms.js';
import { waitFor } from '../support/wait.js';

const PASSWORD = 'Kettle-Lantern-88';

describe('the start page and "Create an account"', () => {
  let t: TestApp;
  const clock = fixedClock('2024-05-13T08:30:00Z');

  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(async () => {
    await t.close();
  });

  it('has a start page, linked from the home and sign-in pages', async () => {
    const agent = t.agent();
    for (const page of ['/', '/sign-in']) {
      const res = await agent.get(page).expect(200);
      assert.match(res.text, /href="\/request"/, page);
    }
    const start = await agent.get('/request').expect(200);
    const words = textOf(start.text);
    assert.match(words, /Ask for an EHC needs assessment/);
    assert.match(words, /Who can ask/);
    assert.match(words, /within 6 weeks/);
    assert.match(words, /What you need/);
    assert.match(
      start.text,
      /govuk-button--start[^>]*href="\/request\/start"|href="\/request\/start"[^>]*govuk-button--start/,
    );
    assert.match(start.text, /Start now/);
    const choice = await agent.get('/request/start').expect(200);
    assert.match(choice.text, /Do you have an EHC Hub account\?/);
    assert.match(choice.text, /href="\/create-account"/);
  });

  it('creates an account: email, link, password, second factor, then back to the request', async () => {
    const agent = t.agent();
    await agent.get('/request/start').expect(200);
    const page = await agent.get('/create-account').expect(200);
    assert.match(page.text, /<h1 class="govuk-heading-l">Create an account<\/h1>/);
    const { location, link } = await createAccountThroughPages(t, agent, {
      email: 'new.parent@example.com',
      fullName: 'Alex Morgan',
      password: PASSWORD,
    });
    assert.equal(location, '/request/start');
    const begun = await agent.get('/request/start').expect(302);
    assert.match(String(begun.headers.location), /^\/request\/[0-9a-f-]{36}$/);
    const { rows } = await t.pool.query(
      `SELECT full_name, kind, status, two_factor_method FROM users WHERE email = 'new.parent@example.com'`,
    );
    assert.deepEqual(rows[0], { full_name: 'Alex Morgan', kind: 'family', status: 'active', two_factor_method: 'app' });
    // Single use.
    const used = await t.agent().get(link).expect(410);
    assert.match(used.text, /This link has already been used/);
  });

  it('keeps what was typed and shows GOV.UK errors', async () => {
    const agent = t.agent();
    const res = await submitPage(agent, '/create-account', { fullName: 'Sam Jones', email: 'not an email' });
    assert.equal(res.status, 400);
    assert.match(res.text, /There is a problem/);
    assert.match(res.text, /href="#email">Enter an email address in the correct format/);
    assert.match(res.text, /value="Sam Jones"/);
    assert.match(res.text, /value="not an email"/);
    const empty = await submitPage(agent, '/create-account', {});
    assert.equal(empty.status, 400);
    assert.match(empty.text, /Enter your full name/);
    assert.match(empty.text, /Enter your email address/);
    const noToken = await agent.post('/create-account').type('form').send({ email: 'x@example.com', fullName: 'X' });
    assert.equal(noToken.status, 403);
  });

  it('answers the same for a new and an existing address; the existing one gets a sign-in email', async () => {
    const existing = await createUser(t.pool, { email: 'has.account@example.com', fullName: 'Pat Lee' });
    const pages: string[] = [];
    for (const email of [existing.email, 'brand.new@example.com']) {
      const agent = t.agent();
      const res = await submitPage(agent, '/create-account', { email, fullName: 'Pat Lee' });
      assert.equal(res.status, 302);
      assert.equal(res.headers.location, '/create-account');
      const sent = await agent.get('/create-account').expect(200);
      assert.match(sent.text, /Check your email/);
      pages.push(comparable(sent.text, [email]));
    }
    assert.equal(pages[0], pages[1]);
    const toExisting = await nthEmailTo(t.pool, existing.email, 1);
    assert.equal(toExisting.subject, 'You already have an EHC Hub account');
    assert.match(toExisting.text, /http:\/\/localhost:3000\/sign-in/);
    assert.doesNotMatch(toExisting.text, /create-account\//);
    const toNew = await nthEmailTo(t.pool, 'brand.new@example.com', 1);
    assert.equal(toNew.subject, 'Create your EHC Hub account');
    assert.match(toNew.text, /The link works for 1 hour and can only be used once/);
    // The existing account is unchanged.
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM account_creation_links WHERE email = $1`, [
      existing.email,
    ]);
    assert.equal(rows[0].n, 0);
  });

  it('refuses a link after 1 hour, an older link once a newer one is sent, and a made-up one', async () => {
    const email = 'slow.reader@example.com';
    await submitPage(t.agent(), '/create-account', { email, fullName: 'Chris Slow' });
    const first = linkPath((await nthEmailTo(t.pool, email, 1)).text, '/create-account/');
    await submitPage(t.agent(), '/create-account', { email, fullName: 'Chris Slow' });
    const second = linkPath((await nthEmailTo(t.pool, email, 2)).text, '/create-account/');
    const agent = t.agent();
    assert.match((await agent.get(first).expect(410)).text, /This link has been replaced/);
    const form = await agent.get(second).expect(200);
    assert.match(form.text, /<h1 class="govuk-heading-l">Create a password<\/h1>/);
    assert.match(form.text, /at least one symbol \(eg \?!£%\)/);
    const weak = await agent
      .post(second)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), password: 'short', confirmPassword: 'short' })
      .expect(400);
    assert.match(weak.text, /Passwords must be at least 8 characters long\./);
    clock.advance(60 * 60 * 1000 + 1000);
    const expired = await agent.get(second).expect(410);
    assert.match(expired.text, /This link has expired/);
    assert.match((await agent.get(`${second.slice(0, -2)}zz`).expect(404)).text, /This link does not work/);
    assert.equal((await t.pool.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email])).rows[0].n, 0);
  });

  it('sends at most 3 emails an hour to one address, and takes 30 requests an hour from one network', async () => {
    const email = 'many.times@example.com';
    for (let i = 0; i < 5; i++) {
      const res = await submitPage(t.agent(), '/create-account', { email, fullName: 'Many Times' });
      assert.equal(res.status, 302);
    }
    await waitFor('the five requests', async () => {
      const { rows } = await t.pool.query(
        `SELECT hits FROM rate_limits WHERE key LIKE 'account-email:%' ORDER BY hits DESC LIMIT 1`,
      );
      return rows[0]?.hits >= 5 ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await emailsTo(t.pool, email)).length, 3);
    // From one network address: 30 an hour in all, then the page says to wait.
    const { rows } = await t.pool.query(`SELECT hits FROM rate_limits WHERE key LIKE 'account-request-address:%'`);
    const sofar = rows[0].hits as number;
    let last;
    for (let i = sofar; i < 31; i++)
      last = await submitPage(t.agent(), '/create-account', { email: `n${i}@example.com`, fullName: 'N' });
    assert.equal(last!.status, 429);
    assert.match(last!.text, /too many requests to create an account/);
  });
});
