import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** A one-off success message for the next staff page (post-redirect-get). */
    staffNotice?: string;
  }
}

export function setNotice(req: Request, message: string): void {
  req.session.staffNotice = message;
}

/** Takes the waiting message, if any, into the page's locals. */
export function takeNotice(req: Request, res: Response): void {
  if (req.session?.staffNotice) {
    res.locals.notice = req.session.staffNotice;
    delete req.session.staffNotice;
  }
}
