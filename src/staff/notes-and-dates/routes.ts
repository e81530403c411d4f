import { Router, type Request } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { redirectWithNotice } from '../../web/notice.js';
import type { FeatureDeps } from '../../deps.js';
import { renderWithErrors } from '../../web/forms/errors.js';
import { parseForm } from '../../web/forms/parse.js';
import { renderNotFound } from '../../web/errors.js';
import { findCouncilCase } from '../cases-data.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';
import { keyDateSchema, noteSchema } from './schema.js';
import { addKeyDate, addNote } from './service.js';

type CaseParams = { caseId: string };

/** Notes on a case's timeline and key dates, each visible to the family unless internal. */
export function notesAndDatesRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const caseOf = (req: Request<CaseParams>) =>
    findCouncilCase(deps.pool, staffMemberOf(req).councilId, req.params.caseId);

  router.get(staffPattern(staffPaths.newNote(':caseId')), async (req: Request<CaseParams>, res) => {
    const found = await caseOf(req);
    if (!found) return renderNotFound(res);
    res.render('staff/new-note', { caseSummary: found, values: {} });
  });

  router.post(staffPattern(staffPaths.newNote(':caseId')), async (req: Request<CaseParams>, res) => {
    const found = await caseOf(req);
    if (!found) return renderNotFound(res);
    const parsed = parseForm(noteSchema, req.body);
    if (!parsed.ok)
      return renderWithErrors(res, 'staff/new-note', parsed.errors, { caseSummary: found, values: req.body ?? {} });
    await addNote(deps, { staff: staffMemberOf(req), ip: clientIp(req), caseId: found.id, ...parsed.data });
    redirectWithNotice(req, res, staffPaths.case(found.id), {
      heading: parsed.data.internal
        ? 'Internal note added. Only council staff can see it.'
        : 'Note added. The family can see it on the case.',
    });
  });

  router.get(staffPattern(staffPaths.newKeyDate(':caseId')), async (req: Request<CaseParams>, res) => {
    const found = await caseOf(req);
    if (!found) return renderNotFound(res);
    res.render('staff/new-key-date', { caseSummary: found, values: {} });
  });

  router.post(staffPattern(staffPaths.newKeyDate(':caseId')), async (req: Request<CaseParams>, res) => {
    const found = await caseOf(req);
    if (!found) return renderNotFound(res);
    const parsed = parseForm(keyDateSchema, req.body ?? {}, ['onDate']);
    if (!parsed.ok)
      return renderWithErrors(res, 'staff/new-key-date', parsed.errors, { caseSummary: found, values: req.body ?? {} });
    await addKeyDate(deps, { staff: staffMemberOf(req), ip: clientIp(req), caseId: found.id, ...parsed.data });
    redirectWithNotice(req, res, staffPaths.case(found.id), {
      heading: parsed.data.internal
        ? 'Internal key date added. Only council staff can see it.'
        : 'Key date added. The family can see it on the case.',
    });
  });
  return router;
}
