import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { councilId, createUser } from '../support/users.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startFakeNotify, verifyNotifyToken } from '../two-factor/fake-notify.js';
import { invite } from './support/helpers.js';
import { waitFor } from '../support/wait.js';

describe('emails through GOV.UK Notify (EMAIL_PROVIDER=notify)', () => {
  const serviceId = crypto.randomUUID();
  const keySecret = crypto.randomUUID();
  const templateId = crypto.randomUUID();
  let notify: Awaited<ReturnType<typeof startFakeNotify>>;
  let t: TestApp;
  before(async () => {
    notify = await startFakeNotify();
    t = await startTestApp({
      retry: { retryLimit: 3, retryDelay: 1, retryBackoff: false },
      env: {
        EMAIL_PROVIDER: 'notify',
        NOTIFY_API_KEY: `ehc_hub_test-${serviceId}-${keySecret}`,
        NOTIFY_BASE_URL: notify.url,
        NOTIFY_EMAIL_TEMPLATE_ID: templateId,
      },
    });
  });
  after(async () => {
    await t.close();
    await notify.close();
  });

  const emailsTo = (address: string) => notify.requests.filter((request) => request.body.email_address === address);
  const failuresFor = async (address: string) =>
    (await t.pool.query('SELECT subject, reason FROM email_delivery_failures WHERE recipient = $1', [address])).rows;

  it('sends an invitation as a Notify email: the subject and the body with the link, to the email template', async () => {
    await invite(t, { email: 'jo.rogers@example.com' });
    const [request] = await waitFor(
      'the invitation',
      () => emailsTo('jo.rogers@example.com')[0] && emailsTo('jo.rogers@example.com'),
    );
    verifyNotifyToken(request.authorization, serviceId, keySecret);
    assert.equal(request.body.template_id, templateId);
    assert.equal(request.body.personalisation?.subject, 'Complete your registration for EHC Hub');
    assert.match(
      request.body.personalisation?.body ?? '',
      /Complete your registration:\nhttp:\/\/localhost:3000\/register\/[\w-]{43}/,
    );
    assert.match(request.body.reference ?? '', /^[0-9a-f-]{36}$/);
  });

  it('tries again after a temporary failure, and records nothing', async () => {
    notify.failEmailOnceTo('busy.day@example.com');
    await invite(t, { email: 'busy.day@example.com' });
    await waitFor('the second try', () => emailsTo('busy.day@example.com').length >= 2 || undefined, 30_000);
    assert.equal(emailsTo('busy.day@example.com').length, 2);
    assert.deepEqual(await failuresFor('busy.day@example.com'), []);
  });

  it("records a permanent refusal once, without retrying, and shows it to staff on the person's page", async () => {
    notify.refuseEmailTo('mistyped@example.con');
    const invited = await invite(t, {
      email: 'mistyped@example.con',
      fullName: 'Pat Mistyped',
      kind: 'staff',
      staffRole: 'caseworker',
      councilId: await councilId(t.pool),
    });
    assert.equal(invited.outcome, 'invited');
    const [failure] = await waitFor(
      'the recorded failure',
      async () => (await failuresFor('mistyped@example.con'))[0] && failuresFor('mistyped@example.con'),
    );
    assert.equal(failure.subject, 'Complete your registration for EHC Hub');
    assert.match(
      failure.reason,
      /GOV.UK Notify answered 400 \(BadRequestError: Can't send to this recipient using a team-only API key\)/,
    );
    // The job ended: no second try.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal(emailsTo('mistyped@example.con').length, 1);

    const admin = await createUser(t.pool, { kind: 'staff', staffRole: 'admin', twoFactorMethod: 'app' });
    const agent = await agentSignedInAs(t, admin.id);
    const page = await agent.get(`/staff/people/${invited.userId}`).expect(200);
    const text = page.text
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ');
    assert.match(text, /Emails to mistyped@example\.con could not be delivered/);
    assert.match(text, /Complete your registration for EHC Hub, .*: GOV\.UK Notify answered 400/);

    const other = await agent.get(`/staff/people/${admin.id}`).expect(200);
    assert.doesNotMatch(other.text, /could not be delivered/);
  });
});
