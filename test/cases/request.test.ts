import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { requestVersions } from '../../src/cases/index.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { familyCase } from './family-support.js';
import { count, queuedEmails } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { textOf } from '../support/html.js';

describe('the request: view and amend', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T09:00:00Z'), deliver: false });
  });
  after(() => t.close());

  it('shows the request in full: what was asked, by whom and when', async () => {
    const family = await familyCase(t, {
      requestText: 'Barney finds reading hard.\nHe needs help in class.',
      requestedBy: 'school',
      set: { requester_name: 'Edgehill Primary School' },
    });
    const res = await family.agent.get(`/cases/${family.caseId}/request`).expect(200);
    const text = textOf(res.text);
    assert.match(text, /Rogers, Barney The request/);
    // Written one way on every page: the case page, this page and the staff case page.
    assert.match(text, /Requested by Education setting: Edgehill Primary School/);
    assert.match(
      textOf((await family.agent.get(`/cases/${family.caseId}`).expect(200)).text),
      /Requested by Education setting: Edgehill Primary School/,
    );
    const staff = await agentSignedInAs(t, family.coordinator.id);
    assert.match(
      textOf((await staff.get(`/staff/cases/${family.caseId}`).expect(200)).text),
      /Requested by Education setting: Edgehill Primary School/,
    );
    assert.match(text, /Request date 8th Aug 2023/);
    assert.match(res.text, /Barney finds reading hard\.<br>He needs help in class\./);
    assert.match(
      text,
      /Now is your opportunity to read the request and add your comments or other relevant information\. You can also add comments on behalf of Barney\./,
    );
    assert.match(res.text, /href="\/cases\/[^"]+\/request\/amend"/);
  });

  it('keeps every version when the request is amended, with who and when, and tells the co-ordinator', async () => {
    const family = await familyCase(t, { requestText: 'The first text.' });
    const amendPath = `/cases/${family.caseId}/request/amend`;
    const form = await family.agent.get(amendPath).expect(200);
    assert.match(form.text, /The first text\./);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const res = await family.agent
      .post(amendPath)
      .type('form')
      .send({ _csrf: csrf, basedOnVersion: '1', requestText: 'The amended text.\r\nWith a second line.' })
      .expect(302);
    assert.equal(res.headers.location, `/cases/${family.caseId}/request`);

    const page = await family.agent.get(`/cases/${family.caseId}/request`).expect(200);
    const text = textOf(page.text);
    assert.match(text, /You have amended the request/);
    assert.match(page.text, /id="request-text">The amended text\.<br>With a second line\./);
    assert.match(text, /All versions of the request \(2\)/);
    assert.match(
      text,
      /Version 2 \(the current request\) Amended by Jane Rogers on 20th Aug 2023 at 10am The amended text\./,
    );
    assert.match(text, /Version 1 The request as first recorded, on .* The first text\./);

    // The staff pages read the same versions.
    const versions = await requestVersions(t.pool, family.caseId);
    assert.deepEqual(
      versions.map((v) => [v.version, v.text, v.amendedByName]),
      [
        [1, 'The first text.', null],
        [2, 'The amended text.\nWith a second line.', 'Jane Rogers'],
      ],
    );
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM audit_log WHERE action = 'case.request.amended' AND case_id = $1`, [
        family.caseId,
      ]),
      1,
    );
    const email = (await queuedEmails(t.pool, family.coordinator.email)).at(-1);
    assert.ok(email);
    assert.match(email.subject, /The request has been amended: Barney Rogers \(EHC-\d{6}\)/);
    assert.doesNotMatch(email.text, /amended text/);
  });

  it('refuses an empty request, and an amendment based on a version someone else has replaced', async () => {
    const family = await familyCase(t, { requestText: 'Original.' });
    const amendPath = `/cases/${family.caseId}/request/amend`;
    const csrf = await csrfTokenOf(family.agent, amendPath);
    const empty = await family.agent
      .post(amendPath)
      .type('form')
      .send({ _csrf: csrf, basedOnVersion: '1', requestText: '   ' })
      .expect(400);
    assert.match(textOf(empty.text), /There is a problem Enter the details of the request/);

    await family.agent
      .post(amendPath)
      .type('form')
      .send({ _csrf: csrf, basedOnVersion: '1', requestText: 'Second.' })
      .expect(302);
    const stale = await family.agent
      .post(amendPath)
      .type('form')
      .send({ _csrf: csrf, basedOnVersion: '1', requestText: 'Typed on an old page.' })
      .expect(400);
    assert.match(textOf(stale.text), /Someone else amended the request while you were editing it/);
    assert.match(stale.text, /Typed on an old page\./);
    assert.deepEqual(
      (await requestVersions(t.pool, family.caseId)).map((v) => v.text),
      ['Original.', 'Second.'],
    );
  });

  it('lets nobody amend once the case has moved past the Request stage, and never an adviser', async () => {
    const adviser = await createUser(t.pool, { fullName: 'Ada Adviser' });
    const family = await familyCase(t, {
      decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-09-10' }],
      today: '2023-09-12',
      members: [{ userId: adviser.id, role: 'adviser' }],
    });
    const page = await family.agent.get(`/cases/${family.caseId}/request`).expect(200);
    assert.match(
      textOf(page.text),
      /The request can only be amended at the Request stage, and the case has moved on from it\. You can still add comments and upload documents\./,
    );
    await family.agent.get(`/cases/${family.caseId}/request/amend`).expect(404);
    // The case page says so too, rather than leaving the link out without a word.
    const casePage = textOf((await family.agent.get(`/cases/${family.caseId}`).expect(200)).text);
    assert.match(
      casePage,
      /The request can only be amended at the Request stage\. You can still add comments and upload documents\./,
    );
    assert.doesNotMatch(casePage, /Amend the request/);
    const atRequest = await familyCase(t, { today: '2023-08-20' });
    const requestStagePage = await atRequest.agent.get(`/cases/${atRequest.caseId}`).expect(200);
    assert.match(
      requestStagePage.text,
      new RegExp(`href="/cases/${atRequest.caseId}/request/amend">Amend the request</a>`),
    );
    assert.doesNotMatch(textOf(requestStagePage.text), /can only be amended/);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/request`);
    const refused = await family.agent
      .post(`/cases/${family.caseId}/request/amend`)
      .type('form')
      .send({ _csrf: csrf, basedOnVersion: '1', requestText: 'Too late.' })
      .expect(400);
    assert.match(
      textOf(refused.text),
      /The request can only be amended at the Request stage, and the case has moved on from it/,
    );

    const adviserAgent = await agentSignedInAs(t, adviser.id);
    const adviserPage = await adviserAgent.get(`/cases/${family.caseId}/request`).expect(200);
    assert.doesNotMatch(adviserPage.text, /Amend the request/);
    const other = await familyCase(t, { members: [{ userId: adviser.id, role: 'adviser' }] });
    await adviserAgent.get(`/cases/${other.caseId}/request/amend`).expect(404);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM case_request_versions WHERE case_id = $1`, [family.caseId]),
      0,
    );
  });

  it('answers another parent, a removed member and a made-up case with the same 404', async () => {
    const family = await familyCase(t);
    const stranger = await createUser(t.pool, { fullName: 'Other Parent' });
    const strangerAgent = await agentSignedInAs(t, stranger.id);
    await createTestCase(t.pool, { members: [{ userId: stranger.id, role: 'parent' }] });
    const theirs = await strangerAgent.get(`/cases/${family.caseId}/request`).expect(404);
    const missing = await strangerAgent.get(`/cases/00000000-0000-4000-8000-000000000000/request`).expect(404);
    const notAnId = await strangerAgent.get(`/cases/not-an-id/request`).expect(404);
    const csrf = await csrfTokenOf(strangerAgent, '/help');
    await strangerAgent
      .post(`/cases/${family.caseId}/request/amend`)
      .type('form')
      .send({ _csrf: csrf, basedOnVersion: '1', requestText: 'Mine now.' })
      .expect(404);
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '').replace(/nonce="[^"]+"/g, '');
    assert.equal(strip(theirs.text), strip(missing.text));
    assert.equal(strip(missing.text), strip(notAnId.text));

    await t.pool.query(`UPDATE case_members SET removed_at = now() WHERE case_id = $1 AND user_id = $2`, [
      family.caseId,
      family.parent.id,
    ]);
    await family.agent.get(`/cases/${family.caseId}/request`).expect(404);
  });

  it('sends someone who is not signed in to sign in', async () => {
    const family = await familyCase(t);
    const res = await t.agent().get(`/cases/${family.caseId}/request`).expect(302);
    assert.equal(res.headers.location, '/sign-in');
  });
});
