import { NotifyClient } from 'notifications-node-client';
import { describeNotifyFailure } from './notify-failure.js';
import type { Senders, SmsMessage } from './queue.js';

export interface NotifySettings {
  apiKey: string;
  baseUrl: string;
  /** A text message template whose whole content is `((body))`. */
  smsTemplateId: string;
}

/**
 * Sends texts through GOV.UK Notify's REST API with the official client. A failure throws,
 * so the queue tries again; the job id is the Notify reference, to match a text to its job.
 */
export function notifySmsSender(settings: NotifySettings): Senders['sms'] {
  const client = new NotifyClient(settings.baseUrl, settings.apiKey);
  return {
    async send(message: SmsMessage, messageId: string) {
      try {
        await client.sendSms(settings.smsTemplateId, message.to, {
          personalisation: { body: message.text },
          reference: messageId,
        });
      } catch (error) {
        throw new Error(describeNotifyFailure(error));
      }
    },
  };
}
