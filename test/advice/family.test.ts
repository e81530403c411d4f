import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { PDF } from '../staff/support.js';
import { assessmentCase, requestAdviceAs, TODAY } from './support.js';
import { textOf } from '../support/html.js';
import { csrfFrom, postMultipart } from '../support/forms.js';

describe('advice: the family’s All about me, and the advice they see', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock(`${TODAY}T10:00:00Z`), deliver: false });
  });
  after(() => t.close());

  /** An adviser who has written and sent their advice on the case. */
  async function adviceSent(
    c: Awaited<ReturnType<typeof assessmentCase>>,
    kind: string,
    fullName: string,
    email: string,
    needs: string,
  ) {
    const adviser = await createUser(t.pool, { fullName, email });
    const requestId = await requestAdviceAs(t, c.staff, c.id, { kind, fullName, email });
    const agent = await agentSignedInAs(t, adviser.id);
    const csrf = csrfFrom((await agent.get(`/advice/${requestId}`).expect(200)).text);
    if (kind === 'psychological')
      await postMultipart(
        agent,
        `/advice/${requestId}/attachments`,
        { _csrf: csrf },
        { documents: { content: PDF, filename: `${kind}-report.pdf` } },
      ).expect(302);
    await agent
      .post(`/advice/${requestId}`)
      .type('form')
      .send({ _csrf: csrf, action: 'continue', needs, outcomes: 'To thrive.', provisionHealth: 'A review each term.' })
      .expect(302);
    await agent.post(`/advice/${requestId}/submit`).type('form').send({ _csrf: csrf }).expect(302);
    return { requestId, agent };
  }

  it('the family drafts All about me, comes back, sends it once; staff read it', async () => {
    const c = await assessmentCase(t);
    const path = `/cases/${c.id}/all-about-me`;
    const stage = textOf((await c.parent.agent.get(`/cases/${c.id}/stages/assessment`).expect(200)).text);
    assert.match(
      stage,
      /Advice for the assessment .* No advice has been shared with you yet\. All about me .* Write All about me/,
    );
    const page = await c.parent.agent.get(path).expect(200);
    const csrf = csrfFrom(page.text);
    const nothing = await c.parent.agent.post(path).type('form').send({ _csrf: csrf, action: 'continue' }).expect(400);
    assert.match(textOf(nothing.text), /There is a problem Write at least one section before you send it/);
    const tooLong = await c.parent.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, action: 'save', hopes: 'x'.repeat(10_001) })
      .expect(400);
    assert.match(textOf(tooLong.text), /Hopes for the future must be 10,000 characters or fewer/);

    await c.parent.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, action: 'save', parentViews: 'He needs calm.', admire: 'I am kind and funny.' })
      .expect(302);
    const back = textOf((await c.parent.agent.get(path).expect(200)).text);
    assert.match(back, /Your draft has been saved/);
    assert.match(back, /I am kind and funny\./);
    assert.match(textOf((await c.parent.agent.get(`/cases/${c.id}/stages/assessment`)).text), /Continue All about me/);
    // Not sent yet: staff do not see a draft.
    await c.staff.agent.get(`/staff/cases/${c.id}/all-about-me`).expect(404);

    await c.parent.agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrf,
        action: 'continue',
        parentViews: 'He needs calm.',
        admire: 'I am kind and funny.',
        important: 'My dog, Biscuit.',
        support: 'Tell me what is next.',
        hopes: 'To be a vet.',
      })
      .expect(302)
      .expect('Location', `${path}/check`);
    const check = textOf((await c.parent.agent.get(`${path}/check`).expect(200)).text);
    assert.match(
      check,
      /The views of the parent or carer He needs calm\. What people like and admire about me \(Barney’s views\) I am kind and funny\..*My hopes for the future \(Barney’s views\) To be a vet\./,
    );
    await c.parent.agent.post(`${path}/submit`).type('form').send({ _csrf: csrf }).expect(302);
    await c.parent.agent.post(`${path}/submit`).type('form').send({ _csrf: csrf }).expect(404);
    await c.parent.agent.post(path).type('form').send({ _csrf: csrf, action: 'save', hopes: 'Changed' }).expect(404);
    const sent = textOf((await c.parent.agent.get(path).expect(200)).text);
    assert.match(sent, /All about me has been sent to the council/);
    assert.match(sent, /Sent to the council on 20th Sep 2023 at 11am by Jane Rogers\./);

    const casePage = textOf((await c.staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text);
    assert.match(casePage, /All about me, the family’s own advice, was sent on 20th Sep 2023 at 11am\./);
    const staffView = textOf((await c.staff.agent.get(`/staff/cases/${c.id}/all-about-me`).expect(200)).text);
    assert.match(staffView, /He needs calm\..*To be a vet\./);
    const trail = textOf((await c.staff.agent.get(`/staff/cases/${c.id}/audit`).expect(200)).text);
    assert.match(trail, /sent All about me/);
  });

  it('the family sees advice as staff share it, and all of it once the draft plan is issued, with who gave it and when; nobody else does', async () => {
    const c = await assessmentCase(t);
    const ep = await adviceSent(c, 'psychological', 'Dr Priya Shah', 'priya2@ep.example', 'Barney learns by doing.');
    await adviceSent(c, 'medical', 'Dr Amir Khan', 'amir2@nhs.example', 'Barney has asthma.');
    const stagePath = `/cases/${c.id}/stages/assessment`;
    let stage = textOf((await c.parent.agent.get(stagePath).expect(200)).text);
    assert.match(stage, /No advice has been shared with you yet/);
    assert.doesNotMatch(stage, /Barney learns by doing/);
    const documents = textOf((await c.parent.agent.get(`/cases/${c.id}/documents`).expect(200)).text);
    assert.doesNotMatch(
      documents,
      /psychological-report\.pdf/,
      'an attachment is not the family’s before the advice is shared',
    );
    const { rows } = await t.pool.query(`SELECT id FROM documents WHERE advice_request_id = $1`, [ep.requestId]);
    await c.parent.agent.get(`/cases/${c.id}/documents/${rows[0].id}`).expect(404);

    const detail = await c.staff.agent.get(`/staff/cases/${c.id}/advice/${ep.requestId}`).expect(200);
    await c.staff.agent
      .post(`/staff/cases/${c.id}/advice/${ep.requestId}/share`)
      .type('form')
      .send({ _csrf: csrfFrom(detail.text) })
      .expect(302);
    stage = textOf((await c.parent.agent.get(stagePath).expect(200)).text);
    assert.match(
      stage,
      /Psychological advice from Dr Priya Shah Given on 20th Sep 2023 The child’s needs Barney learns by doing\./,
    );
    assert.doesNotMatch(stage, /Barney has asthma/);
    const link = /href="(\/cases\/[^"]+\/documents\/[^"]+)">psychological-report\.pdf/.exec(
      (await c.parent.agent.get(stagePath)).text,
    )?.[1];
    assert.ok(link);
    await c.parent.agent.get(link).expect(200);

    // The draft plan is issued: the family sees all three (the two professionals' and their own).
    const family = await t.pool.query(
      `INSERT INTO family_advice (case_id, parent_views, saved_by, saved_at, submitted_by, submitted_at) VALUES ($1, 'Our views.', $2, now(), $2, now())`,
      [c.id, c.parent.id],
    );
    assert.equal(family.rowCount, 1);
    await t.pool.query(`UPDATE cases SET draft_plan_issued_on = '2023-11-20' WHERE id = $1`, [c.id]);
    stage = textOf((await c.parent.agent.get(stagePath).expect(200)).text);
    assert.match(stage, /Psychological advice from Dr Priya Shah Given on 20th Sep 2023/);
    assert.match(
      stage,
      /Medical advice from Dr Amir Khan Given on 20th Sep 2023 The child’s needs Barney has asthma\./,
    );
    assert.match(stage, /You have sent All about me to the council\. Read All about me/);

    // Another case's adviser sees none of it.
    const other = await assessmentCase(t, { firstName: 'Amelia' });
    const stranger = await adviceSent(other, 'medical', 'Dr Stranger', 'stranger@nhs.example', 'Amelia.');
    await stranger.agent.get(stagePath).expect(404);
    await stranger.agent.get(link).expect(404);
    await stranger.agent.get(`/cases/${c.id}/all-about-me`).expect(404);
    await stranger.agent.get(`/advice/${ep.requestId}`).expect(404);
    // Nor does the other family.
    await other.parent.agent.get(`/cases/${c.id}/all-about-me`).expect(404);
    await other.parent.agent.get(link).expect(404);
  });
});
