import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../clock.js';
import { paths } from '../web/paths.js';

/** Sessions end after this long without a request… */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** …and after this long in all, whatever the activity. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/**
 * `lastSeenAt` is written at most this often, so that reading pages does not write the session
 * on every request. The idle limit may then end a session up to this much early, never late.
 */
export const LAST_SEEN_PRECISION_MS = 60 * 1000;

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
    /** A form sent just after the sign-in expired, kept for its page to show again (see takeKeptForm). */
    keptForm?: KeptForm;
  }
}

/** What a user typed into a form that arrived after their sign-in had expired. */
export interface KeptForm {
  userId: string;
  path: string;
  fields: Record<string, string | string[]>;
}

/**
 * A form opts in with a hidden `_keepOnTimeout` field (its GET, at the same path, must show the
 * form again). Fields whose names start with `_` (the CSRF token) are not kept.
 */
function formToKeep(req: Request, auth: SessionAuth): KeptForm | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  if (req.method !== 'POST' || body?._keepOnTimeout !== '1' || !isSafeReturnPath(req.originalUrl)) return undefined;
  // This runs before the CSRF check (the sign-in has expired): a form another site sent must not
  // become the user's draft.
  if (!sameToken(body._csrf, req.session.csrfToken)) return undefined;
  const fields: KeptForm['fields'] = {};
  for (const [name, value] of Object.entries(body)) {
    const isText =
      typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!name.startsWith('_') && isText) fields[name] = value;
  }
  return { userId: auth.userId, path: req.originalUrl, fields };
}

function sameToken(sent: unknown, kept: string | null | undefined): boolean {
  if (typeof sent !== 'string' || typeof kept !== 'string' || kept.length === 0) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(kept);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The fields kept for this page, once, and only for the user who typed them. */
export function takeKeptForm(req: Request, path: string): KeptForm['fields'] | undefined {
  const kept = req.session?.keptForm;
  if (!kept || kept.path !== path) return undefined;
  delete req.session.keptForm;
  return kept.userId === req.session.auth?.userId ? kept.fields : undefined;
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
      if (now - auth.lastSeenAt >= LAST_SEEN_PRECISION_MS) auth.lastSeenAt = now;
      return next();
    }
    const returnTo = req.method === 'GET' ? req.originalUrl : undefined;
    const keptForm = formToKeep(req, auth);
    req.session.regenerate((error) => {
      if (error) return next(error);
      if (returnTo && isSafeReturnPath(returnTo)) req.session.returnTo = returnTo;
      if (keptForm) {
        req.session.keptForm = keptForm;
        req.session.returnTo = keptForm.path;
      }
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
