import { Router, type NextFunction, type Request, type Response } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { z } from 'zod';
import { redirectWithNotice } from '../../web/notice.js';
import type { FeatureDeps } from '../../deps.js';
import { renderWithErrors } from '../../web/forms/errors.js';
import { parseForm, ruleErrors } from '../../web/forms/parse.js';
import { renderNotFound } from '../../web/errors.js';
import { choice, emailAddress, requiredText } from '../../web/forms/fields.js';
import { isUuid } from '../../web/ids.js';
import { staffPaths, staffPattern } from '../paths.js';
import { STAFF_ROLE_LABELS } from '../roles.js';
import { staffMemberOf } from '../staff-member.js';
import { changeStaffRole, findStaffAccount, type StaffAccount } from './role-change.js';
import { inviteStaff, listCouncilStaff } from './service.js';

const inviteSchema = z.object({
  email: emailAddress('Enter an email address'),
  fullName: requiredText('Enter their full name', 200, 'Full name must be 200 characters or fewer'),
  role: choice(['caseworker', 'admin'] as const, 'Select their role'),
});

const roleSchema = z.object({ role: choice(['caseworker', 'admin'] as const, 'Select their role') });

const roleItems = [
  {
    value: 'caseworker',
    text: 'Caseworker',
    hint: { text: 'Runs cases: creates them, invites families and records stages and decisions' },
  },
  {
    value: 'admin',
    text: 'Admin',
    hint: { text: 'Everything a caseworker does, and invites and manages staff accounts' },
  },
];

/** Only admins manage staff; to anyone else these pages do not exist. */
function requireAdmin(req: Request, res: Response, next: NextFunction) {
  if (req.user?.staffRole === 'admin') return next();
  renderNotFound(res);
}

const ROLE_IN_A_SENTENCE = { caseworker: 'a caseworker', admin: 'an admin' } as const;

const OWN_ADMIN_ROLE =
  'You cannot remove your own admin role. Ask another admin to change it, so that the council always has an admin';

function renderRolePage(res: Response, account: StaffAccount, values: Record<string, unknown>, isSelf: boolean) {
  res.render('staff/staff-role', { account, values, roleItems, isSelf });
}

/** Staff accounts: an admin's list of the council's staff and invitations for new ones. */
export function staffAccountRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.use(staffPattern(staffPaths.staffAccounts), requireAdmin);

  router.get(staffPattern(staffPaths.staffAccounts), async (req, res) => {
    const staff = await listCouncilStaff(deps.pool, staffMemberOf(req).councilId);
    res.render('staff/staff-accounts', {
      staff: staff.map((member) => ({
        ...member,
        roleLabel: STAFF_ROLE_LABELS[member.role],
        href: staffPaths.person(member.id),
        roleHref: staffPaths.staffRole(member.id),
      })),
    });
  });

  router.get(staffPattern(staffPaths.inviteStaff), (_req, res) =>
    res.render('staff/invite-staff', { values: {}, roleItems }),
  );

  router.post(staffPattern(staffPaths.inviteStaff), async (req, res) => {
    const values = req.body ?? {};
    const parsed = parseForm(inviteSchema, values);
    if (!parsed.ok) return renderWithErrors(res, 'staff/invite-staff', parsed.errors, { values, roleItems });
    const result = await inviteStaff(deps, { admin: staffMemberOf(req), ip: clientIp(req), ...parsed.data });
    if (result.outcome === 'refused') {
      return renderWithErrors(res, 'staff/invite-staff', ruleErrors([['email', result.message]]), {
        values,
        roleItems,
      });
    }
    redirectWithNotice(req, res, staffPaths.staffAccounts, {
      heading: `An invitation has been sent to ${parsed.data.email}.`,
    });
  });

  router.get(staffPattern(staffPaths.staffRole(':userId')), async (req: Request<{ userId: string }>, res) => {
    const admin = staffMemberOf(req);
    const account = isUuid(req.params.userId)
      ? await findStaffAccount(deps.pool, admin.councilId, req.params.userId)
      : undefined;
    if (!account) return renderNotFound(res);
    renderRolePage(res, account, { role: account.role }, account.id === admin.id);
  });

  router.post(staffPattern(staffPaths.staffRole(':userId')), async (req: Request<{ userId: string }>, res) => {
    const admin = staffMemberOf(req);
    const account = isUuid(req.params.userId)
      ? await findStaffAccount(deps.pool, admin.councilId, req.params.userId)
      : undefined;
    if (!account) return renderNotFound(res);
    const values = req.body ?? {};
    const parsed = parseForm(roleSchema, values);
    if (!parsed.ok)
      return renderWithErrors(res, 'staff/staff-role', parsed.errors, {
        account,
        values,
        roleItems,
        isSelf: account.id === admin.id,
      });
    const result = await changeStaffRole(deps, {
      admin,
      ip: clientIp(req),
      userId: account.id,
      role: parsed.data.role,
    });
    if (result.outcome === 'not-found') return renderNotFound(res);
    if (result.outcome === 'own-admin-role') {
      return renderWithErrors(res, 'staff/staff-role', ruleErrors([['role', OWN_ADMIN_ROLE]]), {
        account,
        values,
        roleItems,
        isSelf: true,
      });
    }
    const role = ROLE_IN_A_SENTENCE[result.account.role];
    redirectWithNotice(req, res, staffPaths.staffAccounts, {
      heading:
        result.outcome === 'changed'
          ? `${result.account.fullName} is now ${role}.`
          : `${result.account.fullName} was already ${role}. Nothing has changed.`,
    });
  });
  return router;
}
