import type pg from 'pg';
import { audit } from '../audit/audit.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { MessageQueue } from '../notify/queue.js';
import { invitationEmail } from '../notify/templates/invitation.js';
import { paths } from '../web/paths.js';
import { issueToken, latestTokenDetails } from './tokens-data.js';
import { findAccountById, findOrCreateInvitedUser, normaliseEmail } from './users-data.js';

/** What inviting needs from the app; FeatureDeps has all of it. */
export interface InvitationDeps {
  config: Pick<Config, 'baseUrl' | 'council'>;
  clock: Clock;
  queue: Pick<MessageQueue, 'queueEmail'>;
}

export interface InviteInput {
  email: string;
  fullName: string;
  kind: 'family' | 'staff';
  /** Staff only: their council and role. */
  councilId?: string;
  staffRole?: 'caseworker' | 'admin';
  /** Named in the email ("Sam Jones at Edgehill Council has invited you"); userId for the audit. */
  invitedBy: { name: string; userId?: string };
  /** Why they are invited, a sentence or two for the email; a sensible default for each kind. */
  reason?: string;
  ip?: string;
}

export type InviteResult =
  | { outcome: 'invited'; userId: string; newUser: boolean; registrationLink: string; expiresAt: Date }
  /** The address already has a registered (or disabled) account: no invitation was sent. */
  | { outcome: 'already-registered'; userId: string; status: 'active' | 'disabled' };

export function defaultInvitationReason(kind: 'family' | 'staff', councilName: string): string {
  return kind === 'staff'
    ? `You have been invited as a member of staff at ${councilName}, to run EHC needs assessments and plans on EHC Hub.`
    : 'This is about a request for an Education, Health and Care (EHC) needs assessment for your child. On EHC Hub you can follow the request, see and amend its details, and upload documents if required.';
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function sendInvitation(
  client: pg.PoolClient,
  deps: InvitationDeps,
  user: { id: string; email: string; fullName: string },
  context: { invitedByName: string; reason: string },
) {
  const now = deps.clock.now();
  const { token, expiresAt } = await issueToken(client, {
    userId: user.id,
    purpose: 'invitation',
    now,
    details: context,
  });
  const registrationLink = `${deps.config.baseUrl}${paths.register(token)}`;
  await deps.queue.queueEmail(
    client,
    invitationEmail(deps.config.council, {
      to: user.email,
      fullName: user.fullName,
      invitedByName: context.invitedByName,
      reason: context.reason,
      registrationLink,
      expiresAt,
    }),
  );
  return { registrationLink, expiresAt };
}

/**
 * Invites someone to EHC Hub: creates their account in the 'invited' state (or finds it), makes
 * a "Complete your registration" link valid for 14 days (replacing any earlier one) and queues
 * the invitation email, all in the caller's transaction: pass its client, and call
 * `queue.nudge()` after it commits. An address with a registered account gets no invitation.
 */
export async function inviteUser(
  client: pg.PoolClient,
  deps: InvitationDeps,
  input: InviteInput,
): Promise<InviteResult> {
  const email = normaliseEmail(input.email);
  if (!EMAIL_SHAPE.test(email)) throw new Error('inviteUser needs a valid email address');
  if (input.kind === 'staff' && (!input.councilId || !input.staffRole))
    throw new Error('inviteUser needs a council and a role for staff');
  const { account, created } = await findOrCreateInvitedUser(
    client,
    {
      email,
      fullName: input.fullName.trim(),
      kind: input.kind,
      councilId: input.kind === 'staff' ? input.councilId : null,
      staffRole: input.kind === 'staff' ? input.staffRole : null,
    },
    deps.clock.now(),
  );
  if (account.status !== 'invited')
    return { outcome: 'already-registered', userId: account.id, status: account.status };

  const context = {
    invitedByName: input.invitedBy.name,
    reason: input.reason ?? defaultInvitationReason(account.kind, deps.config.council.name),
  };
  const sent = await sendInvitation(client, deps, account, context);
  await audit(
    client,
    {
      action: 'account.invited',
      actorUserId: input.invitedBy.userId,
      subjectUserId: account.id,
      ip: input.ip,
      details: { newUser: created, kind: account.kind },
    },
    deps.clock.now(),
  );
  return { outcome: 'invited', userId: account.id, newUser: created, ...sent };
}

/**
 * Sends a new invitation to an account that has not registered yet, with the same inviter and
 * reason as the last one; the earlier link stops working. Same transaction rules as inviteUser.
 */
export async function resendInvitation(
  client: pg.PoolClient,
  deps: InvitationDeps,
  input: { userId: string; resentBy: { name: string; userId?: string }; ip?: string },
): Promise<InviteResult | { outcome: 'no-such-user' }> {
  const account = await findAccountById(client, input.userId, { lock: true });
  if (!account) return { outcome: 'no-such-user' };
  if (account.status !== 'invited')
    return { outcome: 'already-registered', userId: account.id, status: account.status };
  const previous = await latestTokenDetails(client, account.id, 'invitation');
  const context = {
    invitedByName: typeof previous?.invitedByName === 'string' ? previous.invitedByName : input.resentBy.name,
    reason:
      typeof previous?.reason === 'string'
        ? previous.reason
        : defaultInvitationReason(account.kind, deps.config.council.name),
  };
  const sent = await sendInvitation(client, deps, account, context);
  await audit(
    client,
    {
      action: 'account.invitation-resent',
      actorUserId: input.resentBy.userId,
      subjectUserId: account.id,
      ip: input.ip,
    },
    deps.clock.now(),
  );
  return { outcome: 'invited', userId: account.id, newUser: false, ...sent };
}
