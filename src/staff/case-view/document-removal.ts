import { Router, type Request } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { redirectWithNotice } from '../../web/notice.js';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import { renderNotFound } from '../../web/errors.js';
import { isUuid } from '../../web/ids.js';
import { findCouncilCase } from '../cases-data.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';

type Params = { caseId: string; documentId: string };

/** A file the family uploaded (never a letter or plan the council issued), not yet removed. */
const FAMILY_UPLOAD = `SELECT d.id, d.original_filename, u.full_name AS uploaded_by_name
   FROM documents d JOIN cases c ON c.id = d.case_id LEFT JOIN users u ON u.id = d.uploaded_by
  WHERE d.id = $1 AND d.case_id = $2 AND c.council_id = $3 AND d.kind = 'family-upload' AND d.removed_at IS NULL`;

/**
 * The co-ordinator removes a family's upload that should not be on the case (the family asked, once
 * the council had opened it). Kept in the database, out of every list and download; audited.
 */
export function documentRemovalRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const path = staffPattern(staffPaths.removeDocument(':caseId', ':documentId'));

  router.get(path, async (req: Request<Params>, res) => {
    const staff = staffMemberOf(req);
    const found = await findCouncilCase(deps.pool, staff.councilId, req.params.caseId);
    const upload =
      found && isUuid(req.params.documentId)
        ? (await deps.pool.query(FAMILY_UPLOAD, [req.params.documentId, found.id, staff.councilId])).rows[0]
        : undefined;
    if (!found || !upload) return renderNotFound(res);
    res.render('staff/remove-document', {
      caseSummary: found,
      upload,
      formAction: staffPaths.removeDocument(found.id, upload.id),
    });
  });

  router.post(path, async (req: Request<Params>, res) => {
    const staff = staffMemberOf(req);
    if (!isUuid(req.params.caseId) || !isUuid(req.params.documentId)) return renderNotFound(res);
    const at = deps.clock.now();
    const removed = await inTransaction(deps.pool, async (client) => {
      const upload = (
        await client.query(`${FAMILY_UPLOAD} FOR UPDATE OF d`, [
          req.params.documentId,
          req.params.caseId,
          staff.councilId,
        ])
      ).rows[0];
      if (!upload) return undefined;
      await client.query(`UPDATE documents SET removed_at = $2, removed_by = $3 WHERE id = $1`, [
        upload.id,
        at,
        staff.id,
      ]);
      await audit(
        client,
        {
          action: 'staff.document.removed',
          actorUserId: staff.id,
          caseId: req.params.caseId,
          ip: clientIp(req),
          details: { documentId: upload.id, filename: upload.original_filename },
        },
        at,
      );
      return upload;
    });
    if (!removed) return renderNotFound(res);
    redirectWithNotice(req, res, staffPaths.case(req.params.caseId), {
      heading: `${removed.original_filename} has been removed from the case.`,
    });
  });
  return router;
}
