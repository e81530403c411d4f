import { Router, type NextFunction, type Request, type Response } from 'express';
import type { FeatureDeps } from '../deps.js';
import { requireSignedIn } from '../auth/current-user.js';
import { ukToday } from '../clock.js';
import { adviserDocuments, findAdviserDocument } from '../documents/data.js';
import { FAMILY_UPLOAD_RULES, UPLOAD_HINT, uploadErrors } from '../cases/documents/upload-form.js';
import { closeConnectionIfCutOff, downloadNameFor, readMultipartUpload, sendAttachment } from '../uploads/index.js';
import { clientIp } from '../web/client-ip.js';
import { renderNotFound } from '../web/errors.js';
import { requiredLongText } from '../web/forms/fields.js';
import type { FormErrors } from '../web/forms/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { redirectWithNotice } from '../web/notice.js';
import { z } from 'zod';
import { adviceAnswerSchema, answerValues, completeness, consultationAnswerSchema } from './answer-form.js';
import { findAdviserRequest, listAddenda, listAdviserRequests, type AdviceRequest } from './data.js';
import { advicePaths } from './paths.js';
import { addAddendum, attachToAdvice, saveAdviceDraft, submitAdvice } from './service.js';
import { adviceView } from './view.js';
import { allAboutMeRoutes } from './all-about-me/routes.js';

type Params = { requestId: string };
const addendumSchema = z.object({
  addendum: requiredLongText('Enter your addendum', 20_000, 'The addendum must be 20,000 characters or fewer'),
});

/** Only people outside the council are asked for advice: staff get a 404 here, as anyone else. */
function adviserOnly(req: Request, res: Response, next: NextFunction) {
  if (req.user?.kind === 'staff') return renderNotFound(res);
  next();
}

/** The professional's and setting's side: My advice requests, writing, attaching, submitting, addenda. */
export function adviceRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const { pool } = deps;
  router.use(allAboutMeRoutes(deps));

  router.get(advicePaths.myRequests, requireSignedIn, adviserOnly, async (req, res) => {
    const today = ukToday(deps.clock);
    const requests = await listAdviserRequests(pool, req.user!.id);
    res.render('advice/my-requests', {
      requests: requests.map((request) => ({ ...adviceView(request, today), href: advicePaths.request(request.id) })),
    });
  });

  const requestOr404 = async (req: Request<Params>, res: Response) => {
    const request = await findAdviserRequest(pool, req.user!.id, req.params.requestId);
    if (!request) renderNotFound(res);
    return request;
  };

  const renderRequest = async (
    res: Response,
    request: AdviceRequest,
    status = 200,
    locals: Record<string, unknown> = {},
  ) => {
    const [addenda, documents] = await Promise.all([
      listAddenda(pool, [request.id]),
      adviserDocuments(pool, request.caseId, request.id),
    ]);
    res.status(status).render('advice/request', {
      request: adviceView(request, ukToday(deps.clock), addenda.get(request.id)),
      shared: documents
        .filter((document) => !document.attached)
        .map((document) => ({ ...document, href: advicePaths.document(request.id, document.id) })),
      attached: documents
        .filter((document) => document.attached)
        .map((document) => ({ ...document, href: advicePaths.document(request.id, document.id) })),
      links: {
        save: advicePaths.request(request.id),
        attach: advicePaths.attachments(request.id),
        addendum: advicePaths.addendum(request.id),
        check: advicePaths.check(request.id),
      },
      uploadHint: UPLOAD_HINT,
      values: answerValues(request.answer),
      ...locals,
    });
  };

  router.get(advicePaths.request(':requestId'), requireSignedIn, adviserOnly, async (req: Request<Params>, res) => {
    const request = await requestOr404(req, res);
    if (request) await renderRequest(res, request);
  });

  router.post(advicePaths.request(':requestId'), requireSignedIn, adviserOnly, async (req: Request<Params>, res) => {
    const request = await requestOr404(req, res);
    if (!request) return;
    const values = req.body ?? {};
    if (request.receivedOn) return renderNotFound(res);
    const parsed =
      request.kind === 'placement'
        ? parseForm(consultationAnswerSchema, values)
        : parseForm(adviceAnswerSchema, values);
    if (!parsed.ok) return renderRequest(res, request, 400, { ...parsed.errors, values });
    const answer = parsed.data;
    if (!(await saveAdviceDraft(deps, { userId: req.user!.id, ip: clientIp(req), requestId: request.id }, answer)))
      return renderNotFound(res);
    if (values.action === 'continue') {
      const missing = completeness(request.kind, answer);
      if (missing) return renderRequest(res, request, 400, { ...missing, values });
      return res.redirect(advicePaths.check(request.id));
    }
    redirectWithNotice(req, res, advicePaths.request(request.id), {
      heading: 'Your draft has been saved',
      lines: ['You can come back to it at any time before you submit it.'],
    });
  });

  router.get(advicePaths.check(':requestId'), requireSignedIn, adviserOnly, async (req: Request<Params>, res) => {
    const request = await requestOr404(req, res);
    if (!request) return;
    if (request.receivedOn) return res.redirect(advicePaths.request(request.id));
    const missing = completeness(request.kind, request.answer);
    if (missing) return renderRequest(res, request, 400, { ...missing });
    const documents = await adviserDocuments(pool, request.caseId, request.id);
    res.render('advice/check', {
      request: adviceView(request, ukToday(deps.clock)),
      attached: documents.filter((document) => document.attached),
      links: { change: advicePaths.request(request.id), submit: advicePaths.submit(request.id) },
    });
  });

  router.post(advicePaths.submit(':requestId'), requireSignedIn, adviserOnly, async (req: Request<Params>, res) => {
    const request = await requestOr404(req, res);
    if (!request) return;
    if (request.receivedOn || completeness(request.kind, request.answer)) return renderNotFound(res);
    if (!(await submitAdvice(deps, { userId: req.user!.id, ip: clientIp(req), requestId: request.id })))
      return renderNotFound(res);
    redirectWithNotice(req, res, advicePaths.request(request.id), {
      heading:
        request.kind === 'placement'
          ? 'Your answer has been sent to the council'
          : 'Your advice has been sent to the council',
      lines: ['It cannot be changed now. You can add an addendum if something needs adding.'],
    });
  });

  router.post(
    advicePaths.attachments(':requestId'),
    requireSignedIn,
    adviserOnly,
    async (req: Request<Params>, res) => {
      if (!req.complete) res.set('Connection', 'close');
      const request = await requestOr404(req, res);
      if (!request) return;
      if (request.receivedOn) return renderNotFound(res);
      res.removeHeader('Connection');
      const outcome = await readMultipartUpload(req, deps.isCsrfTokenValid, FAMILY_UPLOAD_RULES);
      closeConnectionIfCutOff(res, outcome);
      if (outcome.status === 'csrf-failed') return res.status(403).render('errors/csrf');
      if (outcome.status === 'malformed') return res.status(400).render('errors/bad-request');
      if (outcome.status === 'too-large')
        return renderRequest(res, request, 413, { ...uploadErrors([], { tooLarge: true }) });
      if (outcome.files.length === 0 || outcome.refused.length > 0 || outcome.tooManyFiles) {
        const documents = outcome.tooManyFiles
          ? 'Select up to 10 files at a time'
          : outcome.files.length === 0 && outcome.refused.length === 0
            ? 'Select a file to attach'
            : undefined;
        return renderRequest(res, request, 400, { ...uploadErrors(outcome.refused, { documents }) });
      }
      if (
        !(await attachToAdvice(deps, { userId: req.user!.id, ip: clientIp(req), requestId: request.id }, outcome.files))
      )
        return renderNotFound(res);
      deps.queue.nudge();
      redirectWithNotice(req, res, advicePaths.request(request.id), {
        heading:
          outcome.files.length === 1
            ? 'Your document has been attached'
            : `${outcome.files.length} documents have been attached`,
        lines: outcome.files.map((file) => file.originalFilename || 'Unnamed file'),
      });
    },
  );

  router.post(advicePaths.addendum(':requestId'), requireSignedIn, adviserOnly, async (req: Request<Params>, res) => {
    const request = await requestOr404(req, res);
    if (!request) return;
    if (!request.submittedAt) return renderNotFound(res);
    const parsed = parseForm(addendumSchema, req.body);
    if (!parsed.ok)
      return renderRequest(res, request, 400, { ...(parsed.errors as FormErrors), addendum: req.body?.addendum });
    if (
      !(await addAddendum(
        deps,
        { userId: req.user!.id, ip: clientIp(req), requestId: request.id },
        parsed.data.addendum,
      ))
    )
      return renderNotFound(res);
    redirectWithNotice(req, res, advicePaths.request(request.id), { heading: 'Your addendum has been added' });
  });

  router.get(
    advicePaths.document(':requestId', ':documentId'),
    requireSignedIn,
    adviserOnly,
    async (req: Request<Params & { documentId: string }>, res) => {
      const request = await requestOr404(req, res);
      if (!request) return;
      const document = await findAdviserDocument(pool, request.caseId, request.id, req.params.documentId);
      if (!document) return renderNotFound(res);
      sendAttachment(res, {
        content: document.content,
        contentType: document.contentType,
        downloadName: downloadNameFor(document.filename, document.contentType),
      });
    },
  );

  return router;
}
