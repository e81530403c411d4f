import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { pdf } from '../cases/samples.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import {
  createAccountThroughPages,
  emailsTo,
  nthEmailTo,
  PARENT_ANSWERS,
  saveSectionPage,
  submitPage,
} from './support.js';
import { textOf } from '../support/html.js';
import { csrfFrom } from '../support/forms.js';

describe('the request: task list, saved as it goes, sent once', () => {
  let t: TestApp;
  // Tuesday 8th Aug 2023, the guide's example day: the decision is due on 18th Sep 2023.
  const clock = fixedClock('2023-08-08T09:00:00Z');

  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(async () => {
    await t.close();
  });

  it('a parent creates an account, fills the task list over two sessions and sends it with a document', async () => {
    const first = t.agent();
    await createAccountThroughPages(t, first, {
      email: 'alex.morgan@example.com',
      fullName: 'Alex Taylor',
      password: 'Kettle-Lantern-88',
    });
    const begun = await first.get('/request/start').expect(302);
    const requestPath = String(begun.headers.location);
    const requestId = requestPath.split('/').pop()!;

    const taskList = await first.get(requestPath).expect(200);
    assert.match(taskList.text, /govuk-task-list/);
    assert.match(textOf(taskList.text), /About the child or young person Not yet started/);
    assert.match(textOf(taskList.text), /Check your answers and send the request Cannot start yet/);

    // Session 1: half of the child's page (kept though incomplete), then all of it, and "About you".
    const half = await saveSectionPage(first, requestId, 'child', { firstName: 'Robin', postcode: 'not a postcode' });
    assert.equal(half.status, 400);
    assert.match(half.text, /There is a problem/);
    assert.match(half.text, /href="#dateOfBirth-day">Enter their date of birth/);
    assert.match(half.text, /Enter a real postcode, like SW1A 1AA/);
    assert.match(half.text, /value="Robin"/);
    assert.match(textOf((await first.get(requestPath)).text), /About the child or young person In progress/);
    assert.equal(
      (await saveSectionPage(first, requestId, 'child', PARENT_ANSWERS.child)).headers.location,
      requestPath,
    );
    assert.equal((await saveSectionPage(first, requestId, 'you', PARENT_ANSWERS.you)).status, 302);

    // Session 2, days later: everything is still there.
    clock.advance(3 * 24 * 3600 * 1000);
    const userId = (await t.pool.query(`SELECT id FROM users WHERE email = 'alex.morgan@example.com'`)).rows[0].id;
    const second = await agentSignedInAs(t, userId);
    assert.equal((await second.get('/request/start').expect(302)).headers.location, requestPath);
    const back = textOf((await second.get(requestPath).expect(200)).text);
    assert.match(back, /About the child or young person Completed/);
    assert.match(back, /About you Completed/);
    const childPage = await second.get(`/request/${requestId}/child`).expect(200);
    assert.match(childPage.text, /value="Morgan"/);
    assert.match(childPage.text, /12 Mill Lane\nEdgehill/);

    for (const section of ['reasons', 'views', 'declaration']) {
      assert.equal((await saveSectionPage(second, requestId, section, PARENT_ANSWERS[section])).status, 302, section);
    }
    // Evidence: a PDF with the family's upload rules, then on.
    const evidencePage = await second.get(`/request/${requestId}/evidence`).expect(200);
    assert.match(
      textOf(evidencePage.text),
      /Each file must be a PDF, Word document, JPG, PNG or HEIC file, and smaller than 10 MB/,
    );
    const uploaded = await second
      .post(`/request/${requestId}/evidence`)
      .field('_csrf', csrfFrom(evidencePage.text))
      .field('description', 'Speech therapy report')
      .attach('documents', pdf('Robin report'), { filename: 'Speech report.pdf', contentType: 'application/pdf' })
      .expect(302);
    assert.equal(uploaded.headers.location, `/request/${requestId}/evidence`);
    const listed = await second.get(`/request/${requestId}/evidence`).expect(200);
    assert.match(textOf(listed.text), /Your document has been uploaded Speech report\.pdf/);
    assert.match(textOf(listed.text), /Speech report\.pdf Speech therapy report/);
    const wrongType = await second
      .post(`/request/${requestId}/evidence`)
      .field('_csrf', csrfFrom(listed.text))
      .field('description', 'A program')
      .attach('documents', Buffer.from('MZ not a document at all'), {
        filename: 'virus.pdf',
        contentType: 'application/pdf',
      })
      .expect(400);
    assert.match(wrongType.text, /“virus\.pdf” must be a PDF, Word document, JPG, PNG or HEIC file/);
    assert.match(textOf((await second.get(requestPath)).text), /Evidence In progress/);
    assert.equal((await submitPage(second, `/request/${requestId}/evidence`, {})).headers.location, requestPath);

    const done = textOf((await second.get(requestPath)).text);
    assert.equal(done.match(/ Completed /g)?.length, 6);
    assert.match(done, /Declaration and consent Completed Check your answers and send the request Not yet started/);
    const check = await second.get(`/request/${requestId}/check`).expect(200);
    const checkWords = textOf(check.text);
    assert.match(checkWords, /Check your answers before sending your request/);
    assert.match(checkWords, /Name Robin Morgan/);
    assert.match(checkWords, /Date of birth 14th Mar 2016/);
    assert.match(checkWords, /Parental responsibility Yes/);
    assert.match(checkWords, /Speech report\.pdf: Speech therapy report/);
    assert.match(check.text, new RegExp(`href="/request/${requestId}/child"`));

    const sent = await second
      .post(`/request/${requestId}/check`)
      .type('form')
      .send({ _csrf: csrfFrom(check.text) })
      .expect(302);
    assert.equal(sent.headers.location, `/request/${requestId}/sent`);
    const confirmation = await second.get(sent.headers.location).expect(200);
    assert.match(confirmation.text, /govuk-panel--confirmation/);
    const reference = /<strong>(REQ-\d{6})<\/strong>/.exec(confirmation.text)![1];
    // Sent on 11th Aug 2023 (day 1): the decision within 6 weeks, by 21st Sep 2023.
    assert.match(textOf(confirmation.text), /by 21st Sep 2023/);

    const email = await nthEmailTo(t.pool, 'alex.morgan@example.com', 2);
    assert.equal(email.subject, 'We have received your request for an EHC needs assessment');
    assert.match(email.text, new RegExp(reference));
    assert.match(email.text, /21st Sep 2023/);
    for (const secret of ['Robin', 'reading', 'anxious', 'therapy', 'Morgan'])
      assert.doesNotMatch(email.text, new RegExp(secret), secret);
    assert.equal((await emailsTo(t.pool, 'alex.morgan@example.com')).length, 2);

    // Sent: it cannot be changed through these pages.
    assert.equal(
      (await second.get(`/request/${requestId}/child`).expect(302)).headers.location,
      `/request/${requestId}/sent`,
    );
    const change = await second
      .post(`/request/${requestId}/child`)
      .type('form')
      .send({ _csrf: csrfFrom(confirmation.text), ...PARENT_ANSWERS.child, firstName: 'Changed' });
    assert.equal(change.status, 302);
    const { rows } = await t.pool.query(
      `SELECT answers->'child'->>'firstName' AS name, status, to_char(submitted_on, 'YYYY-MM-DD') AS day FROM online_requests WHERE id = $1`,
      [requestId],
    );
    assert.deepEqual(rows[0], { name: 'Robin', status: 'submitted', day: '2023-08-11' });
    // A new start is a new request.
    const again = await second.get('/request/start').expect(302);
    assert.notEqual(again.headers.location, requestPath);
  });

  it('a draft is visible only to its writer: anyone else gets a 404', async () => {
    const writer = await createUser(t.pool, { twoFactorMethod: 'app' });
    const other = await createUser(t.pool, { twoFactorMethod: 'app' });
    const staff = await createUser(t.pool, { kind: 'staff', twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, writer.id);
    const requestPath = String((await agent.get('/request/start').expect(302)).headers.location);
    const requestId = requestPath.split('/').pop()!;
    await saveSectionPage(agent, requestId, 'child', PARENT_ANSWERS.child);

    const intruder = await agentSignedInAs(t, other.id);
    const council = await agentSignedInAs(t, staff.id);
    for (const who of [intruder, council]) {
      for (const path of [
        requestPath,
        `${requestPath}/child`,
        `${requestPath}/evidence`,
        `${requestPath}/check`,
        `${requestPath}/sent`,
      ]) {
        const res = await who.get(path);
        assert.equal(res.status, 404, path);
        assert.doesNotMatch(res.text, /Robin/);
      }
      const token = csrfFrom((await who.get('/account')).text);
      assert.equal(
        (await who.post(`${requestPath}/child`).type('form').send({ _csrf: token, firstName: 'Mallory' })).status,
        404,
      );
      assert.equal((await who.post(`${requestPath}/check`).type('form').send({ _csrf: token })).status, 404);
    }
    assert.equal((await intruder.get('/request/not-a-uuid')).status, 404);
    // Not signed in: to sign in.
    assert.equal((await t.agent().get(requestPath).expect(302)).headers.location, '/sign-in');
    const { rows } = await t.pool.query(
      `SELECT answers->'child'->>'firstName' AS name FROM online_requests WHERE id = $1`,
      [requestId],
    );
    assert.equal(rows[0].name, 'Robin');
  });

  it('asks a school for the agreement of the parent or young person, and checks every page', async () => {
    const teacher = await createUser(t.pool, { twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, teacher.id);
    const requestId = String((await agent.get('/request/start').expect(302)).headers.location)
      .split('/')
      .pop()!;
    const noSetting = await saveSectionPage(agent, requestId, 'you', {
      ...PARENT_ANSWERS.you,
      relationship: 'school',
      parentalResponsibility: '',
    });
    assert.equal(noSetting.status, 400);
    assert.match(noSetting.text, /Enter the name of the school, college or nursery/);
    assert.equal(
      (
        await saveSectionPage(agent, requestId, 'you', {
          ...PARENT_ANSWERS.you,
          relationship: 'school',
          settingName: 'Edgehill Primary School',
          parentalResponsibility: '',
        })
      ).status,
      302,
    );
    const declaration = await saveSectionPage(agent, requestId, 'declaration', { consent: 'yes', declaration: 'yes' });
    assert.equal(declaration.status, 400);
    assert.match(declaration.text, /Confirm that you have the parent&#39;s or young person&#39;s agreement to ask/);
    assert.match(declaration.text, /name="consent" type="checkbox" value="yes" checked/);
    assert.equal(
      (await saveSectionPage(agent, requestId, 'declaration', { consent: 'yes', declaration: 'yes', agreement: 'yes' }))
        .status,
      302,
    );

    for (const [section, message] of [
      ['child', 'Enter their first name'],
      ['you', 'Select your relationship to the child or young person'],
      ['reasons', 'Enter their needs'],
      ['views', 'Enter their views'],
      ['declaration', 'Confirm that we may share the request'],
    ]) {
      const res = await saveSectionPage(agent, requestId, section, {});
      assert.equal(res.status, 400, section);
      assert.match(res.text, /govuk-error-summary/);
      assert.match(res.text, new RegExp(message), section);
    }
    const tooOld = await saveSectionPage(agent, requestId, 'child', {
      ...PARENT_ANSWERS.child,
      'dateOfBirth-year': '1990',
    });
    assert.equal(tooOld.status, 400);
    assert.match(tooOld.text, /href="#dateOfBirth-day">They must be aged 25 or under: check the date of birth/);
    assert.match(tooOld.text, /value="1990"/);
    // Not complete: no check answers yet, and no sending.
    assert.equal(
      (await agent.get(`/request/${requestId}/check`).expect(302)).headers.location,
      `/request/${requestId}`,
    );
    const token = csrfFrom((await agent.get(`/request/${requestId}`)).text);
    assert.equal(
      (await agent.post(`/request/${requestId}/check`).type('form').send({ _csrf: token })).headers.location,
      `/request/${requestId}`,
    );
    assert.equal(
      (await t.pool.query(`SELECT status FROM online_requests WHERE id = $1`, [requestId])).rows[0].status,
      'draft',
    );
  });
});
