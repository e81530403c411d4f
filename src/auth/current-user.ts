import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { renderNotFound } from '../web/errors.js';
import { paths } from '../web/paths.js';
import { isSafeReturnPath } from './session-auth.js';
import { queryPrepared } from '../db/statements.js';
import { isUuid } from '../web/ids.js';
import { ACCOUNT_COLUMNS, accountReadWithSession, type AccountRow } from './session-store.js';

export interface CurrentUser {
  id: string;
  email: string;
  fullName: string;
  kind: 'family' | 'staff';
  councilId: string | null;
  staffRole: 'caseworker' | 'admin' | null;
  twoFactorMethod: 'app' | 'sms' | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set only for a session that has done both factors, for an active account. */
    user?: CurrentUser;
  }
}

/**
 * Loads the signed-in user for a fully signed-in session. An account disabled since sign-in
 * ends the session on its next request.
 */
export function loadCurrentUser(pool: pg.Pool) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const auth = req.session?.auth;
    if (auth?.stage !== 'full') return next();
    // The account read with the session, unless the session has changed hands since (regenerate).
    const read = accountReadWithSession(req);
    let row = read?.id === auth.userId ? read : undefined;
    if (!row && isUuid(auth.userId)) {
      row = (await queryPrepared<AccountRow>(pool, `SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1`, [auth.userId]))
        .rows[0];
    }
    if (!row || row.status !== 'active') {
      delete req.session.auth;
      return next();
    }
    req.user = {
      id: row.id,
      email: row.email,
      fullName: row.full_name,
      kind: row.kind,
      councilId: row.council_id,
      staffRole: row.staff_role,
      twoFactorMethod: row.two_factor_method,
    };
    res.locals.currentUser = req.user;
    next();
  };
}

/**
 * Case data, account pages: only for a session that has done both factors. A session that has
 * only done the password is sent on to its second factor; no session at all, to sign in.
 */
export function requireSignedIn(req: Request, res: Response, next: NextFunction) {
  if (req.user) return next();
  if (req.session?.auth?.stage === 'password') return res.redirect(paths.logInCode);
  if (req.method === 'GET' && isSafeReturnPath(req.originalUrl)) req.session.returnTo = req.originalUrl;
  res.redirect(paths.signIn);
}

/** Staff pages answer 404 to everyone else, as if they were not there. */
export function requireStaff(req: Request, res: Response, next: NextFunction) {
  if (req.user?.kind === 'staff') return next();
  // Not yet fully signed in: on to sign-in or the code, like every other page behind sign-in.
  if (!req.user) return requireSignedIn(req, res, next);
  renderNotFound(res);
}
