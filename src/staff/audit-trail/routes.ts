import { Router, type Request } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { z } from 'zod';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { renderNotFound } from '../../web/errors.js';
import { findCouncilCase } from '../cases-data.js';
import { paginationFor } from '../pagination.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';
import { AUDIT_PAGE_SIZE, caseAuditTrail } from './data.js';
import { auditDetailsText } from './labels.js';
import { auditSentence } from './sentence.js';

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** A case's audit trail for staff: who viewed, downloaded and changed what, and when. */
export function auditTrailRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.get(staffPattern(staffPaths.caseAudit(':caseId')), async (req: Request<{ caseId: string }>, res) => {
    const staff = staffMemberOf(req);
    const found = await findCouncilCase(deps.pool, staff.councilId, req.params.caseId);
    if (!found) return renderNotFound(res);
    const page = pageSchema.parse(req.query.page ?? 1);
    const trail = await caseAuditTrail(deps.pool, found.id, page);
    await audit(
      deps.pool,
      { action: 'staff.case.audit-viewed', actorUserId: staff.id, caseId: found.id, ip: clientIp(req) },
      deps.clock.now(),
    );
    const pageCount = Math.max(1, Math.ceil(trail.total / AUDIT_PAGE_SIZE));
    res.render('staff/audit-trail', {
      caseSummary: found,
      entries: trail.rows.map((row) => ({
        ...row,
        sentence: auditSentence(row),
        detailsText: auditDetailsText(row.details),
        actor: row.actorName ? (row.actorKind === 'staff' ? 'council staff' : row.actorEmail) : undefined,
      })),
      total: trail.total,
      pagination: paginationFor(
        Math.min(page, pageCount),
        pageCount,
        (n) => `${staffPaths.caseAudit(found.id)}?page=${n}`,
      ),
    });
  });
  return router;
}
