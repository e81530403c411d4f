import type pg from 'pg';
import { inviteUser, type InviteInput } from '../../../src/accounts/invitations.js';
import { inTransaction } from '../../../src/db/pool.js';
import { devMailboxSmsSender } from '../../../src/notify/sms-sender.js';
import { smtpEmailSender } from '../../../src/notify/email-sender.js';
import type { Senders } from '../../../src/notify/queue.js';
import type { Config } from '../../../src/config.js';
import type { TestApp } from '../../support/test-app.js';

/** Senders that deliver email over SMTP to the given loopback server. */
export const smtpSenders =
  (smtpUrl: () => string) =>
  (config: Config, pool: pg.Pool): Senders => ({
    email: smtpEmailSender(smtpUrl(), config.mail.from),
    sms: devMailboxSmsSender(pool),
  });

/** Invites a family member as staff would, committing and waking the queue. */
export async function invite(t: TestApp, input: Partial<InviteInput> & { email: string }) {
  const result = await inTransaction(t.pool, (client) =>
    inviteUser(
      client,
      { config: t.config, clock: t.clock, queue: t.queue },
      {
        fullName: 'Jo Rogers',
        kind: 'family',
        invitedBy: { name: 'Sam Taylor' },
        ...input,
      },
    ),
  );
  t.queue.nudge();
  return result;
}

/** Pages differ in their per-response nonce and per-session CSRF token; nothing else may differ. */
export function comparable(html: string, replacements: string[] = []): string {
  let result = html
    .replace(/nonce="[^"]+"/g, 'nonce=""')
    .replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');
  for (const text of replacements) result = result.split(text).join('[replaced]');
  return result;
}
