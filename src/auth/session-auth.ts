import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../clock.js';
import { paths } from '../web/paths.js';

/** Sessions end after this long without a request… */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** …and after this long in all, whatever the activity. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export type SignInStage = 'password' | 'full';

/** What a session knows about who is signed in. Nothing else in the session grants access. */
export interface SessionAuth {
  userId: string;
  /** 'password': the password is done and the second factor is due; 'full': both done. */
  stage: SignInStage;
  signedInAt: number;
  lastSeenAt: number;
}

declare module 'express-session' {
  interface SessionData {
    auth?: SessionAuth;
    /** Where to go after signing in again, kept when a session times out. */
    returnTo?: string;
  }
}

export type TimeoutReason = 'idle' | 'absolute';

export function sessionTimeout(auth: SessionAuth, now: number): TimeoutReason | undefined {
  if (now - auth.signedInAt > ABSOLUTE_TIMEOUT_MS) return 'absolute';
  if (now - auth.lastSeenAt > IDLE_TIMEOUT_MS) return 'idle';
  return undefined;
}

/**
 * Enforces the idle and absolute limits on the server: an expired sign-in is ended and the user
 * is sent to a "you have been signed out" page that remembers where they were going.
 */
export function enforceSessionLimits(clock: Clock) {
  return (req: Request, res: Response, next: NextFunction) => {
    const auth = req.session?.auth;
    if (!auth) return next();
    const now = clock.now().getTime();
    const reason = sessionTimeout(auth, now);
    if (!reason) {
      auth.lastSeenAt = now;
      return next();
    }
    const returnTo = req.method === 'GET' ? req.originalUrl : undefined;
    req.session.regenerate((error) => {
      if (error) return next(error);
      if (returnTo && isSafeReturnPath(returnTo)) req.session.returnTo = returnTo;
      res.redirect(`${paths.signedOut}?reason=timeout`);
    });
  };
}

/** Only same-site paths, never `//host` or a scheme. */
export function isSafeReturnPath(value: string): boolean {
  return /^\/(?![/\\])[\w\-./?=&%]*$/.test(value);
}

/** The signed-in user's id, for a session that has done both factors. */
export function fullySignedInUserId(req: Request): string | undefined {
  const auth = req.session?.auth;
  return auth?.stage === 'full' ? auth.userId : undefined;
}
