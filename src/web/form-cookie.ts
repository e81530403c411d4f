import crypto from 'node:crypto';
import type { Request } from 'express';

export const formCookieName = (production: boolean) => (production ? '__Host-ehc-form' : 'ehc-form');

const mac = (secret: string, token: string) =>
  crypto.createHmac('sha256', secret).update(`form:${token}`).digest('base64url');

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const made = Symbol('form token made for this response');
type WithToken = Request & { [made]?: string };

/**
 * The CSRF token of a visitor who is not signed in, kept in a signed cookie rather than in a
 * session, so that showing an anonymous form (sign in, forgotten password) stores nothing on the
 * server. The cookie is HttpOnly and, in production, `__Host-` (only this host can set it).
 */
export function formCookie(secret: string, production: boolean) {
  const name = formCookieName(production);
  return {
    read(req: Request): string | undefined {
      const fresh = (req as WithToken)[made];
      if (fresh) return fresh;
      const value = cookieValue(req, name);
      const dot = value?.lastIndexOf('.') ?? -1;
      if (!value || dot <= 0) return undefined;
      const token = value.slice(0, dot);
      const expected = Buffer.from(mac(secret, token));
      const given = Buffer.from(value.slice(dot + 1));
      return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? token : undefined;
    },
    write(req: Request, token: string | null | undefined): void {
      (req as WithToken)[made] = token ?? undefined;
      if (!token) return void req.res?.clearCookie(name, { path: '/' });
      req.res?.cookie(name, `${token}.${mac(secret, token)}`, {
        httpOnly: true,
        sameSite: 'lax',
        secure: production,
        path: '/',
      });
    },
  };
}
