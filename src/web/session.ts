import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session, { type Store } from 'express-session';
import type pg from 'pg';
import { ABSOLUTE_TIMEOUT_MS } from '../auth/session-auth.js';
import { sessionStore } from '../auth/session-store.js';

export const sessionCookieName = (production: boolean) => (production ? '__Host-ehc-session' : 'ehc-session');

/**
 * Sessions in PostgreSQL (shared by every app process, kept across restarts). The cookie has
 * no Max-Age, so it goes when the browser closes; the server enforces the idle and absolute limits.
 */
export function setUpSession(pool: pg.Pool, secret: string, production: boolean) {
  const store = sessionStore(pool, {
    tableName: 'session',
    ttl: ABSOLUTE_TIMEOUT_MS / 1000,
    pruneSessionInterval: 15 * 60,
    // No UPDATE of `expire` for every request of an unchanged session: a session row is written
    // when it changes (at least once a minute while in use, see LAST_SEEN_PRECISION_MS), which
    // keeps it well within the 12 hours a sign-in can last.
    disableTouch: true,
    errorLog: () => undefined,
  });
  return { middleware: sessionMiddleware(store, secret, production), store };
}

/** express-session on `store`, with redirects held back until the session is stored (see below). */
export function sessionMiddleware(store: Store, secret: string, production: boolean): RequestHandler {
  const sessions = session({
    name: sessionCookieName(production),
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: production, path: '/' },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    holdRedirectUntilEnd(res);
    sessions(req, res, next);
  };
}

const isRedirect = (status: number) => status >= 300 && status < 400;

/**
 * express-session saves the session as the response ends, but sends the headers (and all but the
 * last byte) first. A browser follows a redirect on its headers alone, so the next page could
 * load the session as it was: no notice, not yet signed in, or, worse, it could store a change
 * (a new CSRF token) that the late save then overwrites. After `regenerate`, express-session even
 * saves a second time when the route has saved already (expressjs/session#935). So nothing of a
 * redirect is written until the response has ended, which express-session does only once the
 * session is stored. Installed before express-session, so its writes pass through here.
 */
function holdRedirectUntilEnd(res: Response) {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const held: Buffer[] = [];
  const toBuffer = (chunk: unknown, encoding: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!isRedirect(res.statusCode)) return write(chunk, ...rest);
    held.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  }) as Response['write'];

  res.end = ((...args: unknown[]) => {
    if (held.length === 0) return end(...args);
    const [chunk, encoding] = args;
    const callback = args.find((arg) => typeof arg === 'function');
    if (chunk != null && typeof chunk !== 'function') held.push(toBuffer(chunk, encoding));
    return callback ? end(Buffer.concat(held), callback) : end(Buffer.concat(held));
  }) as Response['end'];
}

/** A new session ID for this browser (on signing in, and on anything that changes who it is). */
export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

export function destroySession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
}
