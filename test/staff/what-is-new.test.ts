import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { DAILY_DIGEST_QUEUE, startMessageQueue } from '../../src/notify/queue.js';
import { sendDailyDigests, startDailyDigest } from '../../src/staff/digest/digest.js';
import { familyCase, type Family } from '../cases/family-support.js';
import * as samples from '../cases/samples.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffUser } from './support.js';
import { count, queuedEmails } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { textOf } from '../support/html.js';
import { waitFor } from '../support/wait.js';

describe('staff: what is new from families', () => {
  const clock = fixedClock('2023-08-20T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  async function comment(family: Family, text: string) {
    const path = `/cases/${family.caseId}/comments/new`;
    const csrf = await csrfTokenOf(family.agent, path);
    await family.agent.post(path).type('form').send({ _csrf: csrf, whose: 'own', comment: text }).expect(302);
    const check = `/cases/${family.caseId}/comments/check`;
    await family.agent
      .post(check)
      .type('form')
      .send({ _csrf: await csrfTokenOf(family.agent, check) })
      .expect(302);
  }

  async function upload(family: Family) {
    const path = `/cases/${family.caseId}/documents/upload`;
    const csrf = await csrfTokenOf(family.agent, path);
    await family.agent
      .post(path)
      .field('_csrf', csrf)
      .field('description', 'School report')
      .attach('documents', samples.pdf(), { filename: 'report.pdf' })
      .expect(302);
  }

  const trayText = async (agent: import('supertest').Agent, query = '') =>
    textOf((await agent.get(`/staff${query}`).expect(200)).text);

  it('marks a case with family activity for the co-ordinator, not for a caseworker who has looked since, and clears the mark once they look', async () => {
    clock.set('2023-08-20T09:00:00Z');
    const family = await familyCase(t, { child: { firstName: 'Nina', lastName: 'Quill' } });
    const coordinator = await agentSignedInAs(t, family.coordinator.id);
    const other = await staffUser(t, { fullName: 'Ola Brown' });
    // Both have looked at the case before the family add anything.
    await coordinator.get(`/staff/cases/${family.caseId}`).expect(200);
    await other.agent.get(`/staff/cases/${family.caseId}`).expect(200);

    clock.set('2023-08-20T09:10:00Z');
    await comment(family, 'First thoughts.');
    await comment(family, 'Second thoughts.');
    await upload(family);

    clock.set('2023-08-20T09:20:00Z');
    await other.agent.get(`/staff/cases/${family.caseId}`).expect(200);

    const search = `?q=${family.reference}`;
    assert.match(await trayText(coordinator, search), /Quill, Nina .* New 2 new comments, 1 document/);
    assert.doesNotMatch(await trayText(other.agent, search), /New 2 new comments/);

    // The filters: "has new activity" and "my cases".
    assert.match(await trayText(coordinator, `${search}&activity=new`), /Quill, Nina/);
    assert.match(await trayText(other.agent, `${search}&activity=new`), /No cases match these filters/);
    assert.match(await trayText(coordinator, `${search}&mine=yes`), /Quill, Nina/);
    assert.match(await trayText(other.agent, `${search}&mine=yes`), /No cases match these filters/);

    // The page marks what is new since the co-ordinator's last look; then the tray's mark goes.
    const page = textOf((await coordinator.get(`/staff/cases/${family.caseId}`).expect(200)).text);
    assert.match(page, /New since you last looked: 2 new comments, 1 document/);
    assert.doesNotMatch(await trayText(coordinator, search), /new comments/);
    assert.match(await trayText(coordinator, `${search}&activity=new`), /No cases match these filters/);
  });

  it('sorts by latest activity from the family, or by due date', async () => {
    clock.set('2023-08-21T09:00:00Z');
    const early = await familyCase(t, {
      child: { firstName: 'Early', lastName: 'Sortington' },
      requestReceived: '2023-08-01',
    });
    const late = await familyCase(t, {
      child: { firstName: 'Late', lastName: 'Sortington' },
      requestReceived: '2023-08-10',
    });
    await comment(late, 'Older news.');
    clock.set('2023-08-21T09:10:00Z');
    await comment(early, 'Newer news.');
    clock.set('2023-08-21T09:20:00Z');
    await comment(late, 'Newest news.');
    const staff = await staffUser(t);
    assert.match(await trayText(staff.agent, '?q=Sortington'), /Sortington, Early .* Sortington, Late/);
    const byActivity = await trayText(staff.agent, '?q=Sortington&sort=activity');
    assert.match(byActivity, /Sortington, Late .* Sortington, Early/);
    assert.match(byActivity, /latest activity from the family first/);
  });

  it('sends a co-ordinator who asked for it one digest a day, even with two workers running the job', async () => {
    clock.set('2023-08-22T05:00:00Z');
    const family = await familyCase(t, { child: { firstName: 'Dora', lastName: 'Digest' } });
    const coordinator = await agentSignedInAs(t, family.coordinator.id);
    const account = await coordinator.get('/account').expect(200);
    assert.match(textOf(account.text), /Email me a daily summary of my cases with new activity from families/);
    await coordinator
      .post('/staff/daily-digest')
      .type('form')
      .send({ _csrf: await csrfTokenOf(coordinator, '/account'), dailyDigest: 'yes' })
      .expect(302);
    assert.match(
      (await coordinator.get('/account').expect(200)).text,
      /name="dailyDigest" type="checkbox" value="yes" checked/,
    );
    await comment(family, 'News for the digest.');
    await upload(family);

    clock.set('2023-08-22T06:00:00Z');
    const second = await startMessageQueue(t.connectionString, createLogger('silent'));
    try {
      const deps = { pool: t.pool, config: t.config, clock, queue: t.queue };
      await startDailyDigest(t.queue.boss, deps);
      await startDailyDigest(second.boss, { ...deps, queue: second });
      // The schedule came round twice (or a job was retried): two jobs, one for each worker.
      await t.queue.boss.send(DAILY_DIGEST_QUEUE, {});
      await second.boss.send(DAILY_DIGEST_QUEUE, {});
      const completed = () =>
        count(t.pool, `SELECT count(*) FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [DAILY_DIGEST_QUEUE]);
      await waitFor('both digest jobs to run', async () => (await completed()) >= 2, 60_000, 200);
    } finally {
      await second.stop();
    }
    const digests = (await queuedEmails(t.pool, family.coordinator.email)).filter((email) =>
      /^New from families/.test(email.subject),
    );
    assert.equal(digests.length, 1);
    assert.match(
      digests[0].text,
      /Digest, Dora \(EHC-\d+\): 1 new comment, 1 document:\nhttp:\/\/localhost:3000\/staff\/cases\//,
    );

    // The next morning it is still new (the co-ordinator has not looked): one more, once; after they look, none.
    const deps = { pool: t.pool, config: t.config, clock, queue: t.queue };
    clock.set('2023-08-23T06:00:00Z');
    assert.equal(await sendDailyDigests(deps), 1);
    assert.equal(await sendDailyDigests(deps), 0);
    await (await agentSignedInAs(t, family.coordinator.id)).get(`/staff/cases/${family.caseId}`).expect(200);
    clock.set('2023-08-24T06:00:00Z');
    assert.equal(await sendDailyDigests(deps), 0);
  });
});
