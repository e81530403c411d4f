import type { Council } from '../../config.js';
import { layoutEmail } from '../../notify/email-layout.js';
import type { EmailMessage } from '../../notify/queue.js';
import { formatDateTime } from '../../web/format.js';

export interface AccountChangedEmail {
  to: string;
  fullName: string;
  /** Council staff ask their own administrators; a family asks the council's SEND team. */
  kind: 'family' | 'staff';
  at: Date;
  signInLink: string;
  /** Invited but never registered: there is no sign-in to lose, only the invitation's link. */
  registered: boolean;
}

function whoToContact(council: Council, kind: AccountChangedEmail['kind']): string {
  return kind === 'staff'
    ? `an EHC Hub administrator at ${council.name}`
    : `${council.teamName} using the details below`;
}

/** Tells the account holder staff have disabled their account: nothing about any case. */
export function accountDisabledEmail(council: Council, email: AccountChangedEmail): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: 'Your EHC Hub account has been disabled',
    blocks: [
      `Dear ${email.fullName},`,
      `On ${formatDateTime(email.at)} ${council.name} disabled your EHC Hub account.`,
      email.registered
        ? 'You can no longer sign in to EHC Hub. If you were signed in, you have been signed out.'
        : 'The link in your invitation to register for EHC Hub no longer works.',
      `If you think this is a mistake, or you need to use EHC Hub again, contact ${whoToContact(council, email.kind)}.`,
    ],
  });
}

/** Tells the account holder staff have reset their second factor, so that a reset they did not ask for is noticed. */
export function secondFactorResetEmail(council: Council, email: AccountChangedEmail): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: 'How you get your EHC Hub log in code has been reset',
    blocks: [
      `Dear ${email.fullName},`,
      `On ${formatDateTime(email.at)} ${council.name} reset how you get the code you enter each time you sign in to EHC Hub.`,
      'You have been signed out. The next time you sign in, you will be asked to set up your code again, by an app on your smartphone or tablet or by text message.',
      { link: email.signInLink, text: 'Sign in to EHC Hub' },
      `If you did not ask for this, contact ${whoToContact(council, email.kind)} straight away.`,
    ],
  });
}
