import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

export function renderNotFound(res: Response): void {
  res.status(404).render('errors/not-found');
}

export function notFoundHandler(_req: Request, res: Response): void {
  renderNotFound(res);
}

/** Errors that mean the database cannot be reached right now, as opposed to a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const err = error as { code?: string; message?: string } | undefined;
  if (!err) return false;
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      'ENOTFOUND',
      '57P01',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(err.code ?? '')
  )
    return true;
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    err.message ?? '',
  );
}

/** The last handler: a GOV.UK page for every failure, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const err = error as { status?: number; statusCode?: number; code?: string; type?: string };
    const status = err.status ?? err.statusCode;
    if (err.code === 'EBADCSRFTOKEN' || (status === 403 && /csrf/i.test(String((error as Error).message)))) {
      req.log?.info('refused a form without a valid CSRF token');
      return res.status(403).render('errors/csrf');
    }
    if (status === 413 || err.type === 'entity.too.large') {
      return res.status(413).render('errors/too-large');
    }
    if (status === 415 || err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') {
      req.log?.info({ type: err.type }, 'refused a form in a character set or encoding the app does not read');
      return res.status(415).render('errors/bad-request');
    }
    if (status === 400 || err.type === 'entity.parse.failed') {
      return res.status(400).render('errors/bad-request');
    }
    if (isDatabaseUnavailable(error)) {
      (req.log ?? logger).warn({ err: error }, 'database unavailable');
      res.setHeader('Retry-After', '30');
      return res.status(503).render('errors/unavailable');
    }
    (req.log ?? logger).error({ err: error }, 'unhandled error');
    res.status(500).render('errors/server-error');
  };
}
