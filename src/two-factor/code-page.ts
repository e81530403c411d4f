import type { Response } from 'express';
import { formatUkTime } from '../web/format.js';
import { formErrors } from '../web/forms/errors.js';
import { SMS_CODE_VALID_MS, type LatestSmsCode } from './sms-codes.js';

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
  /** No code sent to this account can be used now (none sent, or it has expired). */
  noLiveCode?: boolean;
  /** Why no new text was sent, when the code sent earlier still works. */
  waitNote?: string;
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

/** The code sent earlier, if it can still be used now. */
export const liveCode = (latest: LatestSmsCode | undefined, now: Date) =>
  latest && latest.expiresAt > now ? latest : undefined;

/**
 * The code page when no new text may be sent yet: says when one can be, and, only if the code sent
 * earlier still works, that it was sent and until when (never "sent" beside "cannot send").
 */
export function renderNoNewCode(
  res: Response,
  page: CodePage,
  refusal: { error: string },
  earlier: LatestSmsCode | undefined,
  now: Date,
): void {
  const live = liveCode(earlier, now);
  const message = live
    ? `${refusal.error}. The code we sent at ${formatUkTime(new Date(live.expiresAt.getTime() - SMS_CODE_VALID_MS))} works until ${formatUkTime(live.expiresAt)}`
    : refusal.error;
  renderCodeError(res, { ...page, noLiveCode: !live }, message, 429);
}
