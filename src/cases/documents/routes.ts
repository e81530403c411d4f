import { Router, type Response } from 'express';
import { clientIp } from '../../web/client-ip.js';
import type { FeatureDeps } from '../../deps.js';
import { requireSignedIn } from '../../auth/current-user.js';
import { closeConnectionIfCutOff, readMultipartUpload } from '../../uploads/index.js';
import { renderNotFound } from '../../web/errors.js';
import { isFamily, type MemberCase } from '../access.js';
import { documentsForMember, storeFamilyUploads } from './data.js';
import { auditCaseViewed, caseLocals, memberCaseOr404 } from '../page-helpers.js';
import { redirectWithNotice } from '../../web/notice.js';
import { casePaths } from '../paths.js';
import {
  checkUploadForm,
  FAMILY_UPLOAD_RULES,
  UPLOAD_HINT,
  uploadErrors,
  type UploadFormErrors,
} from './upload-form.js';
import { documentRows } from './view.js';

const UPLOAD_VIEW = 'cases/documents/upload';

/** The case's documents: the list with who added what and when, and uploading (downloads: src/cases/routes.ts). */
export function documentsRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const familyOnly = (memberCase: MemberCase) => isFamily(memberCase.role);

  router.get(casePaths.documents(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res);
    if (!memberCase) return;
    await auditCaseViewed(deps, req, memberCase.id, 'documents');
    const documents = await documentsForMember(deps.pool, memberCase.id, req.user!.id);
    res.render('cases/documents/documents', {
      ...caseLocals(memberCase),
      documents: documentRows(
        memberCase.id,
        documents,
        deps.config.council.name,
        isFamily(memberCase.role) ? req.user!.id : undefined,
      ),
    });
  });

  const renderUpload = (
    res: Response,
    memberCase: MemberCase,
    status: number,
    locals: Partial<UploadFormErrors> | Record<string, unknown> = {},
  ) => res.status(status).render(UPLOAD_VIEW, { ...caseLocals(memberCase), uploadHint: UPLOAD_HINT, ...locals });

  router.get(casePaths.uploadDocuments(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, familyOnly);
    if (!memberCase) return;
    renderUpload(res, memberCase, 200);
  });

  router.post(casePaths.uploadDocuments(':caseId'), requireSignedIn, async (req, res) => {
    // Refused before reading the body: do not read the rest of it either.
    if (!req.complete) res.set('Connection', 'close');
    const memberCase = await memberCaseOr404(deps.pool, req, res, familyOnly);
    if (!memberCase) return;
    res.removeHeader('Connection');

    const outcome = await readMultipartUpload(req, deps.isCsrfTokenValid, FAMILY_UPLOAD_RULES);
    closeConnectionIfCutOff(res, outcome);
    if (outcome.status === 'csrf-failed') return res.status(403).render('errors/csrf');
    if (outcome.status === 'malformed') return res.status(400).render('errors/bad-request');
    if (outcome.status === 'too-large') return renderUpload(res, memberCase, 413, uploadErrors([], { tooLarge: true }));

    const form = checkUploadForm(outcome);
    if (!form.ok) return renderUpload(res, memberCase, 400, { ...form.errors, description: form.description });

    const result = await storeFamilyUploads(deps, {
      caseId: memberCase.id,
      userId: req.user!.id,
      description: form.description,
      files: outcome.files,
      ip: clientIp(req),
    });
    if (!result.ok) return renderNotFound(res);
    deps.queue.nudge();
    const storedNames = result.stored.map((file) => file.originalFilename || 'Unnamed file');
    if (outcome.refused.length > 0) {
      // The accepted files are kept; the page says which, and why each of the others was refused.
      return renderUpload(res, memberCase, 400, {
        ...uploadErrors(outcome.refused),
        description: form.description,
        storedNames,
      });
    }
    if (result.stored.length > 1) {
      // One description typed for the batch: each file now gets its own, starting from it.
      req.session.uploadedBatch = { caseId: memberCase.id, documentIds: result.stored.map((file) => file.id) };
      return res.redirect(casePaths.describeDocuments(memberCase.id));
    }
    redirectWithNotice(req, res, casePaths.documents(memberCase.id), {
      heading:
        storedNames.length === 1
          ? 'Your document has been uploaded'
          : `${storedNames.length} documents have been uploaded`,
      lines: storedNames,
    });
  });

  return router;
}
