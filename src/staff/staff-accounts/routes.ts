import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { FeatureDeps } from '../../app.js';
import { parseForm, renderWithErrors } from '../../web/form-errors.js';
import { renderNotFound } from '../../web/errors.js';
import { emailField } from '../case-people/schema.js';
import { choice, requiredText, ruleErrors } from '../forms/form.js';
import { setNotice } from '../notice.js';
import { staffPaths } from '../paths.js';
import { STAFF_ROLE_LABELS } from '../roles.js';
import { ipOf, staffMemberOf } from '../staff-member.js';
import { inviteStaff, listCouncilStaff } from './service.js';

const inviteSchema = z.object({
  email: emailField,
  fullName: requiredText('Enter their full name', 200, 'Full name must be 200 characters or fewer'),
  role: choice(['caseworker', 'admin'] as const, 'Select their role'),
});

const roleItems = [
  { value: 'caseworker', text: 'Caseworker', hint: { text: 'Runs cases: creates them, invites families and records stages and decisions' } },
  { value: 'admin', text: 'Admin', hint: { text: 'Everything a caseworker does, and invites and manages staff accounts' } },
];

/** Only admins manage staff; to anyone else these pages do not exist. */
function requireAdmin(req: Request, res: Response, next: NextFunction) {
  if (req.user?.staffRole === 'admin') return next();
  renderNotFound(res);
}

/** Staff accounts: an admin's list of the council's staff and invitations for new ones. */
export function staffAccountRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.use('/staff-accounts', requireAdmin);

  router.get('/staff-accounts', async (req, res) => {
    const staff = await listCouncilStaff(deps.pool, staffMemberOf(req).councilId);
    res.render('staff/staff-accounts', {
      staff: staff.map((member) => ({ ...member, roleLabel: STAFF_ROLE_LABELS[member.role], href: staffPaths.person(member.id) })),
    });
  });

  router.get('/staff-accounts/invite', (_req, res) => res.render('staff/invite-staff', { values: {}, roleItems }));

  router.post('/staff-accounts/invite', async (req, res) => {
    const values = req.body ?? {};
    const parsed = parseForm(inviteSchema, values);
    if (!parsed.ok) return renderWithErrors(res, 'staff/invite-staff', parsed.errors, { values, roleItems });
    const result = await inviteStaff(deps, { admin: staffMemberOf(req), ip: ipOf(req), ...parsed.data });
    if (result.outcome === 'refused') {
      return renderWithErrors(res, 'staff/invite-staff', ruleErrors([['email', result.message]]), { values, roleItems });
    }
    setNotice(req, `An invitation has been sent to ${parsed.data.email}.`);
    res.redirect(staffPaths.staffAccounts);
  });
  return router;
}
