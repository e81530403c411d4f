import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { pdf } from '../cases/samples.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { fillAndSend, nthEmailTo, PARENT_ANSWERS } from './support.js';
import { textOf } from '../support/html.js';
import { csrfFrom } from '../support/forms.js';

const DAY = 24 * 3600 * 1000;

describe("the council's new requests", () => {
  let t: TestApp;
  // The guide's example: a request on 8th Aug 2023 has its decision due on 18th Sep 2023.
  const clock = fixedClock('2023-08-08T09:00:00Z');

  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(async () => {
    await t.close();
  });

  it('lists new requests newest first with the days left; a case worker creates the case; the parent sees it in My cases', async () => {
    const parent = await createUser(t.pool, {
      email: 'jo.parent@example.com',
      fullName: 'Jo Parent',
      twoFactorMethod: 'app',
    });
    const parentAgent = await agentSignedInAs(t, parent.id);
    const sent = await fillAndSend(parentAgent, PARENT_ANSWERS, {
      content: pdf('Robin report'),
      filename: 'Speech report.pdf',
    });

    clock.advance(DAY);
    const other = await createUser(t.pool, { twoFactorMethod: 'app' });
    const later = await fillAndSend(await agentSignedInAs(t, other.id), {
      ...PARENT_ANSWERS,
      child: { ...PARENT_ANSWERS.child, firstName: 'Sky', lastName: 'Lane' },
    });
    clock.advance(9 * DAY);

    const staff = await createUser(t.pool, { kind: 'staff', fullName: 'Sam Carter', twoFactorMethod: 'app' });
    const staffAgent = await agentSignedInAs(t, staff.id);
    const tray = await staffAgent.get('/staff').expect(200);
    assert.match(tray.text, /href="\/staff\/requests"/);
    const list = await staffAgent.get('/staff/requests').expect(200);
    const listWords = textOf(list.text);
    assert.match(listWords, /New requests/);
    // Newest first; today is 18 August: 31 days left of Robin's 6 weeks, 32 of Sky's.
    assert.ok(listWords.indexOf(later.reference) < listWords.indexOf(sent.reference));
    assert.match(
      listWords,
      new RegExp(
        `Morgan, Robin ${sent.reference} Sent by Jo Parent \\(Parent or carer\\) 8th Aug 2023 18th Sep 2023 31 days left`,
      ),
    );
    assert.match(listWords, /Lane, Sky .* 9th Aug 2023 19th Sep 2023 32 days left/);

    const page = await staffAgent.get(`/staff/requests/${sent.requestId}`).expect(200);
    const pageWords = textOf(page.text);
    assert.match(pageWords, /Morgan, Robin/);
    assert.match(pageWords, /There is no case for a child or young person with the same name and date of birth/);
    assert.match(pageWords, /Robin finds reading very hard/);
    const fileHref = /href="(\/staff\/requests\/[^"]+\/files\/[0-9a-f-]{36})"/.exec(page.text)![1];
    const download = await staffAgent.get(fileHref).expect(200);
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="Speech report.pdf"/);

    const created = await staffAgent
      .post(`/staff/requests/${sent.requestId}/create-case`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(302);
    const caseId = /^\/staff\/cases\/([0-9a-f-]{36})$/.exec(String(created.headers.location))![1];
    const casePage = await staffAgent.get(created.headers.location).expect(200);
    assert.match(textOf(casePage.text), /created from the request sent online/);
    const { rows } = await t.pool.query(
      `SELECT to_char(c.request_received, 'YYYY-MM-DD') AS received, c.requested_by, c.requester_name, to_char(c.next_due_on, 'YYYY-MM-DD') AS due,
              ch.first_name, to_char(ch.date_of_birth, 'YYYY-MM-DD') AS dob, ch.school_or_setting
         FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = $1`,
      [caseId],
    );
    assert.deepEqual(rows[0], {
      received: '2023-08-08',
      requested_by: 'parent',
      requester_name: 'Jo Parent',
      due: '2023-09-18',
      first_name: 'Robin',
      dob: '2016-03-14',
      school_or_setting: 'Edgehill Primary School',
    });
    const members = await t.pool.query(
      `SELECT user_id, role FROM case_members WHERE case_id = $1 AND removed_at IS NULL ORDER BY role`,
      [caseId],
    );
    assert.deepEqual(
      members.rows.map((row) => [row.user_id, row.role]),
      [
        [staff.id, 'coordinator'],
        [parent.id, 'parent'],
      ],
    );
    const documents = await t.pool.query(
      `SELECT kind, original_filename, uploaded_by, description FROM documents WHERE case_id = $1`,
      [caseId],
    );
    assert.deepEqual(documents.rows, [
      {
        kind: 'request',
        original_filename: 'Speech report.pdf',
        uploaded_by: parent.id,
        description: 'Speech therapy report',
      },
    ]);
    const added = await nthEmailTo(t.pool, parent.email, 2);
    assert.match(added.subject, /You have been added to a case on EHC Hub: EHC-\d{6}/);
    assert.doesNotMatch(added.text, /Robin|reading/);

    // Off the list; a second click does not make a second case.
    assert.doesNotMatch(textOf((await staffAgent.get('/staff/requests')).text), new RegExp(sent.reference));
    const again = await staffAgent
      .post(`/staff/requests/${sent.requestId}/create-case`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(302);
    assert.equal(again.headers.location, `/staff/requests/${sent.requestId}`);
    assert.equal(
      (await t.pool.query(`SELECT count(*)::int AS n FROM children WHERE first_name = 'Robin'`)).rows[0].n,
      1,
    );

    // The parent, signed in again days later: My cases shows the case with the date received and the guide's first status.
    const parentLater = await agentSignedInAs(t, parent.id);
    const myCases = textOf((await parentLater.get('/cases').expect(200)).text);
    assert.match(myCases, /Morgan, Robin/);
    assert.match(myCases, /Request date: 8th Aug 2023/);
    assert.match(myCases, /Decision due: 18th Sep 2023/);
    assert.match(myCases, /We have received a request for an EHC needs assessment relating to Robin\./);
    const request = textOf((await parentLater.get(`/cases/${caseId}/request`).expect(200)).text);
    assert.match(request, /Robin finds reading very hard/);
    // And the page of the sent request says where it went.
    assert.equal((await parentLater.get(`/request/${sent.requestId}/sent`)).status, 200);
  });

  it('shows a case for the same child (name and date of birth) and adds the request to it', async () => {
    const existing = await createTestCase(t.pool, {
      child: { firstName: 'Ash', lastName: 'Green', dateOfBirth: '2012-06-01' },
      requestReceived: '2023-01-10',
    });
    await createTestCase(t.pool, { child: { firstName: 'Ash', lastName: 'Green', dateOfBirth: '2013-06-01' } });
    const parent = await createUser(t.pool, { twoFactorMethod: 'app' });
    const parentAgent = await agentSignedInAs(t, parent.id);
    const child = {
      ...PARENT_ANSWERS.child,
      firstName: 'ash',
      lastName: 'GREEN',
      'dateOfBirth-day': '1',
      'dateOfBirth-month': '6',
      'dateOfBirth-year': '2012',
    };
    const sent = await fillAndSend(parentAgent, { ...PARENT_ANSWERS, child });

    const staff = await createUser(t.pool, { kind: 'staff', twoFactorMethod: 'app' });
    const staffAgent = await agentSignedInAs(t, staff.id);
    const page = await staffAgent.get(`/staff/requests/${sent.requestId}`).expect(200);
    const pageWords = textOf(page.text);
    assert.match(pageWords, new RegExp(`${existing.reference} Name Green, Ash Date of birth 1st Jun 2012`));
    assert.equal(pageWords.match(/Add the request to EHC-/g)?.length, 1);

    const linked = await staffAgent
      .post(`/staff/requests/${sent.requestId}/link`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), caseId: existing.id })
      .expect(302);
    assert.equal(linked.headers.location, `/staff/cases/${existing.id}`);
    const member = await t.pool.query(
      `SELECT role FROM case_members WHERE case_id = $1 AND user_id = $2 AND removed_at IS NULL`,
      [existing.id, parent.id],
    );
    assert.equal(member.rows[0].role, 'parent');
    const handled = textOf((await staffAgent.get(`/staff/requests/${sent.requestId}`)).text);
    assert.match(handled, new RegExp(`This request was added to case ${existing.reference}`));
    assert.match(textOf((await parentAgent.get('/cases')).text), /Green, Ash/);
  });

  it("is for the council's staff only: 404 for families and for another council", async () => {
    const parent = await createUser(t.pool, { twoFactorMethod: 'app' });
    const parentAgent = await agentSignedInAs(t, parent.id);
    const sent = await fillAndSend(parentAgent);
    assert.equal((await parentAgent.get('/staff/requests')).status, 404);
    assert.equal((await parentAgent.get(`/staff/requests/${sent.requestId}`)).status, 404);
    const elsewhere = await createUser(t.pool, { kind: 'staff', council: 'Another Council', twoFactorMethod: 'app' });
    const otherAgent = await agentSignedInAs(t, elsewhere.id);
    assert.doesNotMatch(textOf((await otherAgent.get('/staff/requests').expect(200)).text), new RegExp(sent.reference));
    const page = await otherAgent.get(`/staff/requests/${sent.requestId}`);
    assert.equal(page.status, 404);
    const token = csrfFrom((await otherAgent.get('/staff/requests')).text);
    assert.equal(
      (await otherAgent.post(`/staff/requests/${sent.requestId}/create-case`).type('form').send({ _csrf: token }))
        .status,
      404,
    );
    // A draft is not the council's to see.
    const writer = await createUser(t.pool, { twoFactorMethod: 'app' });
    const draftId = String((await (await agentSignedInAs(t, writer.id)).get('/request/start')).headers.location)
      .split('/')
      .pop();
    const staff = await agentSignedInAs(t, (await createUser(t.pool, { kind: 'staff', twoFactorMethod: 'app' })).id);
    assert.equal((await staff.get(`/staff/requests/${draftId}`)).status, 404);
  });
});
