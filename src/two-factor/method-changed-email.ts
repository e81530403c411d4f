import type { Council } from '../config.js';
import { layoutEmail } from '../notify/email-layout.js';
import type { EmailMessage } from '../notify/queue.js';
import { formatDateTime } from '../web/format.js';
import type { TwoFactorMethod } from './user-data.js';

export interface MethodChangedEmail {
  to: string;
  fullName: string;
  changedAt: Date;
  method: TwoFactorMethod;
  /** The last three digits of the new number, for text messages. */
  phoneEnding?: string;
}

/** Tells the account holder how they now get their code, so that a change they did not make is noticed. */
export function methodChangedEmail(council: Council, email: MethodChangedEmail): EmailMessage {
  const now =
    email.method === 'app'
      ? 'You now get your log in code from an authentication app on your smartphone or tablet.'
      : `You now get your log in code by text message to the mobile phone number ending ${email.phoneEnding}.`;
  return layoutEmail(council, {
    to: email.to,
    subject: 'You have changed how you get your EHC Hub log in code',
    blocks: [
      `Dear ${email.fullName},`,
      `On ${formatDateTime(email.changedAt)} you changed how you get the code you enter each time you log in to the EHC Hub.`,
      now,
      `If you did not make this change, contact ${council.teamName} straight away using the details below.`,
    ],
  });
}
