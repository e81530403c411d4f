import type { Council } from '../../config.js';
import { layoutEmail } from '../../notify/email-layout.js';
import type { EmailMessage } from '../../notify/queue.js';

export interface AddedToCaseEmail {
  to: string;
  fullName: string;
  caseReference: string;
  roleLabel: string;
  signInLink: string;
}

/**
 * The guide: "When the local authority has added you to a case you will receive an email
 * notification". It names the case by its reference only: nothing about the child's needs.
 */
export function addedToCaseEmail(council: Council, email: AddedToCaseEmail): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: `You have been added to a case on EHC Hub: ${email.caseReference}`,
    blocks: [
      `Dear ${email.fullName},`,
      `${council.name} has added you to a case on EHC Hub.`,
      { inset: `Case reference: ${email.caseReference}` },
      `You have been added as: ${email.roleLabel}.`,
      'Sign in to EHC Hub to see the case, its key dates and what happens next.',
      { link: email.signInLink, text: 'Sign in to EHC Hub' },
      `If you think this is a mistake, contact ${council.teamName} using the details below.`,
    ],
  });
}
