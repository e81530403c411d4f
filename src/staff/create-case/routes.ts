import { Router } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { redirectWithNotice } from '../../web/notice.js';
import type { FeatureDeps } from '../../deps.js';
import { ukToday } from '../../clock.js';
import { REQUESTER_LABELS } from '../../ehc/index.js';
import { renderWithErrors, type FormErrors } from '../../web/forms/errors.js';
import { parseForm, ruleErrors } from '../../web/forms/parse.js';
import { readSubmittedForm } from '../forms/request-form.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';
import { fileProblemMessage } from '../forms/file-problems.js';
import { MAX_REQUEST_DOCUMENTS, NEW_CASE_DATE_FIELDS, newCaseSchema } from './schema.js';
import { createCase } from './service.js';

const VIEW = 'staff/new-case';
const requesterItems = Object.entries(REQUESTER_LABELS).map(([value, text]) => ({ value, text }));

/** Creating a case: the child or young person and the request, with its documents. */
export function createCaseRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.get(staffPattern(staffPaths.newCase), (_req, res) => res.render(VIEW, { values: {}, requesterItems }));

  router.post(staffPattern(staffPaths.newCase), async (req, res) => {
    const staff = staffMemberOf(req);
    const form = await readSubmittedForm(req, res, deps, { field: 'documents', maxFiles: MAX_REQUEST_DOCUMENTS });
    const parsed = parseForm(newCaseSchema(ukToday(deps.clock)), form.fields, NEW_CASE_DATE_FIELDS);
    const problem = form.upload?.problem;
    if (!parsed.ok || problem) {
      const errors: FormErrors = parsed.ok ? { errors: {}, errorList: [] } : parsed.errors;
      if (problem) {
        const fileError = ruleErrors([['documents', fileProblemMessage(problem, MAX_REQUEST_DOCUMENTS)]]);
        errors.errors.documents = fileError.errors.documents;
        errors.errorList.push(...fileError.errorList);
      }
      return renderWithErrors(res, VIEW, errors, { values: form.fields, requesterItems });
    }
    const created = await createCase(deps, {
      staff,
      ip: clientIp(req),
      data: parsed.data,
      documents: form.upload?.files ?? [],
    });
    redirectWithNotice(req, res, staffPaths.case(created.id), {
      heading: `Case ${created.reference} created. Add the family to the case so that they can follow it on EHC Hub.`,
    });
  });
  return router;
}
