import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { FeatureDeps } from '../../deps.js';
import { findCouncilRequest, listAddenda } from '../../advice/data.js';
import { findAllAboutMe } from '../../advice/all-about-me/data.js';
import { ALL_ABOUT_ME_SECTIONS } from '../../advice/all-about-me/form.js';
import { EXEMPTION_KINDS, EXEMPTION_LABELS } from '../../ehc/index.js';
import { ADVICE_KIND_HINTS, ADVICE_KIND_LABELS, ADVICE_KINDS } from '../../advice/kinds.js';
import { staffAdvicePaths } from '../../advice/paths.js';
import { ukToday } from '../../clock.js';
import { adviceDocuments } from '../../documents/data.js';
import { closeConnectionIfCutOff, readMultipartUpload } from '../../uploads/index.js';
import { FAMILY_UPLOAD_RULES, UPLOAD_HINT, uploadErrors } from '../../cases/documents/upload-form.js';
import { clientIp } from '../../web/client-ip.js';
import { renderNotFound } from '../../web/errors.js';
import { govukDate } from '../../web/forms/dates.js';
import { renderWithErrors } from '../../web/forms/errors.js';
import { parseForm, ruleErrors } from '../../web/forms/parse.js';
import { redirectWithNotice } from '../../web/notice.js';
import { findCouncilCase } from '../cases-data.js';
import { formatDate } from '../../web/format.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';
import { adviceExemptionSchema, adviceRequestSchema } from './schema.js';
import { consultationRoutes } from './consultation.js';
import {
  changeExemption,
  changeRequest,
  recordReceivedAdvice,
  requestAdvice,
  sentWords,
  takesAdvice,
} from './service.js';
import { staffRequestView } from './view.js';

type CaseParams = { caseId: string };
type RequestParams = { caseId: string; requestId: string };

const kindItems = ADVICE_KINDS.map((kind) => ({
  value: kind,
  text: ADVICE_KIND_LABELS[kind],
  hint: ADVICE_KIND_HINTS[kind] ? { text: ADVICE_KIND_HINTS[kind] } : undefined,
}));
const exemptionItems = EXEMPTION_KINDS.map((kind) => ({ value: kind, text: EXEMPTION_LABELS[kind] }));
/** One document for advice that arrived another way. */
const RECORD_RULES = { ...FAMILY_UPLOAD_RULES, maxFiles: 1 };

/** Staff's side of advice: asking for it, reading it, withdrawing, sharing, recording what came another way. */
export function adviceRequestRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const { pool } = deps;
  // Before /advice/:requestId, which would take "consult" for a request's id.
  router.use(consultationRoutes(deps));

  router.get(staffPattern(staffAdvicePaths.newRequest(':caseId')), async (req: Request<CaseParams>, res) => {
    const found = await findCouncilCase(pool, staffMemberOf(req).councilId, req.params.caseId);
    if (!found || !takesAdvice(found)) return renderNotFound(res);
    res.render('staff/advice-requests/new', { caseSummary: found, values: {}, kindItems });
  });

  router.post(staffPattern(staffAdvicePaths.newRequest(':caseId')), async (req: Request<CaseParams>, res) => {
    const staff = staffMemberOf(req);
    const found = await findCouncilCase(pool, staff.councilId, req.params.caseId);
    if (!found || !takesAdvice(found)) return renderNotFound(res);
    const values = req.body ?? {};
    const parsed = parseForm(adviceRequestSchema, values);
    const view = 'staff/advice-requests/new';
    if (!parsed.ok) return renderWithErrors(res, view, parsed.errors, { caseSummary: found, values, kindItems });
    const result = await requestAdvice(deps, { staff, ip: clientIp(req), caseId: found.id, ...parsed.data });
    if (result.outcome === 'not-found') return renderNotFound(res);
    if (result.outcome === 'refused')
      return renderWithErrors(res, view, ruleErrors([[result.field, result.message]]), {
        caseSummary: found,
        values,
        kindItems,
      });
    redirectWithNotice(req, res, staffPaths.case(found.id), {
      heading: `${ADVICE_KIND_LABELS[parsed.data.kind]} has been requested from ${result.fullName}`,
      lines: [`${sentWords(result.outcome)} ${result.email}. The advice is due by ${formatDate(result.dueOn)}.`],
    });
  });

  router.get(staffPattern(staffAdvicePaths.allAboutMe(':caseId')), async (req: Request<CaseParams>, res) => {
    const found = await findCouncilCase(pool, staffMemberOf(req).councilId, req.params.caseId);
    const views = found && (await findAllAboutMe(pool, found.id));
    if (!found || !views?.submittedAt) return renderNotFound(res);
    res.render('staff/advice-requests/all-about-me', { caseSummary: found, views, sections: ALL_ABOUT_ME_SECTIONS });
  });

  router.get(
    staffPattern(staffAdvicePaths.request(':caseId', ':requestId')),
    async (req: Request<RequestParams>, res) => {
      const staff = staffMemberOf(req);
      const request = await findCouncilRequest(pool, staff.councilId, req.params.caseId, req.params.requestId);
      if (!request) return renderNotFound(res);
      const [addenda, documents] = await Promise.all([
        listAddenda(pool, [request.id]),
        adviceDocuments(pool, [request.id]),
      ]);
      res.render('staff/advice-requests/request', {
        request: staffRequestView(request, ukToday(deps.clock), {
          addenda: addenda.get(request.id),
          documents: documents.get(request.id),
        }),
        caseHref: staffPaths.case(request.caseId),
      });
    },
  );

  for (const change of ['withdraw', 'share'] as const) {
    router.post(
      staffPattern(staffAdvicePaths[change](':caseId', ':requestId')),
      async (req: Request<RequestParams>, res) => {
        const staff = staffMemberOf(req);
        const done = await changeRequest(deps, { staff, ip: clientIp(req), ...req.params, change });
        if (!done) return renderNotFound(res);
        redirectWithNotice(req, res, staffAdvicePaths.request(req.params.caseId, req.params.requestId), {
          heading:
            change === 'withdraw' ? 'The request has been withdrawn' : 'The advice has been shared with the family',
        });
      },
    );
  }

  // An exemption to the request's 6-week limit (reg. 8(2)): only while the advice is outstanding.
  const exemptable = async (req: Request<RequestParams>) => {
    const request = await findCouncilRequest(
      pool,
      staffMemberOf(req).councilId,
      req.params.caseId,
      req.params.requestId,
    );
    return request && !request.receivedOn && !request.withdrawnAt && request.kind !== 'placement' ? request : undefined;
  };
  const exemptionPath = staffPattern(staffAdvicePaths.exemption(':caseId', ':requestId'));
  const exemptionView = 'staff/advice-requests/exemption';

  router.get(exemptionPath, async (req: Request<RequestParams>, res) => {
    const request = await exemptable(req);
    if (!request) return renderNotFound(res);
    const values = request.exemption ? { kind: request.exemption.kind, reason: request.exemption.reason } : {};
    res.render(exemptionView, { request: staffRequestView(request, ukToday(deps.clock)), values, exemptionItems });
  });

  router.post(exemptionPath, async (req: Request<RequestParams>, res) => {
    const request = await exemptable(req);
    if (!request) return renderNotFound(res);
    const values = req.body ?? {};
    const parsed = parseForm(adviceExemptionSchema, values);
    if (!parsed.ok)
      return renderWithErrors(res, exemptionView, parsed.errors, {
        request: staffRequestView(request, ukToday(deps.clock)),
        values,
        exemptionItems,
      });
    const done = await changeExemption(deps, {
      staff: staffMemberOf(req),
      ip: clientIp(req),
      ...req.params,
      exemption: parsed.data,
    });
    if (!done) return renderNotFound(res);
    redirectWithNotice(req, res, staffAdvicePaths.request(req.params.caseId, req.params.requestId), {
      heading: 'The exemption to the time limit has been recorded',
      lines: [`The advice from ${request.adviserName} is no longer overdue, and no overdue reminder will be sent.`],
    });
  });

  router.post(
    staffPattern(staffAdvicePaths.removeExemption(':caseId', ':requestId')),
    async (req: Request<RequestParams>, res) => {
      const done = await changeExemption(deps, {
        staff: staffMemberOf(req),
        ip: clientIp(req),
        ...req.params,
        exemption: null,
      });
      if (!done) return renderNotFound(res);
      redirectWithNotice(req, res, staffAdvicePaths.request(req.params.caseId, req.params.requestId), {
        heading: 'The exemption has been removed',
        lines: ['The usual 6-week time limit for the advice applies again.'],
      });
    },
  );

  const recordSchema = (today: string, requestedOn: string) =>
    z.object({
      receivedOn: govukDate({
        label: 'Date received',
        missing: 'Enter the date the advice was received',
        notAfter: today,
        notBefore: [requestedOn, 'the date it was requested'],
      }),
    });

  const recordable = async (req: Request<RequestParams>) => {
    const request = await findCouncilRequest(
      pool,
      staffMemberOf(req).councilId,
      req.params.caseId,
      req.params.requestId,
    );
    return request && !request.receivedOn && !request.withdrawnAt ? request : undefined;
  };
  const renderRecord = (
    res: Response,
    request: NonNullable<Awaited<ReturnType<typeof recordable>>>,
    status: number,
    locals: Record<string, unknown> = {},
  ) =>
    res.status(status).render('staff/advice-requests/record', {
      request: staffRequestView(request, ukToday(deps.clock)),
      uploadHint: UPLOAD_HINT.replace(' You can upload up to 10 files at a time.', ''),
      values: {},
      ...locals,
    });

  router.get(
    staffPattern(staffAdvicePaths.record(':caseId', ':requestId')),
    async (req: Request<RequestParams>, res) => {
      const request = await recordable(req);
      if (!request) return renderNotFound(res);
      renderRecord(res, request, 200);
    },
  );

  router.post(
    staffPattern(staffAdvicePaths.record(':caseId', ':requestId')),
    async (req: Request<RequestParams>, res) => {
      if (!req.complete) res.set('Connection', 'close');
      const request = await recordable(req);
      if (!request) return renderNotFound(res);
      res.removeHeader('Connection');
      const outcome = await readMultipartUpload(req, deps.isCsrfTokenValid, RECORD_RULES);
      closeConnectionIfCutOff(res, outcome);
      if (outcome.status === 'csrf-failed') return res.status(403).render('errors/csrf');
      if (outcome.status === 'malformed') return res.status(400).render('errors/bad-request');
      if (outcome.status === 'too-large')
        return renderRecord(res, request, 413, { ...uploadErrors([], { tooLarge: true }) });
      const parsed = parseForm(recordSchema(ukToday(deps.clock), request.requestedOn), outcome.fields, ['receivedOn']);
      const file = outcome.files[0];
      const fileProblem = outcome.refused.length > 0 || !file || outcome.tooManyFiles;
      if (!parsed.ok || fileProblem) {
        const fileErrors = uploadErrors(outcome.refused, {
          documents:
            !file && outcome.refused.length === 0
              ? 'Select the document with the advice'
              : outcome.tooManyFiles
                ? 'Select one file'
                : undefined,
        });
        const errors = parsed.ok ? { errors: {}, errorList: [] } : parsed.errors;
        return renderRecord(res, request, 400, {
          errors: { ...errors.errors, ...fileErrors.errors },
          errorList: [...errors.errorList, ...fileErrors.errorList],
          fileErrors: fileErrors.fileErrors,
          values: outcome.fields,
        });
      }
      const done = await recordReceivedAdvice(deps, {
        staff: staffMemberOf(req),
        ip: clientIp(req),
        ...req.params,
        receivedOn: parsed.data.receivedOn,
        file,
      });
      if (!done) return renderNotFound(res);
      redirectWithNotice(req, res, staffPaths.case(req.params.caseId), {
        heading: `The advice from ${request.adviserName} has been recorded as received`,
      });
    },
  );

  return router;
}
