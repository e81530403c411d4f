import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import * as samples from './samples.js';
import { binary } from '../support/http.js';
import { familyCase } from './family-support.js';
import { count, queuedEmails } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { textOf } from '../support/html.js';

describe('documents: upload, list, download', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T09:00:00Z'), deliver: false });
  });
  after(() => t.close());

  const uploads = (caseId: string) => count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [caseId]);

  it('has a plain form that works without JavaScript: multipart, several files, the token first', async () => {
    const family = await familyCase(t);
    const res = await family.agent.get(`/cases/${family.caseId}/documents/upload`).expect(200);
    assert.match(
      res.text,
      /<form method="post" action="\/cases\/[^"]+\/documents\/upload" enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf"/,
    );
    assert.match(res.text, /<input class="govuk-file-upload" id="documents" name="documents" type="file" multiple/);
    assert.match(
      textOf(res.text),
      /Each file must be a PDF, Word document, JPG, PNG or HEIC file, and smaller than 10 MB\. You can upload up to 10 files at a time\./,
    );
  });

  it('uploads a PDF, lists it with who added it and when, and lets the parent download it', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const file = samples.pdf();
    const res = await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'Speech therapy report')
      .attach('documents', file, { filename: 'Speech report.pdf', contentType: 'application/pdf' })
      .expect(302);
    assert.equal(res.headers.location, `/cases/${family.caseId}/documents`);

    const list = await family.agent.get(res.headers.location).expect(200);
    const text = textOf(list.text);
    assert.match(text, /Your document has been uploaded Speech report\.pdf/);
    assert.match(
      text,
      /Speech report\.pdf Speech therapy report \(\d+ bytes\) Added by Jane Rogers on 20th Aug 2023 at 10am/,
    );
    const href = /href="(\/cases\/[^"]+\/documents\/[0-9a-f-]{36})"/.exec(list.text)![1];

    const download = await family.agent.get(href).buffer(true).parse(binary).expect(200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(
      download.headers['content-disposition'],
      `attachment; filename="Speech report.pdf"; filename*=UTF-8''Speech%20report.pdf`,
    );
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(download.body, file);
    // One download route for every link (src/cases/routes.ts): the old /download path is gone.
    await family.agent.get(`${href}/download`).expect(404);

    const { rows } = await t.pool.query(
      `SELECT kind, content_type, size_bytes, sha256, uploaded_by, description FROM documents WHERE case_id = $1`,
      [family.caseId],
    );
    assert.equal(rows[0].kind, 'family-upload');
    assert.equal(rows[0].size_bytes, file.length);
    assert.equal(rows[0].uploaded_by, family.parent.id);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM audit_log WHERE action = 'case.document.uploaded' AND case_id = $1`, [
        family.caseId,
      ]),
      1,
    );
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM audit_log WHERE action = 'document.downloaded' AND case_id = $1`, [
        family.caseId,
      ]),
      1,
    );
    const email = (await queuedEmails(t.pool, family.coordinator.email)).at(-1);
    assert.ok(email);
    assert.equal(email.subject, `A new document: Barney Rogers (${family.reference})`);
    assert.match(email.text, /Jane Rogers has uploaded a document\./);
  });

  it('refuses a renamed executable by its content, with a clear GOV.UK error', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const res = await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'A report')
      .attach('documents', samples.executable(), { filename: 'report.pdf', contentType: 'application/pdf' })
      .expect(400);
    const text = textOf(res.text);
    assert.match(text, /There is a problem “report\.pdf” must be a PDF, Word document, JPG, PNG or HEIC file/);
    assert.match(text, /No files were uploaded\./);
    assert.match(res.text, /value="A report"/, 'the description is kept');
    assert.equal(await uploads(family.caseId), 0);
  });

  it('refuses a file just over 10 MB while it streams in, storing nothing of it', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const big = Buffer.concat([samples.pdf(), Buffer.alloc(10 * 1024 * 1024 + 1 - samples.pdf().length, 0x20)]);
    const res = await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'A big scan')
      .attach('documents', big, 'big scan.pdf')
      .expect(400);
    assert.match(textOf(res.text), /There is a problem “big scan\.pdf” must be smaller than 10 MB/);
    assert.equal(await uploads(family.caseId), 0);
  });

  it('keeps the good files when one of several is refused, and says which', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const res = await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'Reports from school')
      .attach('documents', samples.pdf(), 'one.pdf')
      .attach('documents', samples.executable(), 'setup.docx')
      .attach('documents', samples.png(), 'drawing.png')
      .attach('documents', samples.jpeg(), 'photo.jpg')
      .attach('documents', samples.heic(), 'IMG_0001.HEIC')
      .attach('documents', samples.docx(), 'letter.docx')
      .attach('documents', samples.doc(), 'old letter.doc')
      .attach('documents', Buffer.alloc(0), 'empty.pdf')
      .expect(400);
    const text = textOf(res.text);
    assert.match(
      text,
      /There is a problem “setup\.docx” must be a PDF, Word document, JPG, PNG or HEIC file “empty\.pdf” is empty/,
    );
    assert.match(
      text,
      /6 documents have been uploaded one\.pdf drawing\.png photo\.jpg IMG_0001\.HEIC letter\.docx old letter\.doc/,
    );
    const { rows } = await t.pool.query(`SELECT original_filename, content_type FROM documents WHERE case_id = $1`, [
      family.caseId,
    ]);
    assert.deepEqual(
      rows.map((row) => [row.original_filename, row.content_type]).sort((a, b) => a[0].localeCompare(b[0])),
      [
        ['drawing.png', 'image/png'],
        ['IMG_0001.HEIC', 'image/heic'],
        ['letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        ['old letter.doc', 'application/msword'],
        ['one.pdf', 'application/pdf'],
        ['photo.jpg', 'image/jpeg'],
      ],
    );
    assert.equal((await queuedEmails(t.pool, family.coordinator.email)).length, 1, 'one email for the upload');
  });

  it('asks for a description and a file, storing nothing until both are there', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const noDescription = await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', ' ')
      .attach('documents', samples.pdf(), 'one.pdf')
      .expect(400);
    assert.match(textOf(noDescription.text), /There is a problem Enter a description of the documents/);
    const noFile = await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'Nothing chosen')
      .attach('documents', Buffer.alloc(0), '')
      .expect(400);
    assert.match(textOf(noFile.text), /There is a problem Select a file to upload/);
    assert.equal(await uploads(family.caseId), 0);
  });

  it('refuses a multipart form without its CSRF token (403), or with the token after the file', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const none = await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('description', 'Forged')
      .attach('documents', samples.pdf(), 'one.pdf')
      .expect(403);
    assert.match(none.text, /Sorry, we could not send that form/);
    await family.agent.post(`/cases/${family.caseId}/documents/upload`).field('description', 'No files').expect(403);
    await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('description', 'Late token')
      .attach('documents', samples.pdf(), 'one.pdf')
      .field('_csrf', csrf)
      .expect(403);
    await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', 'wrong')
      .attach('documents', samples.pdf(), 'one.pdf')
      .expect(403);
    assert.equal(await uploads(family.caseId), 0);
  });

  it('gives another parent a 404 on the document, the list and the upload; an adviser sees only shared documents', async () => {
    const adviser = await createUser(t.pool, { fullName: 'Ada Adviser' });
    const family = await familyCase(t, { members: [{ userId: adviser.id, role: 'adviser' }] });
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'Private report')
      .attach('documents', samples.pdf(), 'private.pdf')
      .expect(302);
    const { rows } = await t.pool.query(`SELECT id FROM documents WHERE case_id = $1`, [family.caseId]);
    const downloadPath = `/cases/${family.caseId}/documents/${rows[0].id}`;

    const stranger = await createUser(t.pool, { fullName: 'Other Parent' });
    const strangerAgent = await agentSignedInAs(t, stranger.id);
    const theirs = await strangerAgent.get(downloadPath).expect(404);
    const missing = await strangerAgent
      .get(`/cases/${family.caseId}/documents/00000000-0000-4000-8000-000000000000`)
      .expect(404);
    assert.equal(theirs.text.replace(/nonce="[^"]+"/g, ''), missing.text.replace(/nonce="[^"]+"/g, ''));
    await strangerAgent.get(`/cases/${family.caseId}/documents`).expect(404);
    await strangerAgent.get(`/cases/${family.caseId}/documents/upload`).expect(404);
    const strangerCsrf = await csrfTokenOf(strangerAgent, '/help');
    await strangerAgent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', strangerCsrf)
      .field('description', 'Not mine')
      .attach('documents', samples.pdf(), 'x.pdf')
      .expect(404);

    const adviserAgent = await agentSignedInAs(t, adviser.id);
    await adviserAgent.get(downloadPath).expect(404);
    assert.doesNotMatch((await adviserAgent.get(`/cases/${family.caseId}/documents`).expect(200)).text, /private\.pdf/);
    await adviserAgent.get(`/cases/${family.caseId}/documents/upload`).expect(404);
    await t.pool.query(`UPDATE documents SET shared_with_advisers = true WHERE id = $1`, [rows[0].id]);
    await adviserAgent.get(downloadPath).expect(200);
    assert.equal(await uploads(family.caseId), 1);
  });

  it('never trusts the uploaded name: stored as text, cleaned and given the real extension on download', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'Odd name')
      .attach('documents', samples.pdf(), {
        filename: '..\\..\\<script>evil.exe',
        contentType: 'application/x-msdownload',
      })
      .expect(302);
    const list = await family.agent.get(`/cases/${family.caseId}/documents`).expect(200);
    assert.doesNotMatch(list.text, /<script>evil/);
    const href = /href="(\/cases\/[^"]+\/documents\/[0-9a-f-]{36})"/.exec(list.text)![1];
    const download = await family.agent.get(href).buffer(true).parse(binary).expect(200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(
      download.headers['content-disposition'],
      `attachment; filename="_script_evil.pdf"; filename*=UTF-8''_script_evil.pdf`,
    );
  });
});
