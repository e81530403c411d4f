import type { NextFunction, Request, Response } from 'express';

const hasNul = (value: unknown): boolean => {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, item]) => key.includes('\0') || hasNul(item));
  return false;
};

/** Whether any text a request carries (path, query, form fields) holds a NUL, which PostgreSQL text cannot store. */
export function requestHasNul(req: Request): boolean {
  return req.path.includes('\0') || hasNul(req.query) || hasNul(req.body);
}

/**
 * Refuses, with a 400 page, a request whose path, query or form fields hold a NUL byte: no form
 * here takes one, and sent on it would make PostgreSQL fail (a 500). The sender's mistake, so
 * logged at info, not as an error.
 */
export function refuseNulBytes(req: Request, res: Response, next: NextFunction) {
  let nul: boolean;
  try {
    nul = requestHasNul(req) || decodeURIComponent(req.path).includes('\0');
  } catch {
    nul = false; // a path that does not decode matches no route: the 404 page answers it
  }
  if (!nul) return next();
  req.log?.info('refused a request with a NUL byte');
  res.status(400).render('errors/bad-request');
}
