import { NotifyClient } from 'notifications-node-client';
import type { Senders, SmsMessage } from './queue.js';

export interface NotifySettings {
  apiKey: string;
  baseUrl: string;
  /** A text message template whose whole content is `((body))`. */
  smsTemplateId: string;
}

/** Why Notify refused, without the request (its headers hold a signed token) or the phone number. */
function describeFailure(error: unknown): string {
  const err = error as { response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] } }; code?: string; message?: string };
  if (err.response) {
    const reasons = (err.response.data?.errors ?? []).map((e) => `${e.error ?? ''}: ${e.message ?? ''}`).join('; ');
    return `GOV.UK Notify answered ${err.response.status}${reasons ? ` (${reasons})` : ''}`;
  }
  return `GOV.UK Notify could not be reached (${err.code ?? err.message ?? 'unknown error'})`;
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
        throw new Error(describeFailure(error));
      }
    },
  };
}
