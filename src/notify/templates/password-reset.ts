import type { Council } from '../../config.js';
import { layoutEmail } from '../email-layout.js';
import type { EmailMessage } from '../queue.js';

export interface PasswordResetEmail {
  to: string;
  fullName: string;
  resetLink: string;
}

/** The "Reset password" link, sent from the "Forgotten password?" page. */
export function passwordResetEmail(council: Council, email: PasswordResetEmail): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: 'Reset your EHC Hub password',
    blocks: [
      `Dear ${email.fullName},`,
      'We have been asked to reset the password for your EHC Hub account.',
      { link: email.resetLink, text: 'Reset password' },
      'The link works for 1 hour and can only be used once. After you create a new password, you will still need your log in code to sign in.',
      'If you did not ask to reset your password, you can ignore this email. Your password has not been changed.',
    ],
  });
}
