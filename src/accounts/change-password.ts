import { audit } from '../audit/audit.js';
import { inTransaction } from '../db/pool.js';
import { replacePassword, type PasswordResetDeps } from './password-reset.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { claimTries, failTries, succeedTries, type LimitedKey } from './limited-tries.js';
import { limitKey, SIGN_IN_ACCOUNT_ADDRESS_LIMIT, SIGN_IN_ACCOUNT_LIMIT } from './rate-limits.js';
import { findAccountById } from './users-data.js';

export type ChangePasswordResult =
  { ok: true } | { ok: false; reason: 'wrong-password' } | { ok: false; reason: 'locked'; until: Date };

/**
 * Changes a signed-in user's password after checking the current one. Wrong current passwords
 * count towards the same lock as failed sign-ins, claimed before the password is checked. Other sessions end; this one stays.
 */
export async function changePassword(
  deps: PasswordResetDeps,
  input: { userId: string; currentPassword: string; newPassword: string; sessionId: string; ip: string },
): Promise<ChangePasswordResult> {
  const now = deps.clock.now();
  const account = await findAccountById(deps.pool, input.userId);
  if (!account || account.status !== 'active') return { ok: false, reason: 'wrong-password' };
  const limits: LimitedKey[] = [
    {
      key: limitKey('sign-in-account-address', account.email, input.ip),
      limit: SIGN_IN_ACCOUNT_ADDRESS_LIMIT,
      forgive: true,
    },
    { key: limitKey('sign-in-account', account.email), limit: SIGN_IN_ACCOUNT_LIMIT, forgive: true },
  ];
  const claimed = await claimTries(deps.pool, limits, now);
  if (!claimed.ok) return { ok: false, reason: 'locked', until: claimed.until };
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await audit(
      deps.pool,
      { action: 'password.change-failed', actorUserId: account.id, subjectUserId: account.id, ip: input.ip },
      now,
    );
    const lock = await failTries(deps.pool, limits, now);
    if (lock) {
      await audit(
        deps.pool,
        { action: 'sign-in.locked-out', subjectUserId: account.id, ip: input.ip, details: { scope: 'account' } },
        now,
      );
      return { ok: false, reason: 'locked', until: lock.until };
    }
    return { ok: false, reason: 'wrong-password' };
  }
  const lockedMeanwhile = await succeedTries(deps.pool, limits, claimed.places, now);
  if (lockedMeanwhile) return { ok: false, reason: 'locked', until: lockedMeanwhile };
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(deps.pool, async (client) => {
    const locked = await findAccountById(client, account.id, { lock: true });
    if (!locked) throw new Error('account vanished while changing its password');
    await replacePassword(client, deps, {
      account: locked,
      passwordHash,
      keepSessionId: input.sessionId,
      action: 'password.changed',
      ip: input.ip,
    });
  });
  deps.queue.nudge();
  return { ok: true };
}
