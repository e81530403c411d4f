import type { Council } from '../../config.js';
import { layoutEmail } from '../email-layout.js';
import type { EmailMessage } from '../queue.js';
import { formatDateTime } from '../../web/format.js';

export interface PasswordChangedEmail {
  to: string;
  fullName: string;
  changedAt: Date;
  signInLink: string;
}

/** Tells the account holder their password changed, so that a change they did not make is noticed. */
export function passwordChangedEmail(council: Council, email: PasswordChangedEmail): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: 'Your EHC Hub password has been changed',
    blocks: [
      `Dear ${email.fullName},`,
      `The password for your EHC Hub account was changed on ${formatDateTime(email.changedAt)}.`,
      'You have been signed out of EHC Hub everywhere else you were signed in.',
      { link: email.signInLink, text: 'Sign in to EHC Hub' },
      `If you did not change your password, contact ${council.teamName} straight away using the details below.`,
    ],
  });
}
