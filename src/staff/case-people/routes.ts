import { Router, type Request } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { redirectWithNotice } from '../../web/notice.js';
import type { FeatureDeps } from '../../deps.js';
import { renderWithErrors } from '../../web/forms/errors.js';
import { parseForm, ruleErrors } from '../../web/forms/parse.js';
import { renderNotFound } from '../../web/errors.js';
import { findCouncilCase } from '../cases-data.js';
import { isUuid } from '../../web/ids.js';
import { staffPaths, staffPattern } from '../paths.js';
import { CASE_ROLE_LABELS, CASE_ROLES } from '../../cases/access.js';
import { staffMemberOf } from '../staff-member.js';
import { findMember } from './data.js';
import { addPersonSchema } from './schema.js';
import { addPersonToCase, removePersonFromCase, resendCaseInvitation } from './service.js';

type CaseParams = { caseId: string };
type MemberParams = { caseId: string; userId: string };

const roleItems = CASE_ROLES.map((role) => ({
  value: role,
  text: CASE_ROLE_LABELS[role],
  hint: role === 'coordinator' ? { text: 'A member of council staff' } : undefined,
}));

/** Who can see a case: adding people, removing access, resending invitations. */
export function casePeopleRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const { pool } = deps;

  router.get(staffPattern(staffPaths.addPerson(':caseId')), async (req: Request<CaseParams>, res) => {
    const found = await findCouncilCase(pool, staffMemberOf(req).councilId, req.params.caseId);
    if (!found) return renderNotFound(res);
    res.render('staff/add-person', { caseSummary: found, values: {}, roleItems });
  });

  router.post(staffPattern(staffPaths.addPerson(':caseId')), async (req: Request<CaseParams>, res) => {
    const staff = staffMemberOf(req);
    const found = await findCouncilCase(pool, staff.councilId, req.params.caseId);
    if (!found) return renderNotFound(res);
    const values = req.body ?? {};
    const parsed = parseForm(addPersonSchema, values);
    if (!parsed.ok)
      return renderWithErrors(res, 'staff/add-person', parsed.errors, { caseSummary: found, values, roleItems });
    const result = await addPersonToCase(deps, { staff, ip: clientIp(req), caseId: found.id, person: parsed.data });
    if (result.outcome === 'not-found') return renderNotFound(res);
    if (result.outcome === 'refused') {
      return renderWithErrors(res, 'staff/add-person', ruleErrors([[result.field, result.message]]), {
        caseSummary: found,
        values,
        roleItems,
      });
    }
    const heading =
      result.outcome === 'added'
        ? `${result.fullName} has been added to the case and sent an email to tell them (${result.email}).`
        : result.outcome === 'invited'
          ? `${result.fullName} has been added to the case and sent an invitation to register (${result.email}).`
          : `${result.fullName} has been added to the case and sent an email to say so (${result.email}).`;
    redirectWithNotice(req, res, staffPaths.case(found.id), { heading });
  });

  router.get(staffPattern(staffPaths.removePerson(':caseId', ':userId')), async (req: Request<MemberParams>, res) => {
    const found = await findCouncilCase(pool, staffMemberOf(req).councilId, req.params.caseId);
    const member = found && isUuid(req.params.userId) ? await findMember(pool, found.id, req.params.userId) : undefined;
    if (!found || !member || member.removed) return renderNotFound(res);
    res.render('staff/remove-person', { caseSummary: found, member, roleLabel: CASE_ROLE_LABELS[member.role] });
  });

  router.post(staffPattern(staffPaths.removePerson(':caseId', ':userId')), async (req: Request<MemberParams>, res) => {
    if (!isUuid(req.params.userId)) return renderNotFound(res);
    const removed = await removePersonFromCase(deps, { staff: staffMemberOf(req), ip: clientIp(req), ...req.params });
    if (!removed) return renderNotFound(res);
    redirectWithNotice(req, res, staffPaths.case(req.params.caseId), {
      heading: `${removed.fullName} no longer has access to this case.`,
    });
  });

  router.post(
    staffPattern(staffPaths.resendCaseInvitation(':caseId', ':userId')),
    async (req: Request<MemberParams>, res) => {
      if (!isUuid(req.params.userId)) return renderNotFound(res);
      const resent = await resendCaseInvitation(deps, { staff: staffMemberOf(req), ip: clientIp(req), ...req.params });
      if (!resent) return renderNotFound(res);
      redirectWithNotice(req, res, staffPaths.case(req.params.caseId), {
        heading: `A new invitation has been sent to ${resent.email}. The link in the earlier one no longer works.`,
      });
    },
  );
  return router;
}
