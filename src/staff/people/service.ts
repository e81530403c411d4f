import type { FeatureDeps } from '../../deps.js';
import { resendInvitation } from '../../accounts/invitations.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import { paths } from '../../web/paths.js';
import { accountDisabledEmail, secondFactorResetEmail } from '../emails/account-changed-by-staff.js';
import type { StaffMember } from '../staff-member.js';
import { resetSecondFactor } from '../../two-factor/staff-reset.js';
import { endSessions, findPerson, setStatus, type Person } from './data.js';

export type PersonAction = 'disable' | 'enable' | 'reset-two-factor' | 'resend-invitation';

/**
 * What a member of staff may do to an account: anyone on the council's cases, by any staff;
 * another member of staff, only by an admin; never to themselves. A family account that also has
 * access to another council's case is not this council's to disable or reset: that would cut the
 * family off from the other council's case too (their access here can still be removed, case by case).
 */
export function allowedActions(staff: StaffMember, person: Person): PersonAction[] {
  if (person.id === staff.id) return [];
  if (person.kind === 'family' && person.onAnotherCouncilsCase) return [];
  if (person.kind === 'staff' && staff.role !== 'admin') return [];
  const actions: PersonAction[] = [];
  if (person.status === 'disabled') actions.push('enable');
  else actions.push('disable');
  if (person.status === 'active' && person.twoFactorMethod) actions.push('reset-two-factor');
  if (person.status === 'invited') actions.push('resend-invitation');
  return actions;
}

const AUDIT_ACTIONS: Record<PersonAction, string> = {
  disable: 'staff.person.disabled',
  enable: 'staff.person.enabled',
  'reset-two-factor': 'staff.person.two-factor-reset',
  'resend-invitation': 'staff.person.invitation-resent',
};

/** Does one action to an account, if this member of staff may; false otherwise (the route answers 404). */
export async function actOnPerson(
  deps: FeatureDeps,
  input: { staff: StaffMember; ip?: string; userId: string; action: PersonAction },
): Promise<Person | undefined> {
  const { staff, action } = input;
  const result = await inTransaction(deps.pool, async (client) => {
    const person = await findPerson(client, staff.councilId, input.userId, { lock: true });
    if (!person || !allowedActions(staff, person).includes(action)) return undefined;
    const now = deps.clock.now();
    let sessionsEnded = 0;
    const tell = {
      to: person.email,
      fullName: person.fullName,
      kind: person.kind,
      at: now,
      signInLink: `${deps.config.baseUrl}${paths.signIn}`,
      registered: person.status !== 'invited',
    };
    if (action === 'disable') {
      await setStatus(client, person.id, 'disabled', now);
      sessionsEnded = await endSessions(client, person.id);
      await deps.queue.queueEmail(client, accountDisabledEmail(deps.config.council, tell));
    } else if (action === 'enable') {
      await setStatus(client, person.id, 'enabled', now);
    } else if (action === 'reset-two-factor') {
      await resetSecondFactor(client, person.id, now);
      sessionsEnded = await endSessions(client, person.id);
      await deps.queue.queueEmail(client, secondFactorResetEmail(deps.config.council, tell));
    } else {
      const resent = await resendInvitation(client, deps, {
        userId: person.id,
        resentBy: { name: staff.name, userId: staff.id },
        ip: input.ip,
      });
      if (resent.outcome !== 'invited') return undefined;
    }
    await audit(
      client,
      {
        action: AUDIT_ACTIONS[action],
        actorUserId: staff.id,
        subjectUserId: person.id,
        ip: input.ip,
        details: { sessionsEnded },
      },
      now,
    );
    return person;
  });
  if (result && action !== 'enable') deps.queue.nudge();
  return result;
}
