import type { NextFunction, Request, Response } from 'express';

/**
 * The one-off success message a form leaves for the page it redirects to (post-redirect-get).
 * The layout shows it, once, on that page only: the family's, staff and account pages alike.
 */
export interface Notice {
  heading: string;
  lines?: string[];
}

declare module 'express-session' {
  interface SessionData {
    notice?: Notice & { forPath: string };
  }
}

/** Keeps the message for the page at `to`, and redirects there. */
export function redirectWithNotice(req: Request, res: Response, to: string, notice: Notice): void {
  req.session.notice = { ...notice, forPath: new URL(to, 'http://localhost').pathname };
  res.redirect(to);
}

/** Puts the waiting message into the page's locals when this is the page it was left for. */
export function showNotice(req: Request, res: Response, next: NextFunction): void {
  const waiting = req.session?.notice;
  if (waiting && req.method === 'GET' && waiting.forPath === req.path) {
    res.locals.notice = { heading: waiting.heading, lines: waiting.lines ?? [] } satisfies Notice;
    delete req.session.notice;
  }
  next();
}
