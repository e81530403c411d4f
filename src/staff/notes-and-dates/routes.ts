import { Router, type Request } from 'express';
import type { FeatureDeps } from '../../deps.js';
import { parseForm, renderWithErrors } from '../../web/form-errors.js';
import { renderNotFound } from '../../web/errors.js';
import { findCouncilCase } from '../cases-data.js';
import { parseStaffForm } from '../forms/form.js';
import { setNotice } from '../notice.js';
import { staffPaths } from '../paths.js';
import { ipOf, staffMemberOf } from '../staff-member.js';
import { keyDateSchema, noteSchema } from './schema.js';
import { addKeyDate, addNote } from './service.js';

type CaseParams = { caseId: string };

/** Notes on a case's timeline and key dates, each visible to the family unless internal. */
export function notesAndDatesRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const caseOf = (req: Request<CaseParams>) => findCouncilCase(deps.pool, staffMemberOf(req).councilId, req.params.caseId);

  router.get('/cases/:caseId/notes/new', async (req: Request<CaseParams>, res) => {
    const found = await caseOf(req);
    if (!found) return renderNotFound(res);
    res.render('staff/new-note', { caseSummary: found, values: {} });
  });

  router.post('/cases/:caseId/notes/new', async (req: Request<CaseParams>, res) => {
    const found = await caseOf(req);
    if (!found) return renderNotFound(res);
    const parsed = parseForm(noteSchema, req.body);
    if (!parsed.ok) return renderWithErrors(res, 'staff/new-note', parsed.errors, { caseSummary: found, values: req.body ?? {} });
    await addNote(deps, { staff: staffMemberOf(req), ip: ipOf(req), caseId: found.id, ...parsed.data });
    setNotice(req, parsed.data.internal ? 'Internal note added. Only council staff can see it.' : 'Note added. The family can see it on the case.');
    res.redirect(staffPaths.case(found.id));
  });

  router.get('/cases/:caseId/key-dates/new', async (req: Request<CaseParams>, res) => {
    const found = await caseOf(req);
    if (!found) return renderNotFound(res);
    res.render('staff/new-key-date', { caseSummary: found, values: {} });
  });

  router.post('/cases/:caseId/key-dates/new', async (req: Request<CaseParams>, res) => {
    const found = await caseOf(req);
    if (!found) return renderNotFound(res);
    const parsed = parseStaffForm(keyDateSchema, req.body ?? {}, ['onDate']);
    if (!parsed.ok) return renderWithErrors(res, 'staff/new-key-date', parsed.errors, { caseSummary: found, values: req.body ?? {} });
    await addKeyDate(deps, { staff: staffMemberOf(req), ip: ipOf(req), caseId: found.id, ...parsed.data });
    setNotice(req, parsed.data.internal ? 'Internal key date added. Only council staff can see it.' : 'Key date added. The family can see it on the case.');
    res.redirect(staffPaths.case(found.id));
  });
  return router;
}
