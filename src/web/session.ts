import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, Response } from 'express';
import session, { type Session } from 'express-session';
import type pg from 'pg';
import { ABSOLUTE_TIMEOUT_MS } from '../auth/session-auth.js';

export const sessionCookieName = (production: boolean) => (production ? '__Host-ehc-session' : 'ehc-session');

/**
 * Sessions in PostgreSQL (shared by every app process, kept across restarts). The cookie has
 * no Max-Age, so it goes when the browser closes; the server enforces the idle and absolute limits.
 */
export function setUpSession(pool: pg.Pool, secret: string, production: boolean) {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    tableName: 'session',
    ttl: ABSOLUTE_TIMEOUT_MS / 1000,
    pruneSessionInterval: 15 * 60,
    errorLog: () => undefined,
  });
  const sessions = session({
    name: sessionCookieName(production),
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: production, path: '/' },
  });
  const middleware = (req: Request, res: Response, next: NextFunction) =>
    sessions(req, res, (error?: unknown) => {
      if (error) return next(error);
      saveBeforeRedirect(req, res);
      next();
    });
  return { middleware, store };
}

/**
 * express-session sends a response's headers before its save to the store has finished, so a
 * browser following a redirect can ask for the next page first and get the session as it was
 * (no notice, or not yet signed in). With a pool of connections to PostgreSQL that happens. A
 * session with something in it is therefore saved before any redirect is sent.
 */
function saveBeforeRedirect(req: Request, res: Response) {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    const current = req.session as (Session & Record<string, unknown>) | undefined;
    const hasData = current && Object.keys(current).some((key) => key !== 'cookie');
    if (!current || !hasData) return redirect(...args);
    // If this save fails, express-session saves again as the response ends and reports that
    // failure itself; the request has already been passed on, so it is not passed on again here.
    current.save(() => redirect(...args));
  }) as Response['redirect'];
}
