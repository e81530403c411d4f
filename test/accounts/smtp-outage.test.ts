import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { invite, smtpSenders } from './support/helpers.js';
import { freePort, linkPath, startSmtpCapture, type SmtpCapture } from './support/smtp-capture.js';
import { waitFor } from '../support/wait.js';

describe('when the mail server is down', () => {
  let t: TestApp;
  let port: number;
  let smtp: SmtpCapture | undefined;

  before(async () => {
    port = await freePort();
    t = await startTestApp({
      retry: { retryLimit: 5, retryDelay: 1, retryBackoff: false },
      senders: smtpSenders(() => `smtp://127.0.0.1:${port}`),
    });
  });
  after(async () => {
    await t.close();
    await smtp?.close();
  });

  it('keeps the invitation and delivers it once the server is back, exactly once', async () => {
    const invited = await invite(t, { email: 'patient.parent@example.com' });
    assert.equal(invited.outcome, 'invited');
    const job = async () =>
      (
        await t.pool.query(
          `SELECT state, retry_count FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = 'patient.parent@example.com'`,
        )
      ).rows;

    // At least one delivery has failed with nothing listening, and the job waits to try again.
    await waitFor('a failed delivery', async () => (await job())[0]?.retry_count >= 1, 45_000);
    assert.equal((await job()).length, 1);
    assert.notEqual((await job())[0].state, 'completed');

    smtp = await startSmtpCapture(port);
    const message = await smtp.waitFor((m) => m.to.includes('patient.parent@example.com'), 45_000);
    assert.equal(message.subject, 'Complete your registration for EHC Hub');
    assert.equal(
      linkPath(message.text, '/register/'),
      new URL(invited.outcome === 'invited' ? invited.registrationLink : '').pathname,
    );

    await waitFor('the job to complete', async () => (await job())[0]?.state === 'completed', 30_000);
    // Give any stray retry the time it would need to show up.
    await sleep(3_000);
    assert.equal(smtp.messages.length, 1);
  });
});
