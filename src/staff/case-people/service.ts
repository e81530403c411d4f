import type { FeatureDeps } from '../../deps.js';
import { inviteUser, resendInvitation } from '../../accounts/invitations.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import { paths } from '../../web/paths.js';
import { findCouncilCase } from '../cases-data.js';
import { addedToCaseEmail } from '../emails/added-to-case.js';
import { CASE_ROLE_LABELS } from '../../cases/access.js';
import type { StaffMember } from '../staff-member.js';
import { isKnownToCouncil } from '../people/data.js';
import { activeMembership, findMember, findUserByEmail, grantAccess, removeAccess } from './data.js';
import { invitationReason } from './invitation-reason.js';
import type { AddPerson } from './schema.js';

export type AddPersonOutcome =
  | { outcome: 'invited' | 'notified'; fullName: string; email: string }
  /** An address this council did not know: what is said must not tell whether it already had an account. */
  | { outcome: 'added'; fullName: string; email: string }
  | { outcome: 'refused'; field: 'email' | 'role'; message: string }
  | { outcome: 'not-found' };

/**
 * Gives someone access to a case: a new address gets an invitation ("Complete your
 * registration"), a registered one the "you have been added to a case" email.
 */
/** Who adds a person: a member of staff, or an operator through the CLI (no account of their own). */
export type CaseActor = Pick<StaffMember, 'name' | 'councilId'> & { id?: string };

export async function addPersonToCase(
  deps: Pick<FeatureDeps, 'pool' | 'config' | 'clock' | 'queue'>,
  input: { staff: CaseActor; ip?: string; caseId: string; person: AddPerson },
): Promise<AddPersonOutcome> {
  const { staff, person } = input;
  const result = await inTransaction(deps.pool, async (client): Promise<AddPersonOutcome> => {
    const found = await findCouncilCase(client, staff.councilId, input.caseId, { lock: true });
    if (!found) return { outcome: 'not-found' };
    const existing = await findUserByEmail(client, person.email);
    // Another council's family account: its name, status and very existence are not ours to show.
    const unknownAccount =
      existing?.kind === 'family' && !(await isKnownToCouncil(client, staff.councilId, existing.id));
    const council = deps.config.council.name;
    if (person.role === 'coordinator') {
      if (existing?.kind !== 'staff' || existing.councilId !== staff.councilId || existing.status === 'disabled') {
        return {
          outcome: 'refused',
          field: 'email',
          message: `Enter the email address of a member of staff at ${council} to add a case co-ordinator`,
        };
      }
    } else if (existing?.kind === 'staff') {
      return {
        outcome: 'refused',
        field: 'role',
        message:
          'This email address belongs to a council staff account: choose Case co-ordinator, or use another email address',
      };
    }
    if (existing?.status === 'disabled' && !unknownAccount) {
      return {
        outcome: 'refused',
        field: 'email',
        message: 'The account for this email address is disabled. Enable it from People before adding it to a case',
      };
    }
    if (existing && (await activeMembership(client, found.id, existing.id))) {
      return { outcome: 'refused', field: 'email', message: 'This person already has access to this case' };
    }

    const now = deps.clock.now();
    let userId = existing?.id;
    let outcome: 'invited' | 'notified' = 'notified';
    if (!existing || existing.status === 'invited') {
      const invited = await inviteUser(client, deps, {
        email: person.email,
        fullName: person.fullName,
        kind: 'family',
        invitedBy: { name: staff.name, userId: staff.id },
        reason: invitationReason(person.role, found.reference),
        ip: input.ip,
      });
      userId = invited.userId;
      outcome = 'invited';
    }
    await grantAccess(client, {
      caseId: found.id,
      userId: userId as string,
      role: person.role,
      addedBy: staff.id ?? null,
      at: now,
    });
    // A disabled account (disabled by the other council) is added without an email: it cannot sign in.
    if (outcome === 'notified' && existing && existing.status !== 'disabled') {
      await deps.queue.queueEmail(
        client,
        addedToCaseEmail(deps.config.council, {
          to: existing.email,
          fullName: existing.fullName,
          caseReference: found.reference,
          roleLabel: CASE_ROLE_LABELS[person.role],
          signInLink: `${deps.config.baseUrl}${paths.signIn}`,
        }),
      );
    }
    await audit(
      client,
      {
        action: 'staff.case.member-added',
        actorUserId: staff.id,
        subjectUserId: userId,
        caseId: found.id,
        ip: input.ip,
        details: { role: person.role, invited: outcome === 'invited' },
      },
      now,
    );
    if (!existing || unknownAccount) return { outcome: 'added', fullName: person.fullName, email: person.email };
    return { outcome, fullName: existing.fullName, email: person.email };
  });
  if (result.outcome !== 'refused' && result.outcome !== 'not-found') deps.queue.nudge();
  return result;
}

/** Ends someone's access to the case; the membership row is kept for the record. */
export async function removePersonFromCase(
  deps: FeatureDeps,
  input: { staff: StaffMember; ip?: string; caseId: string; userId: string },
): Promise<{ fullName: string } | undefined> {
  return inTransaction(deps.pool, async (client) => {
    const found = await findCouncilCase(client, input.staff.councilId, input.caseId, { lock: true });
    const member = found && (await findMember(client, found.id, input.userId));
    if (!found || !member || member.removed) return undefined;
    const now = deps.clock.now();
    await removeAccess(client, { caseId: found.id, userId: member.id, removedBy: input.staff.id, at: now });
    await audit(
      client,
      {
        action: 'staff.case.member-removed',
        actorUserId: input.staff.id,
        subjectUserId: member.id,
        caseId: found.id,
        ip: input.ip,
        details: { role: member.role },
      },
      now,
    );
    return { fullName: member.fullName };
  });
}

/** A new invitation link for a member who has not registered yet (the old link stops working). */
export async function resendCaseInvitation(
  deps: FeatureDeps,
  input: { staff: StaffMember; ip?: string; caseId: string; userId: string },
): Promise<{ email: string } | undefined> {
  const result = await inTransaction(deps.pool, async (client) => {
    const found = await findCouncilCase(client, input.staff.councilId, input.caseId);
    const member = found && (await findMember(client, found.id, input.userId));
    if (!found || !member || member.removed || member.status !== 'invited') return undefined;
    const resent = await resendInvitation(client, deps, {
      userId: member.id,
      resentBy: { name: input.staff.name, userId: input.staff.id },
      ip: input.ip,
    });
    if (resent.outcome !== 'invited') return undefined;
    await audit(
      client,
      {
        action: 'staff.case.invitation-resent',
        actorUserId: input.staff.id,
        subjectUserId: member.id,
        caseId: found.id,
        ip: input.ip,
      },
      deps.clock.now(),
    );
    return { email: member.email };
  });
  if (result) deps.queue.nudge();
  return result;
}
