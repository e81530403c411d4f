import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { markCaseVisited, whatIsNewSince } from '../../src/cases/index.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import * as samples from './samples.js';
import { familyCase } from './family-support.js';
import { csrfFrom, csrfTokenOf } from '../support/forms.js';

describe('what is new since the last visit', () => {
  const clock = fixedClock('2023-08-20T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  it('lists what others added since the last visit, never the user’s own, and nothing on a first visit', async () => {
    const secondParent = await createUser(t.pool, { fullName: 'Chris Rogers' });
    const family = await familyCase(t, { members: [{ userId: secondParent.id, role: 'parent' }] });
    assert.deepEqual(await whatIsNewSince(t.pool, family.caseId, family.parent.id), { since: null, items: [] });
    await markCaseVisited(t.pool, family.caseId, family.parent.id, clock.now());

    clock.advance(60_000);
    const other = await agentSignedInAs(t, secondParent.id);
    const form = await other.get(`/cases/${family.caseId}/comments/new`);
    await other
      .post(`/cases/${family.caseId}/comments/new`)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), whose: 'child', comment: 'From Chris' });
    const check = await other.get(`/cases/${family.caseId}/comments/check`);
    await other
      .post(`/cases/${family.caseId}/comments/check`)
      .type('form')
      .send({ _csrf: csrfFrom(check.text) })
      .expect(302);

    clock.advance(60_000);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'Mine')
      .attach('documents', samples.pdf(), 'mine.pdf')
      .expect(302);
    await t.pool.query(
      `INSERT INTO documents (case_id, kind, original_filename, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
       VALUES ($1, 'decision-letter', 'letter.pdf', 'application/pdf', 3, 'x', '\\x010203', $2, $3)`,
      [family.caseId, family.coordinator.id, new Date(clock.now().getTime() + 1000)],
    );

    const news = await whatIsNewSince(t.pool, family.caseId, family.parent.id);
    assert.equal(news.since?.toISOString(), '2023-08-20T09:00:00.000Z');
    assert.deepEqual(
      news.items.map((item) => [item.kind, item.text, item.href]),
      [
        ['document', 'Sam Carter added a document', `/cases/${family.caseId}/documents`],
        ['comment', 'Chris Rogers added comments on behalf of Barney', `/cases/${family.caseId}/comments`],
      ],
    );

    await markCaseVisited(t.pool, family.caseId, family.parent.id, new Date(clock.now().getTime() + 5000));
    assert.deepEqual((await whatIsNewSince(t.pool, family.caseId, family.parent.id)).items, []);

    const stranger = await createUser(t.pool);
    await markCaseVisited(t.pool, family.caseId, stranger.id, clock.now());
    assert.deepEqual(await whatIsNewSince(t.pool, family.caseId, stranger.id), { since: null, items: [] });
  });
});
