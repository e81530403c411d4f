declare module 'express-session' {
  interface SessionData {
    /** The app key being set up, sealed, until a code from the app confirms it. */
    twoFactorPendingTotp?: { userId: string; sealedSecret: string };
    /** The text-message code this session was last sent, so a page reload does not send another. */
    twoFactorSmsCodeId?: string;
    /** Set when a fully signed-in user has just entered a code of their current method. */
    twoFactorChange?: { userId: string; verifiedAt: number };
  }
}
