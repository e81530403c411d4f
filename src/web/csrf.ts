import type { NextFunction, Request, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import { formCookie } from './form-cookie.js';

const isMultipart = (req: Request) => (req.headers['content-type'] ?? '').startsWith('multipart/form-data');

/**
 * Synchroniser tokens kept in the session of a signed-in user (and, for a visitor who is not
 * signed in, in a signed cookie: see form-cookie.ts), checked on every POST from the `_csrf` field.
 * Multipart forms (uploads) are checked by their handler once it has read the `_csrf` field,
 * with `isCsrfTokenValid`, because the body is only parsed there, while streaming. Only the
 * paths in `uploadPaths` are left to their handler: a multipart POST anywhere else has no
 * parsed `_csrf`, so it is refused here.
 */
export function setUpCsrf(uploadPaths: readonly RegExp[], cookie: { secret: string; production: boolean }) {
  const checkedByHandler = (req: Request) => isMultipart(req) && uploadPaths.some((pattern) => pattern.test(req.path));
  const anonymous = formCookie(cookie.secret, cookie.production);
  const sync = csrfSync({
    getTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf,
    getTokenFromState: (req) => (req.session?.auth ? req.session.csrfToken : anonymous.read(req)),
    storeTokenInState: (req, token) => {
      if (req.session?.auth) req.session.csrfToken = token;
      else anonymous.write(req, token);
    },
    skipCsrfProtection: checkedByHandler,
    errorConfig: { statusCode: 403, message: 'Invalid CSRF token', code: 'EBADCSRFTOKEN' },
  });
  // Made when a template prints `{{ csrfToken }}` (nunjucks calls toString), so that a token
  // exists only for visitors who are shown a form.
  const exposeToken = (req: Request, res: Response, next: NextFunction) => {
    let token: string | undefined;
    res.locals.csrfToken = { toString: () => (token ??= sync.generateToken(req)) };
    next();
  };
  const isCsrfTokenValid = (req: Request, token: string | undefined) =>
    typeof token === 'string' && token.length > 0 && token === sync.getTokenFromState(req);
  return { protect: sync.csrfSynchronisedProtection, exposeToken, isCsrfTokenValid };
}
