import type { Council } from '../../config.js';
import { layoutEmail } from '../../notify/email-layout.js';
import type { EmailMessage } from '../../notify/queue.js';

/** The link to create an account, for an address that has none. */
export function createAccountEmail(
  council: Council,
  email: { to: string; fullName: string; link: string },
): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: 'Create your EHC Hub account',
    blocks: [
      `Dear ${email.fullName},`,
      'We have been asked to create an EHC Hub account for this email address, so that you can ask for an EHC needs assessment online.',
      { link: email.link, text: 'Create a password' },
      'The link works for 1 hour and can only be used once. After you create a password, you will set up the log in code you will need each time you sign in.',
      'If you did not ask for an account, you can ignore this email. No account has been created.',
    ],
  });
}

/** For an address that already has an account: the same answer on the page, this email instead of a link. */
export function accountExistsEmail(
  council: Council,
  email: { to: string; fullName: string; signInLink: string; resetLink: string },
): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: 'You already have an EHC Hub account',
    blocks: [
      `Dear ${email.fullName},`,
      'We have been asked to create an EHC Hub account for this email address, but you already have one. Sign in with your email address and your password.',
      { link: email.signInLink, text: 'Sign in' },
      `If you have forgotten your password, you can reset it: ${email.resetLink}`,
      'If you did not ask for an account, you can ignore this email. Nothing has been changed.',
    ],
  });
}
