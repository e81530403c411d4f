import type { Council } from '../config.js';
import { formatDate } from '../web/format.js';
import { layoutEmail } from '../notify/email-layout.js';
import type { EmailMessage } from '../notify/queue.js';
import { ADVICE_KIND_LABELS, type AdviceKind } from './kinds.js';

interface AdviceEmail {
  to: string;
  fullName: string;
  caseReference: string;
  kind: AdviceKind;
  dueOn: string;
  link: string;
}

const what = (kind: AdviceKind) =>
  kind === 'placement' ? 'a consultation about a school or setting' : ADVICE_KIND_LABELS[kind].toLowerCase();

/** To a registered adviser: a new request. Names the case by its reference only, nothing about the child. */
export function adviceRequestedEmail(council: Council, email: AdviceEmail): EmailMessage {
  return layoutEmail(council, {
    to: email.to,
    subject: `${council.name} has asked for your advice on EHC Hub: ${email.caseReference}`,
    blocks: [
      `Dear ${email.fullName},`,
      `${council.name} has asked you for ${what(email.kind)} for an Education, Health and Care (EHC) needs assessment.`,
      { inset: `Case reference: ${email.caseReference}` },
      `Please reply by ${formatDate(email.dueOn)}.`,
      'Sign in to EHC Hub to read the request and write your answer.',
      { link: email.link, text: 'Read the request' },
      `If you think this is a mistake, contact ${council.teamName} using the details below.`,
    ],
  });
}

/** The reminders: a week before the due date, and the day after it has passed. */
export function adviceReminderEmail(
  council: Council,
  email: AdviceEmail & { reminder: 'due-soon' | 'overdue' },
): EmailMessage {
  const due = formatDate(email.dueOn);
  return layoutEmail(council, {
    to: email.to,
    subject:
      email.reminder === 'due-soon'
        ? `Reminder: your advice is due on ${due}: ${email.caseReference}`
        : `Your advice was due on ${due}: ${email.caseReference}`,
    blocks: [
      `Dear ${email.fullName},`,
      email.reminder === 'due-soon'
        ? `${council.name} asked you for ${what(email.kind)}. It is due on ${due}, in a week.`
        : `${council.name} asked you for ${what(email.kind)}. It was due on ${due} and we have not received it yet.`,
      { inset: `Case reference: ${email.caseReference}` },
      { link: email.link, text: 'Write your answer on EHC Hub' },
      `If you cannot reply in time, contact ${council.teamName} using the details below.`,
    ],
  });
}
