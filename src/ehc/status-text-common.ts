/**
 * Shared pieces of the words a family reads: the voice (a parent reads about "Barney", a young
 * person about "you"), the appeal rights, the exemption and overdue paragraphs, phase transfer.
 */
import type { CaseFacts, Exemption } from './case-facts.js';
import { formatGuideDate as fmt, type IsoDate } from './dates.js';
import { findDueDate, type AppealAbout, type DueDate, type DueDateKey } from './due-dates.js';

/** The blue status line and the three answers under it, each answer a list of paragraphs. */
export interface StatusText {
  statusLine: string;
  whatDoesThisMean: string[];
  whatShouldIBeDoing: string[];
  whatHappensNext: string[];
}

export interface Voice {
  youngPerson: boolean;
  /** 'Barney' or 'you' */
  name: string;
  /** "Barney's" or 'your' */
  poss: string;
  /** "Barney's" or 'Your', to start a sentence */
  Poss: string;
  /** The parent's words or the young person's words. */
  pick(parent: string, youngPerson: string): string;
}

export function voiceFor(facts: CaseFacts): Voice {
  const youngPerson = facts.audience === 'young-person';
  const first = facts.childFirstName.trim();
  return {
    youngPerson,
    name: youngPerson ? 'you' : first,
    poss: youngPerson ? 'your' : `${first}'s`,
    Poss: youngPerson ? 'Your' : `${first}'s`,
    pick: (parent, yp) => (youngPerson ? yp : parent),
  };
}

export interface TextContext {
  facts: CaseFacts;
  today: IsoDate;
  v: Voice;
  dueDates: readonly DueDate[];
}

/** A due date the situation guarantees exists; a missing one is a programming error. */
export function due(ctx: TextContext, key: DueDateKey, about?: AppealAbout): DueDate {
  const found = findDueDate(ctx.dueDates, key, about);
  if (!found) throw new Error(`No ${key} date for this case`);
  return found;
}

export const CONTACT_DETAILS = 'Their details are available within the case details.';

export function contactCoordinator(): string {
  return `If you have any questions, please contact your case co-ordinator. ${CONTACT_DETAILS}`;
}

/** Said after a council date that has passed without the council doing what was due. */
export function sorryOverdue(d: DueDate): string[] {
  return d.overdue ? [`We are sorry that we have not met the deadline of ${fmt(d.date)}. ${contactCoordinator()}`] : [];
}

function exemptionBecause(v: Voice, exemption: Exemption): string {
  switch (exemption.kind) {
    case 'setting-closed':
      return `${v.poss} school or college has been closed for 4 weeks or more`;
    case 'exceptional-personal-circumstances':
      return `of exceptional personal circumstances affecting ${v.pick(`${v.name} or your family`, 'you')}`;
    case 'family-away':
      return `${v.pick(`you and ${v.name} have`, 'you have')} been away from the area for 4 weeks or more`;
  }
}

export function withFullStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * For a time limit an exemption has lifted: "We would normally have to … by <date>. This time limit
 * does not apply because …. The reason we have recorded is: …"
 */
export function exemptionParagraph(v: Voice, exemption: Exemption, normally: string, plural = false): string {
  const reason = exemption.reason.trim() ? ` The reason we have recorded is: ${withFullStop(exemption.reason)}` : '';
  const limit = plural ? 'These time limits do not apply' : 'This time limit does not apply';
  return `We would normally have to ${normally}. ${limit} because ${exemptionBecause(v, exemption)}.${reason}`;
}

/**
 * The family's right to appeal to the SEND Tribunal, with mediation advice first and the date.
 * `schoolOnlyNote`: for a plan's content, where an appeal only about the school named needs no
 * mediation advice.
 */
export function appealRights(ctx: TextContext, about: AppealAbout, disagree: string, schoolOnlyNote = false): string[] {
  const letter =
    about === 'final-plan' ? 'the final plan' : about === 'amended-plan' ? 'the amended plan' : 'the decision letter';
  const { v } = ctx;
  const deadline = due(ctx, 'appeal', about);
  const certificate = mediationCertificateOf(ctx.facts, about);
  const when = deadline.passed
    ? `The time to appeal ended on ${fmt(deadline.date)}. If you still want to challenge the decision, SENDIASS or your case co-ordinator can advise you.`
    : certificate
      ? `You must appeal by ${fmt(deadline.date)}. This is the later of 2 months after the date of ${letter} and 1 month after the date on your mediation certificate.`
      : `You must appeal by ${fmt(deadline.date)}. This is 2 months after the date of ${letter}, or 1 month after the date on your mediation certificate if that is later.`;
  return [
    `If you disagree with ${disagree}, you have the right to appeal to the Special Educational Needs and Disability (SEND) Tribunal.`,
    `Before you can appeal, you must get mediation advice: contact a mediation adviser, who will tell you about mediation. ` +
      `Mediation is a free meeting with an independent mediator to try to settle the disagreement with us. ` +
      `You do not have to take part in mediation, but you need the certificate the mediation adviser gives you before you can appeal.` +
      (schoolOnlyNote
        ? ' You do not need mediation advice if your appeal is only about the school or college named in the plan.'
        : ''),
    when,
    `Your local special educational needs and disability information, advice and support service (SENDIASS) gives free, ` +
      `impartial and confidential advice and can help ${v.pick('you and ' + v.name, 'you')} with mediation and an appeal. ` +
      `You can also contact your case co-ordinator to talk about the decision. ${CONTACT_DETAILS}`,
  ];
}

function mediationCertificateOf(facts: CaseFacts, about: AppealAbout): IsoDate | undefined {
  switch (about) {
    case 'not-assess':
      return facts.decisionToAssess?.mediationCertificate;
    case 'not-issue':
      return facts.decisionAfterAssessment?.mediationCertificate;
    case 'keep':
    case 'cease':
      return facts.annualReview?.decision?.mediationCertificate;
    default:
      return undefined;
  }
}

/** What the council must do for a move of school or into post-16, while it is still to do. */
export function phaseTransferParagraphs(ctx: TextContext): string[] {
  const move = ctx.facts.phaseTransfer;
  const d = findDueDate(ctx.dueDates, 'phase-transfer');
  if (!move || !d || d.metOn) return [];
  const { v } = ctx;
  const where =
    move.kind === 'post-16'
      ? `from secondary school to a post-16 setting, such as a college or sixth form, in ${move.transferYear}`
      : `to a new school in ${move.transferYear}`;
  const setting = move.kind === 'post-16' ? 'setting' : 'school';
  return [
    `${v.pick(`${v.name} is`, 'You are')} due to move ${where}. We must review ${v.poss} EHC plan and issue it, ` +
      `amended to name the new ${setting}, by ${fmt(d.date)}.`,
    ...sorryOverdue(d),
  ];
}
