import type pg from 'pg';
import type { Config } from './config.js';
import { devMailboxEmailSender, smtpEmailSender } from './notify/email-sender.js';
import type { Senders } from './notify/queue.js';
import { notifyEmailSender } from './notify/notify-email-sender.js';
import { notifySmsSender } from './notify/notify-sms-sender.js';
import { devMailboxSmsSender } from './notify/sms-sender.js';

function emailSender(config: Config, pool: pg.Pool): Senders['email'] {
  if (config.mail.provider === 'notify') {
    return notifyEmailSender(
      {
        apiKey: config.sms.notifyApiKey!,
        baseUrl: config.sms.notifyBaseUrl,
        emailTemplateId: config.mail.notifyEmailTemplateId!,
      },
      pool,
    );
  }
  return config.mail.smtpUrl ? smtpEmailSender(config.mail.smtpUrl, config.mail.from) : devMailboxEmailSender(pool);
}

/** Picks the real senders from configuration, or the development mailbox where none is set. */
export function sendersFromConfig(config: Config, pool: pg.Pool): Senders {
  return {
    email: emailSender(config, pool),
    sms:
      config.sms.provider === 'notify'
        ? notifySmsSender({
            apiKey: config.sms.notifyApiKey!,
            baseUrl: config.sms.notifyBaseUrl,
            smsTemplateId: config.sms.notifySmsTemplateId!,
          })
        : devMailboxSmsSender(pool),
  };
}
