import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { csrfFrom } from '../support/forms.js';

describe('sessions and CSRF', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('refuses a POST without the CSRF token with a GOV.UK page', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id);
    const res = await agent.post('/sign-out').type('form').send({}).expect(403);
    assert.match(res.text, /Sorry, we could not send that form/);
    const wrong = await agent.post('/sign-out').type('form').send({ _csrf: 'not-the-token' }).expect(403);
    assert.match(wrong.text, /Nothing was saved/);
  });

  it('keeps a session across a restart of the app process', async () => {
    const user = await createUser(t.pool);
    const agent = await agentSignedInAs(t, user.id);
    const page = await agent.get('/help').expect(200);
    const token = csrfFrom(page.text);
    await t.restart();
    // The session (with its CSRF token) is still there: the same form posts after the restart.
    const again = await agent.get('/help').expect(200);
    assert.equal(csrfFrom(again.text), token);
    assert.match(again.text, /Sign out/);
  });

  it('stores no session for a visitor who is only shown a form, and the form still posts', async () => {
    const sessions = async () => Number((await t.pool.query('SELECT count(*) AS n FROM session')).rows[0].n);
    const before = await sessions();
    const agent = t.agent();
    const page = await agent.get('/sign-in').expect(200);
    await agent.get('/forgotten-password').expect(200);
    assert.equal(await sessions(), before, 'an anonymous page stored a session');

    const user = await createUser(t.pool, { twoFactorMethod: 'app' });
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: 'not-the-token', email: user.email, password: user.password })
      .expect(403);
    await t
      .agent()
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: user.email, password: user.password })
      .expect(403);
    const signedIn = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: user.email, password: user.password });
    assert.equal(signedIn.status, 302);
    assert.equal(signedIn.headers.location, '/log-in-code');
    assert.equal(await sessions(), before + 1);
  });
});
