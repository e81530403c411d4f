import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { textOf } from '../support/html.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from './support.js';
import { csrfTokenOf } from '../support/forms.js';

// A family may have cases with two councils on one EHC Hub: neither council may change the account
// the family uses for the other's case, nor learn from "Add a person" what the other council holds.
describe('staff: a family account shared with another council', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T10:00:00Z') });
  });
  after(() => t.close());

  async function addPerson(
    staff: Awaited<ReturnType<typeof staffUser>>,
    caseId: string,
    email: string,
    fullName: string,
  ) {
    const path = `/staff/cases/${caseId}/people/add`;
    const csrf = await csrfTokenOf(staff.agent, path);
    await staff.agent.post(path).type('form').send({ _csrf: csrf, email, fullName, role: 'parent' }).expect(302);
    return textOf((await staff.agent.get(`/staff/cases/${caseId}`).expect(200)).text);
  }

  it('adding an address says the same whether or not another council has an account for it, and shows the name typed', async () => {
    const theirs = await createUser(t.pool, { fullName: 'Registered Elsewhere', twoFactorMethod: 'app' });
    await createTestCase(t.pool, { council: 'Otherton Council', members: [{ userId: theirs.id, role: 'parent' }] });
    const ours = await createTestCase(t.pool);
    const staff = await staffUser(t);

    const existing = await addPerson(staff, ours.id, theirs.email, 'Typed Name');
    assert.match(
      existing,
      new RegExp(
        `Typed Name has been added to the case and sent an email to tell them \\(${theirs.email.replace(/\./g, '\\.')}\\)\\.`,
      ),
    );
    assert.doesNotMatch(existing.split('Typed Name has been added')[0], /Registered Elsewhere/);
    const fresh = await addPerson(staff, ours.id, 'nobody.yet@example.com', 'New Person');
    assert.match(
      fresh,
      /New Person has been added to the case and sent an email to tell them \(nobody\.yet@example\.com\)\./,
    );
  });

  it('adding a disabled account of another council is not refused in words that give it away', async () => {
    const disabled = await createUser(t.pool, { fullName: 'Disabled Elsewhere', status: 'disabled' });
    await createTestCase(t.pool, { council: 'Otherton Council', members: [{ userId: disabled.id, role: 'parent' }] });
    const ours = await createTestCase(t.pool);
    const staff = await staffUser(t);
    const page = await addPerson(staff, ours.id, disabled.email, 'Typed Again');
    assert.match(page, /Typed Again has been added to the case and sent an email to tell them/);
  });

  it('a caseworker cannot disable or reset the second factor of an account that is also on another council’s case', async () => {
    const shared = await createUser(t.pool, { fullName: 'Shared Parent', twoFactorMethod: 'app' });
    await createTestCase(t.pool, { council: 'Otherton Council', members: [{ userId: shared.id, role: 'parent' }] });
    const ours = await createTestCase(t.pool, { members: [{ userId: shared.id, role: 'parent' }] });
    const staff = await staffUser(t, { role: 'admin' });

    const person = await staff.agent.get(`/staff/people/${shared.id}`).expect(200);
    assert.doesNotMatch(person.text, /Disable account|Reset second factor/);
    assert.match(textOf(person.text), /also has access to a case with another council/);
    await staff.agent.get(`/staff/people/${shared.id}/disable`).expect(404);
    await staff.agent.get(`/staff/people/${shared.id}/reset-two-factor`).expect(404);
    const csrf = await csrfTokenOf(staff.agent, `/staff/cases/${ours.id}`);
    await staff.agent.post(`/staff/people/${shared.id}/disable`).type('form').send({ _csrf: csrf }).expect(404);
    await staff.agent
      .post(`/staff/people/${shared.id}/reset-two-factor`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(404);
    const { rows } = await t.pool.query('SELECT status, two_factor_method FROM users WHERE id = $1', [shared.id]);
    assert.deepEqual(rows[0], { status: 'active', two_factor_method: 'app' });

    // Their access to this council's case can still be removed.
    await staff.agent.get(`/staff/cases/${ours.id}/people/${shared.id}/remove`).expect(200);
  });
});
