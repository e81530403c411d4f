import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { queueAdviceReminders } from '../../src/advice/reminders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { agentSignedInAs } from '../support/sessions.js';
import { staffUser } from '../staff/support.js';
import { assessmentCase, requestAdviceAs, TODAY } from './support.js';
import { count, queuedEmails } from '../support/database-checks.js';
import { textOf } from '../support/html.js';
import { csrfTokenOf, postForm, submitForm } from '../support/forms.js';

describe('advice: an exemption to a request’s 6-week time limit (reg. 8(2))', () => {
  let t: TestApp;
  const clock = fixedClock(`${TODAY}T10:00:00Z`);
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  it('is recorded with its reason: not overdue, no overdue reminder, not in the tray; then removed', async () => {
    const c = await assessmentCase(t, { firstName: 'Exempta' });
    const requestId = await requestAdviceAs(t, c.staff, c.id, {
      kind: 'educational',
      fullName: 'Ms Head',
      email: 'head@closed-school.example',
    });
    const requestPath = `/staff/cases/${c.id}/advice/${requestId}`;
    const exemptionPath = `${requestPath}/exemption`;
    const reminders = async () =>
      (await queuedEmails(t.pool, 'head@closed-school.example')).filter((email) => /was due on/.test(email.subject));

    clock.set('2023-11-01T10:00:00Z'); // the day after the due date (31 Oct 2023)
    c.staff.agent = await agentSignedInAs(t, c.staff.id);
    assert.match(textOf((await c.staff.agent.get(requestPath).expect(200)).text), /Status Overdue/);
    assert.match(
      textOf((await c.staff.agent.get(requestPath).expect(200)).text),
      /Record an exemption to the 6-week time limit/,
    );
    assert.match(textOf((await c.staff.agent.get('/staff?due=advice-overdue').expect(200)).text), /Exempta/);

    // Bad input: GOV.UK messages, what was typed is kept.
    const csrf = await csrfTokenOf(c.staff.agent, exemptionPath);
    const bad = await postForm(c.staff.agent, exemptionPath, csrf, {
      kind: 'nonsense',
      reason: 'The school shut for the summer',
    }).expect(400);
    assert.match(textOf(bad.text), /There is a problem/);
    assert.match(textOf(bad.text), /Select the reason for the exemption/);
    assert.match(bad.text, /The school shut for the summer/);
    const empty = await postForm(c.staff.agent, exemptionPath, csrf, { kind: 'setting-closed', reason: ' ' }).expect(
      400,
    );
    assert.match(textOf(empty.text), /Enter why the exemption applies/);
    assert.match(empty.text, /value="setting-closed" checked/);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM advice_requests WHERE id = $1 AND exemption_kind IS NOT NULL`, [
        requestId,
      ]),
      0,
    );

    const done = await postForm(c.staff.agent, exemptionPath, csrf, {
      kind: 'setting-closed',
      reason: 'The school was closed from 16 Oct to 13 Nov for building work',
    }).expect(302);
    assert.equal(done.headers.location, requestPath);
    const page = textOf((await c.staff.agent.get(requestPath).expect(200)).text);
    assert.match(page, /The exemption to the time limit has been recorded/);
    assert.match(page, /Status Requested/);
    assert.match(
      page,
      /Exemption: Education setting closed for 4 weeks or more\. The school was closed from 16 Oct to 13 Nov for building work/,
    );
    const casePage = textOf((await c.staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text);
    assert.match(
      casePage,
      /Educational advice Ms Head 31st Oct 2023 Requested Exemption: Education setting closed for 4 weeks or more/,
    );
    assert.doesNotMatch(textOf((await c.staff.agent.get('/staff?due=advice-overdue').expect(200)).text), /Exempta/);
    await queueAdviceReminders(t);
    assert.equal((await reminders()).length, 0, 'no overdue reminder while exempt');
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM advice_reminders WHERE request_id = $1 AND kind = 'overdue'`, [
        requestId,
      ]),
      0,
    );
    // The form shows what is recorded.
    assert.match(
      (await c.staff.agent.get(exemptionPath).expect(200)).text,
      /The school was closed from 16 Oct to 13 Nov for building work/,
    );

    // Removed: overdue again, the reminder goes, the tray counts it.
    const removed = await submitForm(c.staff.agent, `${requestPath}/exemption/remove`, {}, requestPath);
    assert.equal(removed.status, 302);
    assert.equal(removed.headers.location, requestPath);
    const after = textOf((await c.staff.agent.get(requestPath).expect(200)).text);
    assert.match(after, /The exemption has been removed/);
    assert.match(after, /Status Overdue/);
    assert.doesNotMatch(after, /Exemption: /);
    assert.match(textOf((await c.staff.agent.get('/staff?due=advice-overdue').expect(200)).text), /Exempta/);
    await queueAdviceReminders(t);
    assert.equal((await reminders()).length, 1);
    // Nothing to remove now.
    assert.equal((await submitForm(c.staff.agent, `${requestPath}/exemption/remove`, {}, requestPath)).status, 404);

    const audit = textOf((await c.staff.agent.get(`/staff/cases/${c.id}/audit`).expect(200)).text);
    assert.match(
      audit,
      /Sam Jones recorded an exemption to the time limit for advice 1st Nov 2023 at 10am \(council staff\) Exemption: Education setting closed for 4 weeks or more/,
    );
    assert.match(audit, /Sam Jones removed an exemption to the time limit for advice/);
    clock.set(`${TODAY}T10:00:00Z`);
  });

  it('answers 404 to another council’s staff, and for a request no longer outstanding', async () => {
    const c = await assessmentCase(t);
    const requestId = await requestAdviceAs(t, c.staff, c.id, {
      kind: 'medical',
      fullName: 'Dr Who',
      email: 'dr.who@nhs.example',
    });
    const requestPath = `/staff/cases/${c.id}/advice/${requestId}`;
    const elsewhere = await staffUser(t, { council: 'Farley Council' });
    await elsewhere.agent.get(`${requestPath}/exemption`).expect(404);
    const csrf = await csrfTokenOf(elsewhere.agent, '/staff');
    await postForm(elsewhere.agent, `${requestPath}/exemption`, csrf, { kind: 'family-away', reason: 'Away' }).expect(
      404,
    );
    await postForm(
      c.staff.agent,
      `${requestPath}/exemption`,
      await csrfTokenOf(c.staff.agent, `${requestPath}/exemption`),
      { kind: 'family-away', reason: 'Away' },
    ).expect(302);
    await postForm(elsewhere.agent, `${requestPath}/exemption/remove`, csrf, {}).expect(404);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM advice_requests WHERE id = $1 AND exemption_kind = 'family-away'`, [
        requestId,
      ]),
      1,
    );

    assert.equal((await submitForm(c.staff.agent, `${requestPath}/withdraw`, {}, requestPath)).status, 302);
    await c.staff.agent.get(`${requestPath}/exemption`).expect(404);
  });
});
