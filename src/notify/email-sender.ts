import nodemailer from 'nodemailer';
import type pg from 'pg';
import type { EmailMessage, Senders } from './queue.js';

/** Delivers through the council's mail server (SMTP_URL). Throws to let the queue retry. */
export function smtpEmailSender(smtpUrl: string, from: string): Senders['email'] {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message: EmailMessage, messageId: string) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // The job id makes a retried delivery recognisable as the same message.
        messageId: `<${messageId}@ehc-hub>`,
      });
    },
  };
}

/** Development: every email lands in the dev_mailbox table, shown at /dev/mailbox. */
export function devMailboxEmailSender(pool: pg.Pool): Senders['email'] {
  return {
    async send(message: EmailMessage) {
      await pool.query(
        `INSERT INTO dev_mailbox (channel, recipient, subject, text_body, html_body)
         VALUES ('email', $1, $2, $3, $4)`,
        [message.to, message.subject, message.text, message.html],
      );
    },
  };
}
