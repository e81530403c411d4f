import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
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
  const middleware = session({
    name: sessionCookieName(production),
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: production, path: '/' },
  });
  return { middleware, store };
}
