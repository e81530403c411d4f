import type { Response } from 'express';
import { formErrors } from '../web/form-errors.js';

export interface CodePage {
  method: 'app' | 'sms';
  formAction: string;
  resendAction?: string;
  phoneEnding?: string;
  intro?: string;
  backLink?: string;
  /** "If you'd rather use an authentication app, start again." (first setup of text messages) */
  startAgain?: boolean;
  /** Who to contact when no code can be had (every later sign-in). */
  cannotGetCode?: boolean;
  showSignOut?: boolean;
  buttonText?: string;
  notice?: string;
}

export function renderCodePage(res: Response, page: CodePage): void {
  res.render('two-factor/code', page);
}

/**
 * The code page again with the message by the code field (never the code that was typed):
 * 400 for a code refused, 429 when the account must wait (locked, too many codes).
 */
export function renderCodeError(res: Response, page: CodePage, message: string, status: 400 | 429 = 400): void {
  res.status(status).render('two-factor/code', { ...page, ...formErrors([['code', message]]) });
}
