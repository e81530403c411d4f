import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import type { Clock } from '../clock.js';
import { paths } from '../web/paths.js';
import { findTwoFactorUser, type TwoFactorUser } from './user-data.js';

/** A change of method must follow its fresh code within this time. */
export const CHANGE_WINDOW_MS = 15 * 60 * 1000;

export type SetupMode = 'first' | 'change';

declare module 'express-serve-static-core' {
  interface Request {
    /** The account on a two-factor page, and whether it is setting up for the first time or changing. */
    twoFactor?: { user: TwoFactorUser; mode: SetupMode };
  }
}

const signedInHome = (user: TwoFactorUser) => (user.kind === 'staff' ? paths.staff : paths.cases);

async function activeUser(pool: pg.Pool, req: Request): Promise<TwoFactorUser | undefined> {
  const auth = req.session?.auth;
  if (!auth) return undefined;
  const user = await findTwoFactorUser(pool, auth.userId);
  if (user?.status === 'active') return user;
  delete req.session.auth;
  return undefined;
}

/** `/log-in-code`: only a session that has done the password and owes the code of a method it has. */
export function requireCodeDue(pool: pg.Pool) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await activeUser(pool, req);
    if (!user) return res.redirect(paths.signIn);
    if (req.session.auth?.stage === 'full') return res.redirect(signedInHome(user));
    if (!user.method) return res.redirect(paths.twoFactor);
    req.twoFactor = { user, mode: 'first' };
    next();
  };
}

/**
 * `/two-factor` pages: a session that has done the password for an account with no second
 * factor yet, or a fully signed-in one that has just entered a code of its current method
 * (changing it). Setting up can never be used to get round a factor the account already has.
 */
export function requireSetupAllowed(pool: pg.Pool, clock: Clock) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await activeUser(pool, req);
    if (!user) return res.redirect(paths.signIn);
    if (req.session.auth?.stage === 'password') {
      if (user.method) return res.redirect(paths.logInCode);
      req.twoFactor = { user, mode: 'first' };
      return next();
    }
    const change = req.session.twoFactorChange;
    const fresh = change && change.userId === user.id && clock.now().getTime() - change.verifiedAt <= CHANGE_WINDOW_MS;
    if (!fresh && user.method) return res.redirect(paths.accountTwoFactor);
    req.twoFactor = { user, mode: 'change' };
    next();
  };
}

/** `/account/two-factor` pages: fully signed in (requireSignedIn has run). */
export function loadAccountUser(pool: pg.Pool) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await activeUser(pool, req);
    if (!user) return res.redirect(paths.signIn);
    req.twoFactor = { user, mode: 'change' };
    next();
  };
}
