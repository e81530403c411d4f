import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { familyComments } from '../../src/cases/index.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { giveAppMethod, totpAt } from '../two-factor/support.js';
import { familyCase } from './family-support.js';
import { csrfFrom, csrfTokenOf } from '../support/forms.js';
import { count, queuedEmails } from '../support/database-checks.js';
import { textOf } from '../support/html.js';

describe('comments and views', () => {
  const clock = fixedClock('2023-08-20T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  it('adds comments on behalf of the child: a check-your-answers step, then sent and marked as such', async () => {
    const family = await familyCase(t);
    const formPath = `/cases/${family.caseId}/comments/new`;
    const form = await family.agent.get(formPath).expect(200);
    assert.match(textOf(form.text), /Whose comments are these\? My own comments Comments on behalf of Barney/);

    const continued = await family.agent
      .post(formPath)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), whose: 'child', comment: 'I like maths.\nI get upset when it is noisy.' })
      .expect(302);
    assert.equal(continued.headers.location, `/cases/${family.caseId}/comments/check`);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM case_comments WHERE case_id = $1`, [family.caseId]),
      0,
      'nothing sent before checking',
    );

    const check = await family.agent.get(`/cases/${family.caseId}/comments/check`).expect(200);
    const checkText = textOf(check.text);
    assert.match(checkText, /Check your comments before sending them/);
    assert.match(checkText, /Whose comments On behalf of Barney Change whose comments these are/);
    assert.match(check.text, /I like maths\.<br>I get upset when it is noisy\./);

    const sent = await family.agent
      .post(`/cases/${family.caseId}/comments/check`)
      .type('form')
      .send({ _csrf: csrfFrom(check.text) })
      .expect(302);
    assert.equal(sent.headers.location, `/cases/${family.caseId}/comments`);
    const list = await family.agent.get(sent.headers.location).expect(200);
    const listText = textOf(list.text);
    assert.match(listText, /Your comments have been sent/);
    assert.match(listText, /Jane Rogers, on behalf of Barney 20th Aug 2023 at 10am On behalf of Barney I like maths\./);

    const [stored] = await familyComments(t.pool, family.caseId);
    assert.equal(stored.onBehalfOfChild, true);
    assert.equal(stored.body, 'I like maths.\nI get upset when it is noisy.');
    assert.equal(stored.stage, 'request');
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM audit_log WHERE action = 'case.comment.added' AND case_id = $1`, [
        family.caseId,
      ]),
      1,
    );
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM case_comment_drafts WHERE case_id = $1`, [family.caseId]),
      0,
      'the draft is gone once sent',
    );

    const email = (await queuedEmails(t.pool, family.coordinator.email)).at(-1);
    assert.ok(email, 'the co-ordinator is emailed');
    assert.equal(email.subject, `New comments: Barney Rogers (${family.reference})`);
    assert.match(email.text, /Jane Rogers has added comments on behalf of Barney\./);
    assert.match(email.text, new RegExp(`http://localhost:3000/staff/cases/${family.caseId}`));
    assert.doesNotMatch(email.text, /I like maths/, 'what the family wrote stays in EHC Hub');

    // Sending again without a new draft sends nothing more.
    await family.agent
      .post(`/cases/${family.caseId}/comments/check`)
      .type('form')
      .send({ _csrf: csrfFrom(check.text) })
      .expect(302);
    assert.equal(await count(t.pool, `SELECT count(*) FROM case_comments WHERE case_id = $1`, [family.caseId]), 1);
  });

  it('keeps the comment on a validation error (400, GOV.UK messages, text kept)', async () => {
    const family = await familyCase(t);
    const formPath = `/cases/${family.caseId}/comments/new`;
    const csrf = await csrfTokenOf(family.agent, formPath);
    const res = await family.agent
      .post(formPath)
      .type('form')
      .send({ _csrf: csrf, comment: 'My thoughts <b>so far</b>' })
      .expect(400);
    const text = textOf(res.text);
    assert.match(text, /There is a problem Select whether these are your own comments or on behalf of Barney/);
    assert.match(res.text, /<textarea[^>]*id="comment"[^>]*>My thoughts &lt;b&gt;so far&lt;\/b&gt;<\/textarea>/);
    assert.match(res.text, /<title>Error: Add comments/);

    const tooLong = await family.agent
      .post(formPath)
      .type('form')
      .send({ _csrf: csrf, whose: 'own', comment: 'x'.repeat(10_001) })
      .expect(400);
    assert.match(textOf(tooLong.text), /Your comments must be 10,000 characters or fewer/);
    const empty = await family.agent
      .post(formPath)
      .type('form')
      .send({ _csrf: csrf, whose: 'own', comment: '  ' })
      .expect(400);
    assert.match(textOf(empty.text), /Enter your comments/);

    // Leaving and coming back: the draft is still there.
    await family.agent.post(formPath).type('form').send({ _csrf: csrf, comment: 'Half written' }).expect(400);
    const again = await family.agent.get(formPath).expect(200);
    assert.match(again.text, />Half written<\/textarea>/);
    assert.equal(await count(t.pool, `SELECT count(*) FROM case_comments WHERE case_id = $1`, [family.caseId]), 0);
  });

  it('keeps the comment when the sign-in has expired, and returns to it after signing in again', async () => {
    const family = await familyCase(t);
    const secret = await giveAppMethod(t, family.parent.id);
    const formPath = `/cases/${family.caseId}/comments/new`;
    const csrf = await csrfTokenOf(family.agent, formPath);
    clock.advance(31 * 60 * 1000);
    const expired = await family.agent
      .post(formPath)
      .type('form')
      .send({ _csrf: csrf, _keepOnTimeout: '1', whose: 'own', comment: 'Written slowly over half an hour.' })
      .expect(302);
    assert.equal(expired.headers.location, '/signed-out?reason=timeout');

    const signIn = await family.agent.get('/sign-in').expect(200);
    await family.agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(signIn.text), email: family.parent.email, password: 'Correct-Horse-Battery-9' })
      .expect(302);
    const codePage = await family.agent.get('/log-in-code').expect(200);
    const done = await family.agent
      .post('/log-in-code')
      .type('form')
      .send({ _csrf: csrfFrom(codePage.text), code: await totpAt(secret, clock) })
      .expect(302);
    assert.equal(done.headers.location, formPath);
    const back = await family.agent.get(formPath).expect(200);
    assert.match(back.text, />Written slowly over half an hour\.<\/textarea>/);
    assert.match(back.text, /value="own" checked/);
  });

  it('keeps nothing of a form sent after the sign-in expired without the right CSRF token (from another site)', async () => {
    const family = await familyCase(t);
    const secret = await giveAppMethod(t, family.parent.id);
    const formPath = `/cases/${family.caseId}/comments/new`;
    await csrfTokenOf(family.agent, formPath);
    clock.advance(31 * 60 * 1000);
    const expired = await family.agent
      .post(formPath)
      .type('form')
      .send({ _csrf: 'forged', _keepOnTimeout: '1', whose: 'own', comment: 'Planted by another site.' });
    assert.equal(expired.headers.location, '/signed-out?reason=timeout');
    const signIn = await family.agent.get('/sign-in').expect(200);
    await family.agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(signIn.text), email: family.parent.email, password: 'Correct-Horse-Battery-9' })
      .expect(302);
    const codePage = await family.agent.get('/log-in-code').expect(200);
    await family.agent
      .post('/log-in-code')
      .type('form')
      .send({ _csrf: csrfFrom(codePage.text), code: await totpAt(secret, clock) })
      .expect(302);
    const page = await family.agent.get(formPath).expect(200);
    assert.doesNotMatch(page.text, /Planted by another site/);
  });

  it('does not give a kept comment to someone else who signs in on the same browser', async () => {
    const family = await familyCase(t);
    const other = await createUser(t.pool, { fullName: 'Second Parent' });
    const otherSecret = await giveAppMethod(t, other.id);
    await t.pool.query(`INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, 'parent')`, [
      family.caseId,
      other.id,
    ]);
    const formPath = `/cases/${family.caseId}/comments/new`;
    const csrf = await csrfTokenOf(family.agent, formPath);
    clock.advance(31 * 60 * 1000);
    await family.agent
      .post(formPath)
      .type('form')
      .send({ _csrf: csrf, _keepOnTimeout: '1', whose: 'own', comment: 'Private words.' })
      .expect(302);
    const signIn = await family.agent.get('/sign-in');
    await family.agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfFrom(signIn.text), email: other.email, password: other.password })
      .expect(302);
    const codePage = await family.agent.get('/log-in-code');
    await family.agent
      .post('/log-in-code')
      .type('form')
      .send({ _csrf: csrfFrom(codePage.text), code: await totpAt(otherSecret, clock) })
      .expect(302);
    const page = await family.agent.get(formPath).expect(200);
    assert.doesNotMatch(page.text, /Private words/);
  });

  it('lets only the family add comments; a young person has no "on behalf of" choice', async () => {
    const youngPerson = await createUser(t.pool, { fullName: 'Barney Rogers' });
    const setting = await createUser(t.pool, { fullName: 'Edgehill Primary' });
    const family = await familyCase(t, {
      members: [
        { userId: youngPerson.id, role: 'young-person' },
        { userId: setting.id, role: 'education-setting' },
      ],
    });
    const ypAgent = await agentSignedInAs(t, youngPerson.id);
    const form = await ypAgent.get(`/cases/${family.caseId}/comments/new`).expect(200);
    assert.doesNotMatch(form.text, /Whose comments are these/);
    await ypAgent
      .post(`/cases/${family.caseId}/comments/new`)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), whose: 'child', comment: 'My own view.' })
      .expect(302);
    const check = await ypAgent.get(`/cases/${family.caseId}/comments/check`).expect(200);
    await ypAgent
      .post(`/cases/${family.caseId}/comments/check`)
      .type('form')
      .send({ _csrf: csrfFrom(check.text) })
      .expect(302);
    const [stored] = await familyComments(t.pool, family.caseId);
    assert.equal(stored.onBehalfOfChild, false);

    const settingAgent = await agentSignedInAs(t, setting.id);
    await settingAgent.get(`/cases/${family.caseId}/comments/new`).expect(404);
    await settingAgent.get(`/cases/${family.caseId}/comments`).expect(404);
  });

  it('refuses a form without its CSRF token', async () => {
    const family = await familyCase(t);
    await family.agent
      .post(`/cases/${family.caseId}/comments/new`)
      .type('form')
      .send({ whose: 'own', comment: 'Hello' })
      .expect(403);
  });
});
