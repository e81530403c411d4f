import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { DEMO, seedDemoData } from '../../src/seed/demo.js';
import { csrfFrom, startTestApp, type TestApp } from '../support/test-app.js';

async function latestCodeFor(t: TestApp, phone: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await t.pool.query(
      `SELECT text_body FROM dev_mailbox WHERE channel = 'sms' AND recipient = $1 ORDER BY id DESC LIMIT 1`,
      [phone],
    );
    const match = rows[0] && /^(\d{6}) is your EHC Hub log in code/.exec(rows[0].text_body);
    if (match) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no log in code arrived in the development mailbox');
}

describe('the demo data a newcomer signs in with', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2026-11-28T10:00:00Z') });
  });
  after(() => t.close());

  it('lets the demo parent sign in with the code from the development mailbox and see Barney', async () => {
    const first = await seedDemoData(t.pool, t.config, t.clock);
    const again = await seedDemoData(t.pool, t.config, t.clock);
    assert.deepEqual(first, again, 'seeding twice changes nothing');
    assert.match(first.lines.join('\n'), /jo\.rogers@example\.com \/ Edgehill-Demo-Parent-1/);

    const agent = t.agent();
    const signIn = await agent.get('/sign-in').expect(200);
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(signIn.text), email: DEMO.parent.email, password: DEMO.parent.password })
      .expect(302)
      .expect('Location', '/log-in-code');
    const codePage = await agent.get('/log-in-code').expect(200);
    assert.match(codePage.text, /ending <strong>984<\/strong>|ending 984/);
    const code = await latestCodeFor(t, DEMO.parent.phone);
    await agent.post('/log-in-code').type('form').send({ _csrf: csrfFrom(codePage.text), code }).expect(302);
    const cases = await agent.get('/cases').expect(200);
    assert.match(cases.text, /Rogers, Barney/);
    assert.match(cases.text, /Rogers, Amelia/);
    assert.match(cases.text, /Request date: 8th Aug 2023/);
    assert.match(cases.text, /Decision due: 18th Sep 2023/);
  });
});
