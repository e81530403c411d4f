declare module 'express-session' {
  interface SessionData {
    /** The address a reset email was asked for, for the "Check your email" page. */
    resetEmailRequestedFor?: string;
  }
}
