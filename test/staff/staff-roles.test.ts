import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from './support.js';
import { textOf } from '../support/html.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';

describe('staff: an admin changes a member of staff between caseworker and admin', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2024-08-22T09:30:00Z') });
  });
  after(() => t.close());

  const roleOf = async (userId: string) =>
    (await t.pool.query(`SELECT staff_role FROM users WHERE id = $1`, [userId])).rows[0].staff_role;

  async function setRole(
    agent: Awaited<ReturnType<typeof staffUser>>['agent'],
    userId: string,
    fields: Record<string, string>,
  ) {
    const path = `/staff/staff-accounts/${userId}/role`;
    return agent
      .post(path)
      .type('form')
      .send({ _csrf: await csrfTokenOf(agent, '/staff'), ...fields });
  }

  it('makes a caseworker an admin and back again, audited, and the pages they reach follow at once', async () => {
    const admin = await staffUser(t, { role: 'admin', fullName: 'Ada Admin' });
    const caseworker = await staffUser(t, { fullName: 'Carl Caseworker' });
    const list = await admin.agent.get('/staff/staff-accounts').expect(200);
    assert.match(
      list.text,
      new RegExp(
        `href="/staff/staff-accounts/${caseworker.id}/role">Change role<span class="govuk-visually-hidden"> of Carl Caseworker</span>`,
      ),
    );
    assert.match(
      (await admin.agent.get(`/staff/people/${caseworker.id}`).expect(200)).text,
      new RegExp(`href="/staff/staff-accounts/${caseworker.id}/role"`),
    );
    const page = await admin.agent.get(`/staff/staff-accounts/${caseworker.id}/role`).expect(200);
    assert.match(textOf(page.text), /Change Carl Caseworker's role/);
    assert.match(
      page.text,
      /<input class="govuk-radios__input" id="role" name="role" type="radio" value="caseworker" checked/,
    );

    await caseworker.agent.get('/staff/staff-accounts').expect(404);
    const menuLink = /<a class="govuk-service-navigation__link" href="\/staff\/staff-accounts"/;
    assert.doesNotMatch(
      (await caseworker.agent.get('/help').expect(200)).text,
      menuLink,
      'a caseworker has no Staff accounts in the menu',
    );
    assert.match(
      (await admin.agent.get('/help').expect(200)).text,
      menuLink,
      'an admin has Staff accounts in the menu on every page',
    );
    const phoneMenu = (html: string) =>
      /<ul class="govuk-list app-header__help-list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    const caseworkerPhoneMenu = phoneMenu((await caseworker.agent.get('/staff').expect(200)).text);
    assert.match(caseworkerPhoneMenu, /href="\/staff\/people"/);
    assert.doesNotMatch(caseworkerPhoneMenu, /href="\/staff\/staff-accounts"/);
    assert.match(phoneMenu((await admin.agent.get('/staff').expect(200)).text), /href="\/staff\/staff-accounts"/);
    await setRole(admin.agent, caseworker.id, { role: 'admin' }).then((res) => assert.equal(res.status, 302));
    assert.equal(await roleOf(caseworker.id), 'admin');
    assert.match(
      textOf((await admin.agent.get('/staff/staff-accounts').expect(200)).text),
      /Carl Caseworker is now an admin\./,
    );
    await caseworker.agent.get('/staff/staff-accounts').expect(200);

    await setRole(admin.agent, caseworker.id, { role: 'caseworker' }).then((res) => assert.equal(res.status, 302));
    assert.equal(await roleOf(caseworker.id), 'caseworker');
    await caseworker.agent.get('/staff/staff-accounts').expect(404);
    const { rows } = await t.pool.query(
      `SELECT actor_user_id, details FROM audit_log WHERE subject_user_id = $1 AND action = 'staff.staff-role-changed' ORDER BY id`,
      [caseworker.id],
    );
    assert.deepEqual(
      rows.map((row) => [row.actor_user_id, row.details.from, row.details.to]),
      [
        [admin.id, 'caseworker', 'admin'],
        [admin.id, 'admin', 'caseworker'],
      ],
    );

    // Saving the role they already have changes nothing and writes nothing.
    await setRole(admin.agent, caseworker.id, { role: 'caseworker' }).then((res) => assert.equal(res.status, 302));
    assert.match(
      textOf((await admin.agent.get('/staff/staff-accounts').expect(200)).text),
      /Carl Caseworker was already a caseworker\. Nothing has changed\./,
    );
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM audit_log WHERE subject_user_id = $1 AND action = 'staff.staff-role-changed'`,
        [caseworker.id],
      ),
      2,
    );
  });

  it('refuses, with a GOV.UK error, an admin removing their own admin role', async () => {
    const admin = await staffUser(t, { role: 'admin', fullName: 'Only Admin' });
    const page = await admin.agent.get(`/staff/staff-accounts/${admin.id}/role`).expect(200);
    assert.match(textOf(page.text), /This is your own account\. Another admin must remove your admin role/);
    const res = await setRole(admin.agent, admin.id, { role: 'caseworker' });
    assert.equal(res.status, 400);
    assert.match(res.text, /<h2 class="govuk-error-summary__title">\s*There is a problem\s*<\/h2>/);
    assert.match(
      res.text,
      /<a href="#role">You cannot remove your own admin role\. Ask another admin to change it, so that the council always has an admin<\/a>/,
    );
    assert.match(
      res.text,
      /<p id="role-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> You cannot remove your own admin role/,
    );
    assert.match(res.text, /value="caseworker" checked/, 'the choice is kept');
    assert.match(res.text, /<title>Error: /);
    assert.equal(await roleOf(admin.id), 'admin');
    assert.equal(
      await count(
        t.pool,
        `SELECT count(*) FROM audit_log WHERE subject_user_id = $1 AND action = 'staff.staff-role-changed'`,
        [admin.id],
      ),
      0,
    );

    const none = await setRole(admin.agent, admin.id, {});
    assert.equal(none.status, 400);
    assert.match(none.text, /<a href="#role">Select their role<\/a>/);
  });

  it('keeps role changes to admins of the same council, and an admin who has just lost the role cannot use it', async () => {
    const first = await staffUser(t, { role: 'admin', fullName: 'First Admin' });
    const second = await staffUser(t, { role: 'admin', fullName: 'Second Admin' });
    const elsewhere = await staffUser(t, { role: 'admin', council: 'Elsewhere Council', fullName: 'Far Admin' });
    const caseworker = await staffUser(t);

    await caseworker.agent.get(`/staff/staff-accounts/${first.id}/role`).expect(404);
    assert.equal((await setRole(caseworker.agent, caseworker.id, { role: 'admin' })).status, 404);
    await elsewhere.agent.get(`/staff/staff-accounts/${first.id}/role`).expect(404);
    assert.equal((await setRole(elsewhere.agent, first.id, { role: 'caseworker' })).status, 404);
    await first.agent.get('/staff/staff-accounts/not-a-uuid/role').expect(404);

    // Two admins: the first removes the second's role; the second cannot then remove the first's.
    const secondsToken = await csrfTokenOf(second.agent, '/staff');
    assert.equal((await setRole(first.agent, second.id, { role: 'caseworker' })).status, 302);
    const late = await second.agent
      .post(`/staff/staff-accounts/${first.id}/role`)
      .type('form')
      .send({ _csrf: secondsToken, role: 'caseworker' });
    assert.equal(late.status, 404);
    assert.equal(await roleOf(first.id), 'admin');

    // At the same moment, each removing the other's role: one wins, the council keeps an admin.
    const third = await staffUser(t, { role: 'admin', fullName: 'Third Admin' });
    const [a, b] = await Promise.all([
      setRole(first.agent, third.id, { role: 'caseworker' }),
      setRole(third.agent, first.id, { role: 'caseworker' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [302, 404]);
    assert.deepEqual([await roleOf(first.id), await roleOf(third.id)].sort(), ['admin', 'caseworker']);
  });

  it('refuses a change without its CSRF token, and shows a parent nothing', async () => {
    const admin = await staffUser(t, { role: 'admin', fullName: 'Token Admin' });
    const caseworker = await staffUser(t, { fullName: 'Token Caseworker' });
    await admin.agent
      .post(`/staff/staff-accounts/${caseworker.id}/role`)
      .type('form')
      .send({ role: 'admin' })
      .expect(403);
    assert.equal(await roleOf(caseworker.id), 'caseworker');

    const parent = await createUser(t.pool, { fullName: 'Jo Rogers' });
    const parentAgent = await agentSignedInAs(t, parent.id);
    await parentAgent.get(`/staff/staff-accounts/${caseworker.id}/role`).expect(404);
    await parentAgent
      .post(`/staff/staff-accounts/${caseworker.id}/role`)
      .type('form')
      .send({ _csrf: await csrfTokenOf(parentAgent, '/cases'), role: 'admin' })
      .expect(404);
    assert.equal(await roleOf(caseworker.id), 'caseworker');
  });
});
