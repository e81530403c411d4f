import type pg from 'pg';
import type { Senders, SmsMessage } from './queue.js';

/** Development: texts land in the dev_mailbox table, shown at /dev/mailbox. */
export function devMailboxSmsSender(pool: pg.Pool): Senders['sms'] {
  return {
    async send(message: SmsMessage) {
      await pool.query(`INSERT INTO dev_mailbox (channel, recipient, text_body) VALUES ('sms', $1, $2)`, [
        message.to,
        message.text,
      ]);
    },
  };
}
