import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from './support.js';
import { csrfTokenOf } from '../support/forms.js';
import { waitForEmail } from '../support/wait.js';

describe('staff: the account holder is emailed when staff disable their account or reset their second factor', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2024-08-22T14:30:00Z') });
  });
  after(() => t.close());

  const queuedEmailsTo = async (to: string) =>
    Number(
      (
        await t.pool.query(`SELECT count(*) FROM pgboss.job WHERE name = 'send-email' AND data::text LIKE $1`, [
          `%${to}%`,
        ])
      ).rows[0].count,
    );

  async function act(agent: Awaited<ReturnType<typeof staffUser>>['agent'], userId: string, action: string) {
    await agent.get(`/staff/people/${userId}/${action}`).expect(200);
    await agent
      .post(`/staff/people/${userId}/${action}`)
      .type('form')
      .send({ _csrf: await csrfTokenOf(agent, `/staff/people/${userId}`) })
      .expect(302);
  }

  it('tells a parent their account is disabled, and whom to contact, with nothing about their case', async () => {
    const parent = await createUser(t.pool, { fullName: 'Jane Rogers', twoFactorMethod: 'app' });
    const c = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    const staff = await staffUser(t);
    await act(staff.agent, parent.id, 'disable');
    const email = await waitForEmail(t.pool, parent.email, /^Your EHC Hub account has been disabled$/);
    assert.match(email.text_body, /Dear Jane Rogers,/);
    assert.match(email.text_body, /On 22nd Aug 2024 at 3:30pm Edgehill Council disabled your EHC Hub account\./);
    assert.match(email.text_body, /You can no longer sign in to EHC Hub\./);
    assert.match(email.text_body, new RegExp(`contact ${t.config.council.teamName} using the details below\\.`));
    assert.match(email.text_body, new RegExp(`Email: ${t.config.council.email.replace(/[.+]/g, '\\$&')}`));
    assert.equal(await queuedEmailsTo(parent.email), 1);
    for (const secret of [c.reference, 'Barney', 'Rogers, Barney'])
      assert.ok(!email.text_body.includes(secret) && !email.html_body.includes(secret), secret);
  });

  it('tells an invited person who never registered that their invitation link no longer works', async () => {
    const invited = await createUser(t.pool, { fullName: 'Ivy Invited', status: 'invited' });
    await createTestCase(t.pool, { members: [{ userId: invited.id, role: 'parent' }] });
    const staff = await staffUser(t);
    await act(staff.agent, invited.id, 'disable');
    const email = await waitForEmail(t.pool, invited.email, /^Your EHC Hub account has been disabled$/);
    assert.match(email.text_body, /The link in your invitation to register for EHC Hub no longer works\./);
    assert.doesNotMatch(email.text_body, /signed in|signed out/);
  });

  it('tells someone their second factor was reset, how to set it up again, and to speak up if they did not ask', async () => {
    const parent = await createUser(t.pool, { fullName: 'Sam Carer', twoFactorMethod: 'sms' });
    const c = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    const staff = await staffUser(t);
    await act(staff.agent, parent.id, 'reset-two-factor');
    const email = await waitForEmail(t.pool, parent.email, /^How you get your EHC Hub log in code has been reset$/);
    assert.match(
      email.text_body,
      /On 22nd Aug 2024 at 3:30pm Edgehill Council reset how you get the code you enter each time you sign in to EHC Hub\./,
    );
    assert.match(email.text_body, /The next time you sign in, you will be asked to set up your code again/);
    assert.match(email.text_body, new RegExp(`Sign in to EHC Hub:\\n${t.config.baseUrl}/sign-in`));
    assert.match(
      email.text_body,
      new RegExp(
        `If you did not ask for this, contact ${t.config.council.teamName} using the details below straight away\\.`,
      ),
    );
    assert.ok(!email.text_body.includes(c.reference));
  });

  it('sends a member of staff to their administrators, not to the family team', async () => {
    const admin = await staffUser(t, { role: 'admin', fullName: 'Ada Admin' });
    const caseworker = await createUser(t.pool, { kind: 'staff', fullName: 'Carl Caseworker', twoFactorMethod: 'app' });
    await act(admin.agent, caseworker.id, 'reset-two-factor');
    const reset = await waitForEmail(t.pool, caseworker.email, /log in code has been reset/);
    assert.match(
      reset.text_body,
      /If you did not ask for this, contact an EHC Hub administrator at Edgehill Council straight away\./,
    );
    await act(admin.agent, caseworker.id, 'disable');
    const disabled = await waitForEmail(t.pool, caseworker.email, /account has been disabled/);
    assert.match(disabled.text_body, /contact an EHC Hub administrator at Edgehill Council\./);
  });

  it('sends nothing when an account is enabled again', async () => {
    const parent = await createUser(t.pool, { status: 'disabled' });
    await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    const staff = await staffUser(t);
    await staff.agent
      .post(`/staff/people/${parent.id}/enable`)
      .type('form')
      .send({ _csrf: await csrfTokenOf(staff.agent, `/staff/people/${parent.id}`) })
      .expect(302);
    assert.equal(await queuedEmailsTo(parent.email), 0);
  });
});
