import { NotifyClient } from 'notifications-node-client';
import type pg from 'pg';
import { describeNotifyFailure, isPermanentNotifyFailure } from './notify-failure.js';
import type { EmailMessage, Senders } from './queue.js';

export interface NotifyEmailSettings {
  apiKey: string;
  baseUrl: string;
  /** An email template whose subject is `((subject))` and whose content is `((body))`. */
  emailTemplateId: string;
}

/**
 * Sends emails through GOV.UK Notify. The plain-text part is written in Notify's own formatting
 * (# headings, ^ inset text, links as URLs), so it is the body Notify formats. A permanent refusal
 * is recorded for staff to see and the job ends; any other failure throws so that the queue retries.
 */
export function notifyEmailSender(settings: NotifyEmailSettings, pool: pg.Pool): Senders['email'] {
  const client = new NotifyClient(settings.baseUrl, settings.apiKey);
  return {
    async send(message: EmailMessage, messageId: string) {
      try {
        await client.sendEmail(settings.emailTemplateId, message.to, {
          personalisation: { subject: message.subject, body: message.text },
          reference: messageId,
        });
      } catch (error) {
        const reason = describeNotifyFailure(error);
        if (!isPermanentNotifyFailure(error)) throw new Error(reason);
        await pool.query(
          'INSERT INTO email_delivery_failures (recipient, subject, reason, queue_job_id) VALUES ($1, $2, $3, $4)',
          [message.to, message.subject, reason, messageId],
        );
      }
    },
  };
}
