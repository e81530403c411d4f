import type { Council } from '../config.js';
import { formatGuideDate, type IsoDate } from '../ehc/index.js';
import { layoutEmail } from '../notify/email-layout.js';
import type { EmailMessage } from '../notify/queue.js';

/** Sent when a request is sent: its reference and the decision date, nothing about the child. */
export function requestReceivedEmail(
  council: Council,
  email: { to: string; fullName: string; reference: string; decisionDue: IsoDate; signInLink: string },
): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: 'We have received your request for an EHC needs assessment',
    blocks: [
      `Dear ${email.fullName},`,
      `We have received your request for an EHC needs assessment. Your reference is ${email.reference}.`,
      `We must decide whether or not to proceed with an EHC needs assessment by ${formatGuideDate(email.decisionDue)}. You will be notified once a decision has been made.`,
      'You can follow the request on EHC Hub once we have opened a case for it.',
      { link: email.signInLink, text: 'Sign in to EHC Hub' },
    ],
  });
}
