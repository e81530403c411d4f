import type { Request } from 'express';

/** One-off messages for the page after a successful form (post-redirect-get). */
export type AccountNotice = 'registered' | 'password-reset' | 'password-changed';

declare module 'express-session' {
  interface SessionData {
    accountNotice?: AccountNotice;
    /** The address a reset email was asked for, for the "Check your email" page. */
    resetEmailRequestedFor?: string;
  }
}

export function setAccountNotice(req: Request, notice: AccountNotice): void {
  req.session.accountNotice = notice;
}

export function takeAccountNotice(req: Request): AccountNotice | undefined {
  const notice = req.session.accountNotice;
  if (notice) delete req.session.accountNotice;
  return notice;
}

export function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

export function destroySession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
}

/** The address counted for rate limits and written to the audit log. */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
