import { Router, type Response } from 'express';
import { requireSignedIn } from '../auth/current-user.js';
import {
  FAMILY_UPLOAD_RULES,
  UPLOAD_HINT,
  checkUploadForm,
  uploadErrors,
  type UploadFormErrors,
} from '../cases/documents/upload-form.js';
import type { FeatureDeps } from '../deps.js';
import { closeConnectionIfCutOff, readMultipartUpload } from '../uploads/index.js';
import { renderNotFound } from '../web/errors.js';
import { isUuid } from '../web/ids.js';
import { redirectWithNotice } from '../web/notice.js';
import { deleteRequestFile, insertRequestFile, requestFiles, saveSection, type OnlineRequest } from './data.js';
import { requestPaths } from './paths.js';
import { ownRequest } from './request-routes.js';

const VIEW = 'online-request/sections/evidence';
const isMultipart = (contentType: string | undefined) => /^multipart\/form-data/i.test(contentType ?? '');

/** Evidence: reports and letters uploaded with the family's rules, kept with the request until it becomes a case. */
export function evidenceRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const path = requestPaths.section(':requestId', 'evidence');

  const render = async (
    res: Response,
    request: OnlineRequest,
    status: number,
    locals: Partial<UploadFormErrors> | Record<string, unknown> = {},
  ) => {
    const files = await requestFiles(deps.pool, request.id);
    res
      .status(status)
      .render(VIEW, { requestId: request.id, files, uploadHint: UPLOAD_HINT, sectionTitle: 'Evidence', ...locals });
  };

  router.get(path, requireSignedIn, ownRequest(deps), async (req, res) => {
    const request = req.onlineRequest!;
    if (request.status !== 'draft') return res.redirect(requestPaths.sent(request.id));
    await render(res, request, 200);
  });

  router.post(
    path,
    requireSignedIn,
    async (req, res, next) => {
      // Refused before reading the body: do not read the rest of it either.
      if (!req.complete && isMultipart(req.headers['content-type'])) res.set('Connection', 'close');
      next();
    },
    ownRequest(deps),
    async (req, res) => {
      res.removeHeader('Connection');
      const request = req.onlineRequest!;
      if (request.status !== 'draft') {
        if (isMultipart(req.headers['content-type'])) res.set('Connection', 'close');
        return res.redirect(requestPaths.sent(request.id));
      }
      if (!isMultipart(req.headers['content-type'])) {
        // "Continue": the section is done, with or without documents.
        await saveSection(deps.pool, {
          requestId: request.id,
          userId: req.user!.id,
          section: 'evidence',
          values: { done: 'yes' },
          now: deps.clock.now(),
        });
        return res.redirect(requestPaths.taskList(request.id));
      }
      const outcome = await readMultipartUpload(req, deps.isCsrfTokenValid, FAMILY_UPLOAD_RULES);
      closeConnectionIfCutOff(res, outcome);
      if (outcome.status === 'csrf-failed') return res.status(403).render('errors/csrf');
      if (outcome.status === 'malformed') return res.status(400).render('errors/bad-request');
      if (outcome.status === 'too-large') return render(res, request, 413, uploadErrors([], { tooLarge: true }));
      const form = checkUploadForm(outcome);
      if (!form.ok) return render(res, request, 400, { ...form.errors, description: form.description });
      const now = deps.clock.now();
      for (const file of outcome.files) {
        await insertRequestFile(deps.pool, {
          requestId: request.id,
          file: {
            originalFilename: file.originalFilename || 'Unnamed file',
            contentType: file.type.contentType,
            content: file.content,
            sha256: file.sha256,
          },
          description: form.description,
          at: now,
        });
      }
      const names = outcome.files.map((file) => file.originalFilename || 'Unnamed file');
      if (outcome.refused.length > 0)
        return render(res, request, 400, {
          ...uploadErrors(outcome.refused),
          description: form.description,
          storedNames: names,
        });
      redirectWithNotice(req, res, requestPaths.section(request.id, 'evidence'), {
        heading:
          names.length === 1 ? 'Your document has been uploaded' : `${names.length} documents have been uploaded`,
        lines: names,
      });
    },
  );

  router.post(requestPaths.removeFile(':requestId', ':fileId'), requireSignedIn, ownRequest(deps), async (req, res) => {
    const request = req.onlineRequest!;
    const fileId = String(req.params.fileId);
    if (!isUuid(fileId)) return renderNotFound(res);
    if (request.status !== 'draft') return res.redirect(requestPaths.sent(request.id));
    if (!(await deleteRequestFile(deps.pool, { requestId: request.id, userId: req.user!.id, fileId })))
      return renderNotFound(res);
    redirectWithNotice(req, res, requestPaths.section(request.id, 'evidence'), {
      heading: 'The document has been removed',
    });
  });

  return router;
}
