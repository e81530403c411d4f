import { Router, type Request } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { z } from 'zod';
import { redirectWithNotice } from '../../web/notice.js';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { renderNotFound } from '../../web/errors.js';
import { isUuid } from '../../web/ids.js';
import { staffPaths, staffPattern } from '../paths.js';
import { CASE_ROLE_LABELS, type CaseRole } from '../../cases/access.js';
import { STAFF_ROLE_LABELS } from '../roles.js';
import { staffMemberOf } from '../staff-member.js';
import { casesOfPerson, emailFailuresFor, findPeople, findPerson } from './data.js';
import { actOnPerson, allowedActions, type PersonAction } from './service.js';

type PersonParams = { userId: string };

const searchSchema = z.string().trim().max(200).catch('');

const NOTICES: Record<PersonAction, (name: string) => string> = {
  disable: (name) => `${name}'s account has been disabled and they have been signed out.`,
  enable: (name) => `${name}'s account has been enabled.`,
  'reset-two-factor': (name) =>
    `${name}'s second factor has been reset. They will set it up again the next time they sign in.`,
  'resend-invitation': (name) =>
    `A new invitation has been sent to ${name}. The link in the earlier one no longer works.`,
};

const CONFIRM_FIRST: PersonAction[] = ['disable', 'reset-two-factor'];

/** People: find an account, see their cases, disable it, reset their second factor, resend an invitation. */
export function peopleRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const { pool } = deps;

  router.get(staffPattern(staffPaths.people), async (req, res) => {
    const staff = staffMemberOf(req);
    const search = searchSchema.parse(req.query.q ?? '');
    const people = search.length >= 2 ? await findPeople(pool, staff.councilId, search) : [];
    if (search)
      await audit(
        pool,
        { action: 'staff.people.searched', actorUserId: staff.id, ip: clientIp(req) },
        deps.clock.now(),
      );
    res.render('staff/people', {
      search,
      people: people.map((p) => ({ ...p, href: staffPaths.person(p.id) })),
      searched: search.length >= 2,
      tooShort: search.length === 1,
    });
  });

  router.get(staffPattern(staffPaths.person(':userId')), async (req: Request<PersonParams>, res) => {
    const staff = staffMemberOf(req);
    const person = isUuid(req.params.userId) ? await findPerson(pool, staff.councilId, req.params.userId) : undefined;
    if (!person) return renderNotFound(res);
    const cases = await casesOfPerson(pool, staff.councilId, person.id);
    const emailFailures = await emailFailuresFor(pool, person.email);
    await audit(
      pool,
      { action: 'staff.person.viewed', actorUserId: staff.id, subjectUserId: person.id, ip: clientIp(req) },
      deps.clock.now(),
    );
    res.render('staff/person', {
      person,
      kindLabel:
        person.kind === 'staff'
          ? `Council staff (${STAFF_ROLE_LABELS[person.staffRole ?? 'caseworker']})`
          : 'Family or professional',
      cases: cases.map((c) => ({
        ...c,
        href: staffPaths.case(c.caseId),
        roleLabel: CASE_ROLE_LABELS[c.role as CaseRole] ?? c.role,
      })),
      actions: allowedActions(staff, person),
      roleHref: person.kind === 'staff' && staff.role === 'admin' ? staffPaths.staffRole(person.id) : undefined,
      emailFailures,
    });
  });

  for (const action of ['disable', 'enable', 'reset-two-factor', 'resend-invitation'] as const) {
    if (CONFIRM_FIRST.includes(action)) {
      router.get(staffPattern(staffPaths.personAction(':userId', action)), async (req: Request<PersonParams>, res) => {
        const staff = staffMemberOf(req);
        const person = isUuid(req.params.userId)
          ? await findPerson(pool, staff.councilId, req.params.userId)
          : undefined;
        if (!person || !allowedActions(staff, person).includes(action)) return renderNotFound(res);
        res.render('staff/person-confirm', { person, action });
      });
    }
    router.post(staffPattern(staffPaths.personAction(':userId', action)), async (req: Request<PersonParams>, res) => {
      if (!isUuid(req.params.userId)) return renderNotFound(res);
      const person = await actOnPerson(deps, {
        staff: staffMemberOf(req),
        ip: clientIp(req),
        userId: req.params.userId,
        action,
      });
      if (!person) return renderNotFound(res);
      redirectWithNotice(req, res, staffPaths.person(person.id), { heading: NOTICES[action](person.fullName) });
    });
  }
  return router;
}
