import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PDF, PNG, staffUser } from './support.js';
import { textOf } from '../support/html.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf, dateFields, postMultipart } from '../support/forms.js';

const NEW_CASE = '/staff/cases/new';

const barney = () => ({
  firstName: 'Barney',
  lastName: 'Rogers',
  ...dateFields('dateOfBirth', '2015-03-14'),
  school: 'Edgehill Primary School',
  ...dateFields('requestReceived', '2023-08-08'),
  requestedBy: 'school',
  requesterName: 'Edgehill Primary School',
  requestText: 'Please assess Barney.\nHe finds reading hard.',
});

describe('staff: create a case', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T10:00:00Z') });
  });
  after(() => t.close());

  it('creates a case with the child, the request and its PDF, and shows its stage and decision date', async () => {
    const staff = await staffUser(t);
    const csrf = await csrfTokenOf(staff.agent, NEW_CASE);
    const res = await postMultipart(
      staff.agent,
      NEW_CASE,
      { _csrf: csrf, ...barney() },
      { documents: { content: PDF, filename: 'request from school.pdf' } },
    ).expect(302);
    const caseId = /\/staff\/cases\/([0-9a-f-]{36})$/.exec(res.headers.location)?.[1];
    assert.ok(caseId, res.headers.location);

    const { rows } = await t.pool.query(
      `SELECT c.reference, c.request_received, c.requested_by, c.requester_name, c.request_text, c.current_stage, c.next_due_label, c.next_due_on, c.created_by,
              ch.first_name, ch.last_name, ch.date_of_birth, ch.school_or_setting
         FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = $1`,
      [caseId],
    );
    assert.equal(rows[0].first_name, 'Barney');
    assert.equal(rows[0].date_of_birth, '2015-03-14');
    assert.equal(rows[0].request_received, '2023-08-08');
    assert.equal(rows[0].requested_by, 'school');
    assert.equal(rows[0].request_text, 'Please assess Barney.\nHe finds reading hard.');
    assert.equal(rows[0].current_stage, 'request');
    assert.equal(rows[0].next_due_label, 'Decision due');
    assert.equal(rows[0].next_due_on, '2023-09-18');
    assert.equal(rows[0].created_by, staff.id);
    const documents = await t.pool.query(
      `SELECT kind, original_filename, content_type, size_bytes, content FROM documents WHERE case_id = $1`,
      [caseId],
    );
    assert.equal(documents.rows.length, 1);
    assert.equal(documents.rows[0].kind, 'request');
    assert.equal(documents.rows[0].original_filename, 'request from school.pdf');
    assert.deepEqual(documents.rows[0].content, PDF);
    const members = await t.pool.query(`SELECT user_id, role FROM case_members WHERE case_id = $1`, [caseId]);
    assert.deepEqual(members.rows, [{ user_id: staff.id, role: 'coordinator' }]);
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM audit_log WHERE action = 'staff.case.created' AND case_id = $1 AND actor_user_id = $2`,
        [caseId, staff.id],
      ),
      1,
    );

    const page = await staff.agent.get(res.headers.location).expect(200);
    const text = textOf(page.text);
    assert.match(text, new RegExp(`Case ${rows[0].reference} created\\. Add the family to the case`));
    assert.match(text, /Rogers, Barney/);
    assert.match(text, /Stage Request Next statutory date Decision due: 18th Sep 2023/);
    assert.match(text, /We have received a request for an EHC needs assessment relating to Barney\./);
    assert.match(text, /Request for an EHC needs assessment received on 8th Aug 2023\./);
    assert.match(page.text, /<p class="govuk-body">He finds reading hard\.<\/p>/);
  });

  it('shows every mistake by its field, keeps what was typed, and saves nothing', async () => {
    const staff = await staffUser(t);
    const csrf = await csrfTokenOf(staff.agent, NEW_CASE);
    const before = await count(t.pool, 'SELECT count(*) FROM cases');
    const res = await postMultipart(staff.agent, NEW_CASE, {
      _csrf: csrf,
      ...barney(),
      firstName: '  ',
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '2',
      ...dateFields('requestReceived', '2023-08-21'),
      requestedBy: '',
      requestText: '<b>Kept</b>',
    }).expect(400);
    const text = textOf(res.text);
    assert.match(text, /There is a problem/);
    assert.match(res.text, /<a href="#firstName">Enter the child or young person&#39;s first name<\/a>/);
    assert.match(res.text, /<a href="#dateOfBirth-day">Date of birth must be a real date<\/a>/);
    assert.match(
      res.text,
      /<a href="#requestReceived-day">Date the request was received must be today or in the past<\/a>/,
    );
    assert.match(res.text, /<a href="#requestedBy">Select who made the request<\/a>/);
    assert.match(res.text, /value="Rogers"/);
    assert.match(res.text, /&lt;b&gt;Kept&lt;\/b&gt;/);
    assert.match(res.text, /<title>Error: Create a case/);
    assert.equal(await count(t.pool, 'SELECT count(*) FROM cases'), before);
  });

  it('refuses a file renamed to .pdf that is not a PDF, by its content, keeping the other fields', async () => {
    const staff = await staffUser(t);
    const csrf = await csrfTokenOf(staff.agent, NEW_CASE);
    const before = await count(t.pool, 'SELECT count(*) FROM documents');
    const res = await postMultipart(
      staff.agent,
      NEW_CASE,
      { _csrf: csrf, ...barney() },
      { documents: { content: PNG, filename: 'photo.pdf' } },
    ).expect(400);
    assert.match(res.text, /<a href="#documents">The selected file must be a PDF<\/a>/);
    assert.match(res.text, /id="documents-error"/);
    assert.match(res.text, /value="Barney"/);
    assert.match(res.text, /name="requestReceived-day" type="text" value="8"/);
    assert.equal(await count(t.pool, 'SELECT count(*) FROM documents'), before);
    assert.equal(await count(t.pool, `SELECT count(*) FROM cases WHERE created_by = $1`, [staff.id]), 0);
  });

  it('refuses an 11 MB upload while it streams in, and stores nothing', async () => {
    const staff = await staffUser(t);
    const csrf = await csrfTokenOf(staff.agent, NEW_CASE);
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const res = await postMultipart(
      staff.agent,
      NEW_CASE,
      { _csrf: csrf, ...barney() },
      { documents: { content: big, filename: 'big.pdf' } },
    ).expect(400);
    assert.match(res.text, /<a href="#documents">The selected file must be smaller than 10 MB<\/a>/);
    assert.match(res.text, /value="Rogers"/);
    assert.equal(await count(t.pool, `SELECT count(*) FROM cases WHERE created_by = $1`, [staff.id]), 0);
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE uploaded_by = $1`, [staff.id]), 0);
  });

  it('refuses a multipart form without its CSRF token (403), before storing anything', async () => {
    const staff = await staffUser(t);
    await csrfTokenOf(staff.agent, NEW_CASE);
    const res = await postMultipart(
      staff.agent,
      NEW_CASE,
      { ...barney() },
      { documents: { content: PDF, filename: 'request.pdf' } },
    ).expect(403);
    assert.match(textOf(res.text), /Nothing was saved/);
    const wrong = await postMultipart(staff.agent, NEW_CASE, { _csrf: 'not-the-token', ...barney() }).expect(403);
    assert.match(textOf(wrong.text), /Nothing was saved/);
    assert.equal(await count(t.pool, `SELECT count(*) FROM cases WHERE created_by = $1`, [staff.id]), 0);
  });
});
