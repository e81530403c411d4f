import type { Council } from '../../config.js';
import { layoutEmail } from '../email-layout.js';
import type { EmailMessage } from '../queue.js';
import { formatDateTime } from '../../web/format.js';

export interface InvitationEmail {
  to: string;
  fullName: string;
  invitedByName: string;
  /** Why they are invited, in a sentence or two (e.g. the request for an assessment). */
  reason: string;
  registrationLink: string;
  expiresAt: Date;
}

/** "Complete your registration": the email that lets someone create their EHC Hub account. */
export function invitationEmail(council: Council, email: InvitationEmail): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: 'Complete your registration for EHC Hub',
    blocks: [
      `Dear ${email.fullName},`,
      `${email.invitedByName} at ${council.name} has invited you to register on EHC Hub.`,
      email.reason,
      { link: email.registrationLink, text: 'Complete your registration' },
      `This link expires on ${formatDateTime(email.expiresAt)}. It can only be used once. If it has expired, ask ${council.teamName} to send you a new invitation.`,
      { heading: 'What happens next' },
      {
        list: [
          'Your username is your email address.',
          'You will choose a password.',
          'You will then set up a second check: each time you sign in, you will enter a 6-digit code from an authentication app or a text message.',
        ],
      },
      'If you were not expecting this email, you can ignore it.',
    ],
  });
}
