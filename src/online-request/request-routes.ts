import { Router, type NextFunction, type Request, type Response } from 'express';
import { requireSignedIn } from '../auth/current-user.js';
import { ukToday } from '../clock.js';
import type { FeatureDeps } from '../deps.js';
import { decisionToAssessDue, formatGuideDate } from '../ehc/index.js';
import { clientIp } from '../web/client-ip.js';
import { renderNotFound } from '../web/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { isUuid } from '../web/ids.js';
import { findOwnRequest, requestFiles, saveSection, type OnlineRequest } from './data.js';
import { requestPaths, type RequestSection } from './paths.js';
import {
  allCompleted,
  CONTACT_WAYS,
  DATE_FIELDS,
  RELATIONSHIPS,
  SECTION_TITLES,
  sectionSchema,
  VIEWS_BY,
  YES_NO,
} from './sections.js';
import { submitRequest } from './submit.js';
import { summaryRows, taskListItems } from './view-model.js';

/** The fields each section's page posts (anything else in the body is not kept). */
const SECTION_FIELDS: Record<Exclude<RequestSection, 'evidence'>, readonly string[]> = {
  child: [
    'firstName',
    'lastName',
    'dateOfBirth-day',
    'dateOfBirth-month',
    'dateOfBirth-year',
    'address',
    'postcode',
    'school',
    'inCare',
    'languages',
  ],
  you: ['relationship', 'settingName', 'parentalResponsibility', 'phone', 'contactBy', 'needHelp', 'helpDetails'],
  reasons: ['needs', 'supportSoFar', 'schoolActions'],
  views: ['viewsBy', 'views'],
  declaration: ['consent', 'declaration', 'agreement'],
};

const items = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }));
const CHOICES = {
  relationships: items(RELATIONSHIPS),
  contactWays: items(CONTACT_WAYS),
  yesNo: items(YES_NO),
  viewsBy: items(VIEWS_BY),
};

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in person's own request named in the URL (see ownRequest). */
    onlineRequest?: OnlineRequest;
  }
}

/** Loads the request in the URL if it is the signed-in person's own; anyone else gets a 404. */
export function ownRequest(deps: Pick<FeatureDeps, 'pool'>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const requestId = req.params.requestId;
    const user = req.user;
    const request =
      user?.kind === 'family' && isUuid(requestId) ? await findOwnRequest(deps.pool, requestId, user.id) : undefined;
    if (!request) return renderNotFound(res);
    req.onlineRequest = request;
    next();
  };
}

/** A request already sent cannot be changed here: its pages lead to what was sent. */
function draftOnly(req: Request, res: Response, next: NextFunction) {
  const request = req.onlineRequest!;
  if (request.status !== 'draft') return res.redirect(requestPaths.sent(request.id));
  next();
}

function textFields(body: unknown, names: readonly string[]): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = Array.isArray(source[name]) ? source[name][0] : source[name];
    if (typeof value === 'string' && value !== '') values[name] = value.replace(/\r\n?/g, '\n').slice(0, 6000);
  }
  return values;
}

/** The task list, each section's page, "Check your answers" and the page after sending. */
export function requestRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const load = [requireSignedIn, ownRequest(deps)];
  const today = () => ukToday(deps.clock);

  router.get(requestPaths.taskList(':requestId'), ...load, draftOnly, async (req, res) => {
    const request = req.onlineRequest!;
    const allDone = allCompleted(request.answers, today());
    const files = await requestFiles(deps.pool, request.id);
    res.render('online-request/task-list', {
      requestId: request.id,
      taskItems: taskListItems(request.id, request.answers, today(), allDone, files.length),
      allDone,
    });
  });

  const renderSection = (
    res: Response,
    request: OnlineRequest,
    section: RequestSection,
    locals: Record<string, unknown>,
  ) =>
    res.render(`online-request/sections/${section}`, {
      requestId: request.id,
      sectionTitle: SECTION_TITLES[section],
      relationship: request.answers.you?.relationship,
      ...CHOICES,
      ...locals,
    });

  for (const section of Object.keys(SECTION_FIELDS) as (keyof typeof SECTION_FIELDS)[]) {
    const path = requestPaths.section(':requestId', section);
    router.get(path, ...load, draftOnly, (req, res) => {
      const request = req.onlineRequest!;
      renderSection(res, request, section, { values: request.answers[section] ?? {} });
    });

    router.post(path, ...load, draftOnly, async (req, res) => {
      const request = req.onlineRequest!;
      const values = textFields(req.body, SECTION_FIELDS[section]);
      // Kept as typed, valid or not, so that nothing is lost.
      const saved = await saveSection(deps.pool, {
        requestId: request.id,
        userId: req.user!.id,
        section,
        values,
        now: deps.clock.now(),
      });
      if (!saved) return res.redirect(requestPaths.sent(request.id));
      const answers = { ...request.answers, [section]: values };
      const form = parseForm(sectionSchema(section, answers, today()), values, DATE_FIELDS[section] ?? []);
      if (!form.ok) {
        res.status(400);
        return renderSection(res, request, section, { values, ...form.errors });
      }
      res.redirect(requestPaths.taskList(request.id));
    });
  }

  router.get(requestPaths.check(':requestId'), ...load, draftOnly, async (req, res) => {
    const request = req.onlineRequest!;
    if (!allCompleted(request.answers, today())) return res.redirect(requestPaths.taskList(request.id));
    const files = await requestFiles(deps.pool, request.id);
    res.render('online-request/check-answers', {
      requestId: request.id,
      sections: summaryRows(request.id, request.answers, files),
    });
  });

  router.post(requestPaths.check(':requestId'), ...load, draftOnly, async (req, res) => {
    const request = req.onlineRequest!;
    const result = await submitRequest(deps, { requestId: request.id, user: req.user!, ip: clientIp(req) });
    if (result === 'not-found') return renderNotFound(res);
    if (result === 'incomplete') return res.redirect(requestPaths.taskList(request.id));
    res.redirect(requestPaths.sent(request.id));
  });

  router.get(requestPaths.sent(':requestId'), ...load, (req, res) => {
    const request = req.onlineRequest!;
    if (request.status === 'draft' || !request.submittedOn) return res.redirect(requestPaths.taskList(request.id));
    res.render('online-request/sent', {
      reference: request.reference,
      decisionDue: formatGuideDate(decisionToAssessDue(request.submittedOn)),
      caseId: request.caseId,
    });
  });

  return router;
}
