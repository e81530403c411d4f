import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import * as samples from './samples.js';
import { familyCase, type Family } from './family-support.js';
import { csrfFrom, csrfTokenOf } from '../support/forms.js';
import { count } from '../support/database-checks.js';
import { textOf } from '../support/html.js';

describe('documents: a wrong upload removed, and a description for each file', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T09:00:00Z'), deliver: false });
  });
  after(() => t.close());

  async function upload(family: Family, files: [string, Buffer][], description = 'Reports from the clinic') {
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    let request = family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', description);
    for (const [name, content] of files)
      request = request.attach('documents', content, { filename: name, contentType: 'application/pdf' });
    const res = await request.expect(302);
    const { rows } = await t.pool.query(
      `SELECT id, original_filename FROM documents WHERE case_id = $1 ORDER BY original_filename`,
      [family.caseId],
    );
    return { res, ids: Object.fromEntries(rows.map((row) => [row.original_filename, row.id as string])) };
  }

  const removePath = (family: Family, id: string) => `/cases/${family.caseId}/documents/${id}/remove`;

  it('lets the parent remove their own upload before the council opens it: audited, and gone from every list and download', async () => {
    const family = await familyCase(t);
    const { ids } = await upload(family, [['Wrong file.pdf', samples.pdf()]]);
    const id = ids['Wrong file.pdf'];
    const list = await family.agent.get(`/cases/${family.caseId}/documents`).expect(200);
    assert.match(
      list.text,
      new RegExp(`href="${removePath(family, id)}">Remove<span class="govuk-visually-hidden"> Wrong file.pdf</span>`),
    );

    await family.agent.post(removePath(family, id)).type('form').send({}).expect(403);
    const confirm = await family.agent.get(removePath(family, id)).expect(200);
    assert.match(
      textOf(confirm.text),
      /Are you sure you want to remove this document\? Wrong file\.pdf will be removed from the case/,
    );
    const done = await family.agent
      .post(removePath(family, id))
      .type('form')
      .send({ _csrf: csrfFrom(confirm.text) })
      .expect(302);
    assert.equal(done.headers.location, `/cases/${family.caseId}/documents`);
    const after = textOf((await family.agent.get(done.headers.location).expect(200)).text);
    assert.match(after, /The document has been removed Wrong file\.pdf/);
    assert.match(after, /There are no documents on the case yet/);

    await family.agent.get(`/cases/${family.caseId}/documents/${id}`).expect(404);
    assert.doesNotMatch((await family.agent.get(`/cases/${family.caseId}`).expect(200)).text, /Wrong file/);
    const staff = await agentSignedInAs(t, family.coordinator.id);
    await staff.get(`/staff/cases/${family.caseId}/documents/${id}`).expect(404);
    assert.doesNotMatch((await staff.get(`/staff/cases/${family.caseId}`).expect(200)).text, /Wrong file/);
    const { rows } = await t.pool.query(
      `SELECT removed_at IS NOT NULL AS removed, removed_by FROM documents WHERE id = $1`,
      [id],
    );
    assert.deepEqual(rows[0], { removed: true, removed_by: family.parent.id });
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM audit_log WHERE action = 'case.document.removed' AND case_id = $1 AND actor_user_id = $2`,
        [family.caseId, family.parent.id],
      ),
      1,
    );
  });

  it('refuses once the council has opened it (the page says to ask the co-ordinator), and the co-ordinator can remove it from the staff side', async () => {
    const family = await familyCase(t);
    const { ids } = await upload(family, [['Opened.pdf', samples.pdf()]]);
    const id = ids['Opened.pdf'];
    const staff = await agentSignedInAs(t, family.coordinator.id);
    await staff.get(`/staff/cases/${family.caseId}/documents/${id}`).expect(200);

    const list = await family.agent.get(`/cases/${family.caseId}/documents`).expect(200);
    assert.doesNotMatch(list.text, /Remove<span/);
    const page = await family.agent.get(removePath(family, id)).expect(200);
    assert.match(
      textOf(page.text),
      /You cannot remove this document The council has already opened Opened\.pdf ?, so it can no longer be removed here\. If it should not be on the case, ask your case co-ordinator to remove it\./,
    );
    assert.doesNotMatch(page.text, /Remove document/);
    const refused = await family.agent
      .post(removePath(family, id))
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(409);
    assert.match(textOf(refused.text), /ask your case co-ordinator to remove it/);
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE id = $1 AND removed_at IS NULL`, [id]), 1);

    const staffPage = await staff.get(`/staff/cases/${family.caseId}/documents/${id}/remove`).expect(200);
    await staff
      .post(`/staff/cases/${family.caseId}/documents/${id}/remove`)
      .type('form')
      .send({ _csrf: csrfFrom(staffPage.text) })
      .expect(302);
    await family.agent.get(`/cases/${family.caseId}/documents/${id}`).expect(404);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM audit_log WHERE action = 'staff.document.removed' AND case_id = $1`, [
        family.caseId,
      ]),
      1,
    );
  });

  it('refuses, with a 404, someone else’s document: another parent’s upload, a council letter, or another family’s case', async () => {
    const family = await familyCase(t);
    const otherParent = await createUser(t.pool, { twoFactorMethod: 'app' });
    await t.pool.query(`INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, 'parent')`, [
      family.caseId,
      otherParent.id,
    ]);
    const { ids } = await upload(family, [['Mine.pdf', samples.pdf()]]);
    const id = ids['Mine.pdf'];
    const other = await agentSignedInAs(t, otherParent.id);
    assert.doesNotMatch((await other.get(`/cases/${family.caseId}/documents`).expect(200)).text, /Remove<span/);
    await other.get(removePath(family, id)).expect(404);
    const csrf = await csrfTokenOf(other, `/cases/${family.caseId}/documents`);
    await other.post(removePath(family, id)).type('form').send({ _csrf: csrf }).expect(404);

    const stranger = await familyCase(t);
    await stranger.agent.get(removePath(family, id)).expect(404);
    await stranger.agent
      .post(removePath(family, id))
      .type('form')
      .send({ _csrf: await csrfTokenOf(stranger.agent, '/help') })
      .expect(404);
    await family.agent.get(removePath(family, 'not-a-uuid')).expect(404);
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE id = $1 AND removed_at IS NULL`, [id]), 1);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM audit_log WHERE action = 'case.document.removed' AND case_id = $1`, [
        family.caseId,
      ]),
      0,
    );
  });

  it('gives each file of a batch its own description', async () => {
    const family = await familyCase(t);
    const { res, ids } = await upload(family, [
      ['A.pdf', samples.pdf()],
      ['B.pdf', samples.pdf()],
    ]);
    assert.equal(res.headers.location, `/cases/${family.caseId}/documents/describe`);
    const page = await family.agent.get(res.headers.location).expect(200);
    assert.match(textOf(page.text), /Describe each document Your 2 files have been uploaded/);
    assert.match(
      page.text,
      new RegExp(`name="description-${ids['A.pdf']}" type="text" value="Reports from the clinic"`),
    );
    const csrf = csrfFrom(page.text);
    const empty = await family.agent
      .post(res.headers.location)
      .type('form')
      .send({
        _csrf: csrf,
        [`description-${ids['A.pdf']}`]: 'Speech therapy report',
        [`description-${ids['B.pdf']}`]: '',
      })
      .expect(400);
    assert.match(textOf(empty.text), /There is a problem Enter a description of B\.pdf/);
    assert.match(empty.text, /value="Speech therapy report"/);
    await family.agent
      .post(res.headers.location)
      .type('form')
      .send({
        _csrf: csrf,
        [`description-${ids['A.pdf']}`]: 'Speech therapy report',
        [`description-${ids['B.pdf']}`]: 'Letter from the GP',
      })
      .expect(302);
    const { rows } = await t.pool.query(
      `SELECT original_filename, description FROM documents WHERE case_id = $1 ORDER BY original_filename`,
      [family.caseId],
    );
    assert.deepEqual(rows, [
      { original_filename: 'A.pdf', description: 'Speech therapy report' },
      { original_filename: 'B.pdf', description: 'Letter from the GP' },
    ]);
    const list = textOf((await family.agent.get(`/cases/${family.caseId}/documents`).expect(200)).text);
    assert.match(list, /A\.pdf: Speech therapy report/);
    assert.match(list, /B\.pdf Letter from the GP/);
  });
});
