import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from './support.js';
import { textOf } from '../support/html.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { waitForEmail } from '../support/wait.js';

describe('staff: removing an exemption to the time limits', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-09-01T10:00:00Z') });
  });
  after(() => t.close());

  it('removes it with a reason: the time limits apply again, a timeline note, an audit row and an email to the family', async () => {
    const parent = await createUser(t.pool, { fullName: 'Jane Rogers' });
    const c = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }], today: '2023-09-01' });
    assert.equal(
      (await t.pool.query(`SELECT next_due_label FROM cases WHERE id = $1`, [c.id])).rows[0].next_due_label,
      'Decision due',
    );
    const staff = await staffUser(t);
    const exemptionPath = `/staff/cases/${c.id}/progress/exemption`;
    await staff.agent
      .post(exemptionPath)
      .type('form')
      .send({
        _csrf: await csrfTokenOf(staff.agent, exemptionPath),
        kind: 'family-away',
        reason: 'The family are abroad until October.',
      })
      .expect(302);
    // Lifted time limits are not the work tray's next date (they can never be overdue).
    assert.deepEqual(
      (await t.pool.query(`SELECT next_due_label, next_due_on FROM cases WHERE id = $1`, [c.id])).rows[0],
      { next_due_label: null, next_due_on: null },
    );

    const casePage = await staff.agent.get(`/staff/cases/${c.id}`).expect(200);
    const path = `/staff/cases/${c.id}/progress/remove-exemption`;
    assert.match(casePage.text, new RegExp(`href="${path}"[^>]*>Remove the exemption to the time limits</a>`));
    const page = await staff.agent.get(path).expect(200);
    assert.match(
      textOf(page.text),
      /The exemption \(recorded on 1st Sep 2023\): Family away from the area for 4 weeks or more\. Reason: The family are abroad until October\./,
    );

    const csrf = await csrfTokenOf(staff.agent, path);
    const missing = await staff.agent.post(path).type('form').send({ _csrf: csrf, reason: '  ' }).expect(400);
    assert.match(missing.text, /<a href="#reason">Enter why the exemption no longer applies<\/a>/);
    const tooLong = await staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, reason: 'x'.repeat(2001) })
      .expect(400);
    assert.match(tooLong.text, /Why the exemption no longer applies must be 2,000 characters or fewer/);
    assert.match(tooLong.text, /x{2001}<\/textarea>/, 'the text is kept');

    await staff.agent.post(path).type('form').send({ _csrf: csrf, reason: 'The family came back early.' }).expect(302);
    const { rows } = await t.pool.query(
      `SELECT exemption_kind, exemption_reason, exemption_recorded_on, next_due_label, next_due_on FROM cases WHERE id = $1`,
      [c.id],
    );
    assert.deepEqual(rows[0], {
      exemption_kind: null,
      exemption_reason: null,
      exemption_recorded_on: null,
      next_due_label: 'Decision due',
      next_due_on: '2023-09-18',
    });

    const after = textOf((await staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text);
    assert.match(
      after,
      /Remove the exemption to the time limits: saved\. An email about the update has been sent to 1 family member\./,
    );
    assert.match(
      after,
      /Exemption to the time limits removed: the usual time limits apply again\. Reason: The family came back early\./,
    );
    assert.doesNotMatch(after, /Remove the exemption to the time limits(?!: saved)/, 'not offered again');
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM audit_log WHERE case_id = $1 AND action = 'staff.case.exemption-removed' AND actor_user_id = $2 AND details->>'kind' = 'family-away'`,
        [c.id, staff.id],
      ),
      1,
    );
    assert.match(
      textOf((await staff.agent.get(`/staff/cases/${c.id}/audit`).expect(200)).text),
      /removed the exemption/,
    );

    const email = await waitForEmail(t.pool, parent.email, /^Update on your EHC case .*: Request$/);
    const removed = await t.pool.query(
      `SELECT text_body FROM dev_mailbox WHERE recipient = $1 AND text_body LIKE '%no longer applies%'`,
      [parent.email],
    );
    assert.equal(removed.rows.length, 1, email.subject);
    assert.match(
      removed.rows[0].text_body,
      /The exemption to the time limits for this case no longer applies, so the usual time limits apply again\./,
    );
    assert.doesNotMatch(removed.rows[0].text_body, /came back early|abroad/);

    // The family's page has the reason on the timeline and no exemption any more.
    const family = textOf((await (await agentSignedInAs(t, parent.id)).get(`/cases/${c.id}`).expect(200)).text);
    assert.match(family, /The family came back early\./);
    assert.doesNotMatch(family, /no longer apply because of an exemption/);
  });

  it('is not offered, and changes nothing, on a case with no exemption', async () => {
    const c = await createTestCase(t.pool, { today: '2023-09-01' });
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/progress/remove-exemption`;
    assert.doesNotMatch((await staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text, /remove-exemption/);
    assert.match(
      textOf((await staff.agent.get(path).expect(200)).text),
      /There is no exemption to the time limits on this case\./,
    );
    await staff.agent
      .post(path)
      .type('form')
      .send({ _csrf: await csrfTokenOf(staff.agent, path), reason: 'Nothing to remove.' })
      .expect(302)
      .expect('Location', path);
    assert.equal(await count(t.pool, `SELECT count(*) FROM case_notes WHERE case_id = $1`, [c.id]), 0);
    const elsewhere = await staffUser(t, { council: 'Elsewhere Council' });
    await elsewhere.agent.get(path).expect(404);
  });
});
