import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestCase } from '../support/cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { staffUser } from './support.js';
import { postMultipart } from '../support/forms.js';

// Upload handlers check `_csrf` themselves while streaming; every other POST must not get past
// the token check by being sent as multipart/form-data.
describe('a multipart POST without a CSRF token is refused outside the upload forms', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  /** A parent on one of the council's cases, so the staff pages can act on them. */
  async function parentOnACase(twoFactorMethod?: 'app') {
    const parent = await createUser(t.pool, { fullName: 'Jo Rogers', twoFactorMethod });
    await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    return parent;
  }

  const statusOf = async (userId: string) =>
    (await t.pool.query('SELECT status FROM users WHERE id = $1', [userId])).rows[0].status;

  it('refuses disabling an account, and the account stays active', async () => {
    const staff = await staffUser(t, { role: 'admin' });
    const parent = await parentOnACase();
    const res = await postMultipart(staff.agent, `/staff/people/${parent.id}/disable`, { confirm: 'yes' });
    assert.equal(res.status, 403);
    assert.equal(await statusOf(parent.id), 'active');
  });

  it('refuses resetting a second factor and signing out', async () => {
    const staff = await staffUser(t);
    const parent = await parentOnACase('app');
    assert.equal(
      (await postMultipart(staff.agent, `/staff/people/${parent.id}/reset-two-factor`, { confirm: 'yes' })).status,
      403,
    );
    const { rows } = await t.pool.query('SELECT two_factor_method FROM users WHERE id = $1', [parent.id]);
    assert.equal(rows[0].two_factor_method, 'app');

    assert.equal((await postMultipart(staff.agent, '/sign-out', { confirm: 'yes' })).status, 403);
    await staff.agent.get('/staff').expect(200);
  });

  it('still refuses an upload form without a token, checked by its handler', async () => {
    const staff = await staffUser(t);
    const res = await postMultipart(staff.agent, '/staff/cases/new', { firstName: 'Barney' });
    assert.equal(res.status, 403);
  });
});
