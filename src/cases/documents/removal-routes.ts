import { Router, type Request, type Response } from 'express';
import { clientIp } from '../../web/client-ip.js';
import type { FeatureDeps } from '../../deps.js';
import { requireSignedIn } from '../../auth/current-user.js';
import { downloadNameFor } from '../../uploads/index.js';
import { renderNotFound } from '../../web/errors.js';
import { isUuid } from '../../web/ids.js';
import { isFamily, type MemberCase } from '../access.js';
import { findOwnUpload, removeOwnUpload, type OwnUpload } from './removal-data.js';
import { caseLocals, memberCaseOr404 } from '../page-helpers.js';
import { redirectWithNotice } from '../../web/notice.js';
import { casePaths } from '../paths.js';

const VIEW = 'cases/documents/remove-document';

/** A family member removes a file they uploaded by mistake, until the council has opened it. */
export function documentRemovalRoutes(deps: FeatureDeps): Router {
  const router = Router();

  async function ownUploadOr404(
    req: Request,
    res: Response,
  ): Promise<{ memberCase: MemberCase; upload: OwnUpload } | undefined> {
    const memberCase = await memberCaseOr404(deps.pool, req, res, (c) => isFamily(c.role));
    if (!memberCase) return undefined;
    const documentId = String(req.params.documentId);
    const upload = isUuid(documentId)
      ? await findOwnUpload(deps.pool, memberCase.id, documentId, req.user!.id)
      : undefined;
    if (!upload) return void renderNotFound(res);
    return { memberCase, upload };
  }

  const render = (res: Response, memberCase: MemberCase, upload: OwnUpload, status = 200) =>
    res.status(status).render(VIEW, {
      ...caseLocals(memberCase),
      name: downloadNameFor(upload.filename, ''),
      opened: upload.openedByCouncil,
      formAction: casePaths.removeDocument(memberCase.id, upload.id),
    });

  router.get(casePaths.removeDocument(':caseId', ':documentId'), requireSignedIn, async (req, res) => {
    const found = await ownUploadOr404(req, res);
    if (found) render(res, found.memberCase, found.upload);
  });

  router.post(casePaths.removeDocument(':caseId', ':documentId'), requireSignedIn, async (req, res) => {
    const found = await ownUploadOr404(req, res);
    if (!found) return;
    const { memberCase, upload } = found;
    const result = await removeOwnUpload(deps, {
      caseId: memberCase.id,
      documentId: upload.id,
      userId: req.user!.id,
      role: memberCase.role,
      ip: clientIp(req),
    });
    if (!result.ok) {
      if (result.reason === 'not-found') return renderNotFound(res);
      // Opened by the council between the page and the button: say so, and who can remove it now.
      return render(res, memberCase, { ...upload, openedByCouncil: true }, 409);
    }
    redirectWithNotice(req, res, casePaths.documents(memberCase.id), {
      heading: 'The document has been removed',
      lines: [downloadNameFor(result.filename, '')],
    });
  });

  return router;
}
