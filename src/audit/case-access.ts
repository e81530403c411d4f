import type { NextFunction, Request, Response } from 'express';
import { clientIp } from '../web/client-ip.js';
import type pg from 'pg';
import type { Clock } from '../clock.js';
import { isUuid } from '../web/ids.js';
import { audit } from './audit.js';

/**
 * Records every refused look at a case (a signed-in user answered 404 under /cases/:caseId or
 * /staff/cases/:caseId: someone else's case, or one that does not exist), so that a council can
 * answer "who has tried to look at this child's case" as well as who has looked.
 */
export function auditRefusedCaseAccess(pool: pg.Pool, clock: Clock) {
  return (req: Request, res: Response, next: NextFunction) => {
    const caseId = req.params.caseId;
    if (typeof caseId === 'string' && isUuid(caseId)) {
      res.once('finish', () => {
        if (res.statusCode !== 404 || !req.user) return;
        audit(
          pool,
          {
            action: 'case.access-refused',
            actorUserId: req.user.id,
            caseId,
            ip: clientIp(req),
            details: { method: req.method, path: req.originalUrl.split('?')[0] },
          },
          clock.now(),
        ).catch((error: unknown) => req.log?.warn({ err: error }, 'could not record a refused case access'));
      });
    }
    next();
  };
}
