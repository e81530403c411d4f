import type { Response } from 'express';
import type { Council } from '../config.js';
import { paths } from '../web/paths.js';
import type { TokenPurpose, TokenState } from './tokens.js';

export interface LinkProblemPage {
  title: string;
  paragraphs: string[];
  action?: { text: string; href: string };
}

function askForInvitation(council: Council): string {
  return `ask ${council.teamName} to send you a new invitation: email ${council.email} or call ${council.phone}.`;
}

const requestNewResetLink = { text: 'Request a new link', href: paths.forgottenPassword };

/** What a person sees when a link from an email cannot be used, and what they can do about it. */
export function linkProblemPage(
  purpose: TokenPurpose,
  state: Exclude<TokenState, 'valid'>,
  council: Council,
): LinkProblemPage {
  if (purpose === 'invitation') {
    switch (state) {
      case 'used':
        return {
          title: 'You have already completed your registration',
          paragraphs: [
            'This link has already been used. Sign in with your email address and the password you chose.',
            "If you have forgotten your password, use 'Forgotten password?' on the sign in page.",
          ],
          action: { text: 'Sign in', href: paths.signIn },
        };
      case 'expired':
        return {
          title: 'This link has expired',
          paragraphs: ['Links to complete your registration work for 14 days.', `Please ${askForInvitation(council)}`],
        };
      case 'replaced':
        return {
          title: 'This link has been replaced',
          paragraphs: [
            'We have sent you a newer invitation since this one. Use the link in the most recent email from us.',
            `If you cannot find it, ${askForInvitation(council)}`,
          ],
        };
      default:
        return {
          title: 'This link does not work',
          paragraphs: [
            'Check that you copied the whole link from the email.',
            `If it still does not work, ${askForInvitation(council)}`,
          ],
        };
    }
  }
  switch (state) {
    case 'used':
      return {
        title: 'This link has already been used',
        paragraphs: [
          'Each link to reset your password can only be used once.',
          'If you need to reset your password again, request a new link.',
        ],
        action: requestNewResetLink,
      };
    case 'expired':
      return {
        title: 'This link has expired',
        paragraphs: ['Links to reset your password work for 1 hour.', 'Request a new link and use it within the hour.'],
        action: requestNewResetLink,
      };
    case 'replaced':
      return {
        title: 'This link has been replaced',
        paragraphs: [
          'You asked for another link to reset your password after this one. Use the link in the most recent email from us, or request a new one.',
        ],
        action: requestNewResetLink,
      };
    default:
      return {
        title: 'This link does not work',
        paragraphs: ['Check that you copied the whole link from the email, or request a new one.'],
        action: requestNewResetLink,
      };
  }
}

/** 404 for a link that never existed; 410 (gone) for one that did. */
export function renderLinkProblem(
  res: Response,
  purpose: TokenPurpose,
  state: Exclude<TokenState, 'valid'>,
  council: Council,
): void {
  res.status(state === 'unknown' ? 404 : 410).render('accounts/link-problem', linkProblemPage(purpose, state, council));
}
