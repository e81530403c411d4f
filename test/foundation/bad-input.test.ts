import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createTestCase } from '../support/cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { PDF, staffUser } from '../staff/support.js';
import { csrfFrom, csrfTokenOf, dateFields, postMultipart } from '../support/forms.js';

/** Log lines at error level or above (pino's 50), to show a mistake of the sender's is not logged as ours. */
const errorLines: string[] = [];
const logs = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      if (JSON.parse(line).level >= 50) errorLines.push(line);
    done();
  },
});

// Each of these is the sender's mistake: a 4xx page, never a 500, and nothing with a NUL reaches PostgreSQL.
describe('bad input gets a 400 or 415 page, not a 500', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-09-12T10:00:00Z'), logger: createLogger('info', logs) });
  });
  after(() => t.close());
  beforeEach(() => {
    errorLines.length = 0;
  });
  const noErrorLogged = () => assert.deepEqual(errorLines, []);

  async function signInForm() {
    const agent = t.agent();
    const page = await agent.get('/sign-in').expect(200);
    return { agent, csrf: csrfFrom(page.text) };
  }

  it('a form in UTF-7 gets 415', async () => {
    const { agent, csrf } = await signInForm();
    const res = await agent
      .post('/sign-in')
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-7')
      .send(`_csrf=${encodeURIComponent(csrf)}&email=a%40example.com&password=x`);
    assert.equal(res.status, 415);
    assert.match(res.text, /Sorry, we could not read what you sent/);
    noErrorLogged();
  });

  it('a form in an unknown Content-Encoding gets 415', async () => {
    const { agent, csrf } = await signInForm();
    const res = await agent
      .post('/sign-in')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('Content-Encoding', 'x-made-up')
      .send(`_csrf=${encodeURIComponent(csrf)}&email=a%40example.com&password=x`);
    assert.equal(res.status, 415);
    assert.match(res.text, /Sorry, we could not read what you sent/);
    noErrorLogged();
  });

  it('a NUL byte in a form field gets 400', async () => {
    const { agent, csrf } = await signInForm();
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrf)}&email=a%00%40example.com&password=x`);
    assert.equal(res.status, 400);
    assert.match(res.text, /Sorry, we could not read what you sent/);
    const forgotten = await agent.get('/forgotten-password').expect(200);
    await agent
      .post('/forgotten-password')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfFrom(forgotten.text))}&email=a%00%40example.com`)
      .expect(400);
    noErrorLogged();
  });

  it('a NUL byte in the query or the path gets 400, signed in or not', async () => {
    await t.agent().get('/sign-in?next=%00').expect(400);
    const staff = await staffUser(t);
    await staff.agent.get('/staff?q=Rog%00ers').expect(400);
    await staff.agent.get('/staff/cases/%00').expect(400);
    noErrorLogged();
  });

  it('a NUL byte in a field of an upload form gets 400', async () => {
    const parent = await createUser(t.pool);
    const c = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }], today: '2023-09-12' });
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/progress/decision-to-assess`;
    const csrf = await csrfTokenOf(staff.agent, path);
    await postMultipart(
      staff.agent,
      path,
      { _csrf: csrf, outcome: 'assess', reason: 'Needs\u0000help', ...dateFields('decidedOn', '2023-09-11') },
      { letter: { content: PDF, filename: 'Decision letter.pdf' } },
    ).expect(400);
    noErrorLogged();
  });
});
