import type { Request } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** The app key being set up, sealed, until a code from the app confirms it. */
    twoFactorPendingTotp?: { userId: string; sealedSecret: string };
    /** The text-message code this session was last sent, so a page reload does not send another. */
    twoFactorSmsCodeId?: string;
    /** Set when a fully signed-in user has just entered a code of their current method. */
    twoFactorChange?: { userId: string; verifiedAt: number };
    /** A one-off message for the next page (post-redirect-get). */
    twoFactorNotice?: string;
  }
}

export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

/** Reads and forgets the one-off message. */
export function takeNotice(req: Request): string | undefined {
  const notice = req.session.twoFactorNotice;
  if (notice) delete req.session.twoFactorNotice;
  return notice;
}
