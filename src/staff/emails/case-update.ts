import type { Council } from '../../config.js';
import { layoutEmail } from '../../notify/email-layout.js';
import type { EmailMessage } from '../../notify/queue.js';

export interface CaseUpdateEmail {
  to: string;
  fullName: string;
  caseReference: string;
  /** The stage the change belongs to, e.g. 'Decision'. */
  stageLabel: string;
  /** What happened, in words that say nothing about the child's needs or health. */
  summary: string;
  signInLink: string;
}

/** Sent to the family for every change a caseworker records; the details are behind sign-in. */
export function caseUpdateEmail(council: Council, email: CaseUpdateEmail): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: `Update on your EHC case ${email.caseReference}: ${email.stageLabel}`,
    blocks: [
      `Dear ${email.fullName},`,
      `There is an update on case ${email.caseReference} on EHC Hub.`,
      { inset: `Stage: ${email.stageLabel}` },
      email.summary,
      'Sign in to EHC Hub to see the details, download any letters and find out what happens next.',
      { link: email.signInLink, text: 'Sign in to EHC Hub' },
    ],
  });
}
