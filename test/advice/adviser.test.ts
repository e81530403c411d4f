import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { PDF, staffUser } from '../staff/support.js';
import { assessmentCase, requestAdviceAs, TODAY } from './support.js';
import { queuedEmails } from '../support/database-checks.js';
import { textOf } from '../support/html.js';
import { csrfFrom, postMultipart } from '../support/forms.js';

const GOOD_PASSWORD = 'Kettle-Song-Lantern-42';

describe('advice: the professional’s side', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock(`${TODAY}T10:00:00Z`), deliver: false });
  });
  after(() => t.close());

  it('the EP registers from the email, drafts, comes back, attaches a document, checks and submits; then it is fixed and an addendum can follow', async () => {
    const c = await assessmentCase(t);
    // A document the council shared with advisers, and one it did not.
    await t.pool.query(
      `INSERT INTO documents (case_id, kind, original_filename, content_type, size_bytes, sha256, content, shared_with_advisers)
       VALUES ($1, 'other', 'school-report.pdf', 'application/pdf', 10, 'x', '\\x00', true), ($1, 'other', 'private-letter.pdf', 'application/pdf', 10, 'x', '\\x00', false)`,
      [c.id],
    );
    const requestId = await requestAdviceAs(t, c.staff, c.id, {
      kind: 'psychological',
      fullName: 'Dr Priya Shah',
      email: 'priya.shah@ep.example',
      question: 'How does Barney learn best?',
    });

    const invitation = (await queuedEmails(t.pool, 'priya.shah@ep.example')).at(-1);
    const link = /http:\/\/localhost:3000(\/register\/[A-Za-z0-9_-]+)/.exec(invitation!.text)?.[1];
    assert.ok(link, invitation!.text);
    const visitor = t.agent();
    const registration = await visitor.get(link).expect(200);
    await visitor
      .post(link)
      .type('form')
      .send({ _csrf: csrfFrom(registration.text), password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD })
      .expect(302);
    const { rows } = await t.pool.query(`SELECT id, status FROM users WHERE email = 'priya.shah@ep.example'`);
    assert.equal(rows[0].status, 'active');
    // The second factor is the same as everyone's (tested in test/two-factor); signed in after it:
    const ep = await agentSignedInAs(t, rows[0].id);

    const landing = await ep.get('/cases').expect(302);
    assert.equal(landing.headers.location, '/advice');
    const mine = textOf((await ep.get('/advice').expect(200)).text);
    assert.match(mine, /My advice requests/);
    assert.match(
      mine,
      new RegExp(
        `Barney Rogers: Psychological advice Case reference ${c.reference} Asked for Psychological advice Due by 31st Oct 2023 Status Requested`,
      ),
    );

    const path = `/advice/${requestId}`;
    const page = await ep.get(path).expect(200);
    const text = textOf(page.text);
    assert.match(text, /How does Barney learn best\?/);
    assert.match(text, /school-report\.pdf/);
    assert.doesNotMatch(text, /private-letter\.pdf/);
    const csrf = csrfFrom(page.text);

    // Continue with nothing written: the sections are asked for, and nothing is lost.
    const empty = await ep
      .post(path)
      .type('form')
      .send({ _csrf: csrf, action: 'continue', needs: 'Reads slowly.' })
      .expect(400);
    assert.match(
      textOf(empty.text),
      /There is a problem Enter the outcomes Enter the provision needed in at least one of education, health or social care/,
    );
    assert.match(empty.text, /Reads slowly\./);

    await ep
      .post(path)
      .type('form')
      .send({ _csrf: csrf, action: 'save', needs: 'Barney finds reading hard.', outcomes: 'Read at age level by 11.' })
      .expect(302);
    const back = textOf((await ep.get(path).expect(200)).text);
    assert.match(back, /Your draft has been saved/);
    assert.match(back, /Barney finds reading hard\./);

    const attach = `/advice/${requestId}/attachments`;
    await postMultipart(ep, attach, {}, { documents: { content: PDF, filename: 'ep-report.pdf' } }).expect(403);
    await postMultipart(ep, attach, { _csrf: csrf }, { documents: { content: PDF, filename: 'ep-report.pdf' } }).expect(
      302,
    );
    const refused = await postMultipart(
      ep,
      attach,
      { _csrf: csrf },
      { documents: { content: Buffer.from('just text'), filename: 'notes.txt' } },
    ).expect(400);
    assert.match(textOf(refused.text), /“notes\.txt” must be a/);

    await ep
      .post(path)
      .type('form')
      .send({
        _csrf: csrf,
        action: 'continue',
        needs: 'Barney finds reading hard.',
        outcomes: 'Read at age level by 11.',
        provisionEducation: 'Daily phonics, 20 minutes.',
      })
      .expect(302)
      .expect('Location', `/advice/${requestId}/check`);
    const check = await ep.get(`/advice/${requestId}/check`).expect(200);
    assert.match(
      textOf(check.text),
      /Check your advice before sending it .* Educational provision needed \(plan sections B, E and F\) Daily phonics, 20 minutes\. .*ep-report\.pdf/,
    );
    await ep.post(`/advice/${requestId}/submit`).type('form').send({ _csrf: csrf }).expect(302);

    const saved = await t.pool.query(
      `SELECT received_on, submitted_at IS NOT NULL AS submitted, provision_education FROM advice_requests WHERE id = $1`,
      [requestId],
    );
    assert.deepEqual(saved.rows[0], {
      received_on: TODAY,
      submitted: true,
      provision_education: 'Daily phonics, 20 minutes.',
    });
    const facts = await t.pool.query(`SELECT advice_received_on FROM cases WHERE id = $1`, [c.id]);
    assert.equal(facts.rows[0].advice_received_on, TODAY);

    // Fixed once sent: no new draft, no second submission, no attachment.
    await ep.post(path).type('form').send({ _csrf: csrf, action: 'save', needs: 'Changed.' }).expect(404);
    await ep.post(`/advice/${requestId}/submit`).type('form').send({ _csrf: csrf }).expect(404);
    await postMultipart(ep, attach, { _csrf: csrf }, { documents: { content: PDF, filename: 'late.pdf' } }).expect(404);
    const blank = await ep
      .post(`/advice/${requestId}/addendum`)
      .type('form')
      .send({ _csrf: csrf, addendum: '  ' })
      .expect(400);
    assert.match(textOf(blank.text), /Enter your addendum/);
    await ep
      .post(`/advice/${requestId}/addendum`)
      .type('form')
      .send({ _csrf: csrf, addendum: 'He now has glasses.' })
      .expect(302);
    const after = textOf((await ep.get(path).expect(200)).text);
    assert.match(after, /Sent to the council on 20th Sep 2023\. It cannot be changed\./);
    assert.match(after, /Barney finds reading hard\..*Addendum added on .* He now has glasses\./);

    // Staff read it all, with the attachment.
    const staffView = await c.staff.agent.get(`/staff/cases/${c.id}/advice/${requestId}`).expect(200);
    assert.match(
      textOf(staffView.text),
      /Received on 20th Sep 2023 \(written on EHC Hub\).*Daily phonics.*He now has glasses\..*ep-report\.pdf/,
    );

    // The adviser downloads what was shared and their own attachment, nothing else.
    const shared = /href="(\/advice\/[^"]+\/documents\/[^"]+)">school-report\.pdf/.exec((await ep.get(path)).text)?.[1];
    assert.ok(shared);
    await ep.get(shared).expect(200);
    const { rows: others } = await t.pool.query(
      `SELECT id FROM documents WHERE case_id = $1 AND original_filename = 'private-letter.pdf'`,
      [c.id],
    );
    await ep.get(`/advice/${requestId}/documents/${others[0].id}`).expect(404);
  });

  it('every refusal is a 404: another request, another case, the family’s pages, staff pages', async () => {
    const c = await assessmentCase(t);
    const other = await assessmentCase(t, { firstName: 'Amelia' });
    const drLee = await createUser(t.pool, { fullName: 'Dr Lee', email: 'dr.lee@nhs.example' });
    const mine = await requestAdviceAs(t, c.staff, c.id, {
      kind: 'medical',
      fullName: 'Dr Lee',
      email: 'dr.lee@nhs.example',
    });
    const theirs = await requestAdviceAs(t, other.staff, other.id, {
      kind: 'medical',
      fullName: 'Dr Ng',
      email: 'dr.ng@nhs.example',
    });
    const lee = await agentSignedInAs(t, drLee.id);
    await lee.get(`/advice/${mine}`).expect(200);
    const csrf = csrfFrom((await lee.get(`/advice/${mine}`)).text);
    await lee.get(`/advice/${theirs}`).expect(404);
    await lee.post(`/advice/${theirs}`).type('form').send({ _csrf: csrf, action: 'save', needs: 'x' }).expect(404);
    await lee.get(`/advice/${theirs}/check`).expect(404);
    await lee.post(`/advice/${theirs}/submit`).type('form').send({ _csrf: csrf }).expect(404);
    await lee.get('/advice/not-a-uuid').expect(404);
    for (const caseId of [c.id, other.id]) {
      await lee.get(`/cases/${caseId}`).expect(404);
      await lee.get(`/cases/${caseId}/comments`).expect(404);
      await lee.get(`/cases/${caseId}/documents`).expect(404);
    }
    await lee.get('/staff').expect(404);
    await lee.get(`/staff/cases/${c.id}`).expect(404);
    await lee.get(`/staff/cases/${c.id}/advice/${mine}`).expect(404);
    // A withdrawn request is gone from the adviser's side.
    const detail = await c.staff.agent.get(`/staff/cases/${c.id}/advice/${mine}`).expect(200);
    await c.staff.agent
      .post(`/staff/cases/${c.id}/advice/${mine}/withdraw`)
      .type('form')
      .send({ _csrf: csrfFrom(detail.text) })
      .expect(302);
    await lee.get(`/advice/${mine}`).expect(404);
    // Staff have no advice requests of their own, and the family's adviser page is empty for a parent.
    const staff = await staffUser(t);
    await staff.agent.get('/advice').expect(404);
    assert.match(textOf((await c.parent.agent.get('/advice').expect(200)).text), /Nobody has asked you for advice/);
    const unrelated = await createTestCase(t.pool, { today: TODAY });
    await lee.get(`/cases/${unrelated.id}`).expect(404);
    const parentOnly = await createUser(t.pool);
    const parentAgent = await agentSignedInAs(t, parentOnly.id);
    await parentAgent.get(`/advice/${theirs}`).expect(404);
  });
});
