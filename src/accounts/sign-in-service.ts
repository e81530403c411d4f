import type pg from 'pg';
import { audit } from '../audit/audit.js';
import type { Clock } from '../clock.js';
import { verifyPassword } from './passwords.js';
import {
  blockedUntil,
  clearLimit,
  limitKey,
  pruneRateLimits,
  recordHit,
  SIGN_IN_ACCOUNT_LIMIT,
  SIGN_IN_ADDRESS_LIMIT,
} from './rate-limits.js';
import { findAccountByEmail, normaliseEmail, type TwoFactorMethod } from './users-data.js';

export interface SignInDeps {
  pool: pg.Pool;
  clock: Clock;
}

export type SignInResult =
  | { ok: true; userId: string; twoFactorMethod: TwoFactorMethod | null }
  | { ok: false; reason: 'wrong-details' }
  | { ok: false; reason: 'locked'; until: Date };

/**
 * Checks an email address and password. Every kind of failure (no such account, wrong password,
 * not registered yet, disabled) gives the same answer after the same work, so the answer never
 * tells whether an address has an account. Failures count per account and per address.
 */
export async function signInWithPassword(
  deps: SignInDeps,
  input: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const { pool, clock } = deps;
  const now = clock.now();
  const email = normaliseEmail(input.email);
  const accountKey = limitKey('sign-in-account', email);
  const addressKey = limitKey('sign-in-address', input.ip);

  const account = await findAccountByEmail(pool, email);
  const locked = (await blockedUntil(pool, accountKey, now)) ?? (await blockedUntil(pool, addressKey, now));
  if (locked) {
    await audit(pool, { action: 'sign-in.refused-locked', subjectUserId: account?.id, ip: input.ip }, now);
    return { ok: false, reason: 'locked', until: locked };
  }

  const passwordMatches = await verifyPassword(account?.passwordHash, input.password);
  if (account && passwordMatches && account.status === 'active') {
    await clearLimit(pool, accountKey);
    await audit(pool, { action: 'sign-in.password', actorUserId: account.id, subjectUserId: account.id, ip: input.ip }, now);
    return { ok: true, userId: account.id, twoFactorMethod: account.twoFactorMethod };
  }

  const reason = !account ? 'no-account' : account.status !== 'active' ? `account-${account.status}` : 'wrong-password';
  await audit(pool, { action: 'sign-in.failed', subjectUserId: account?.id, ip: input.ip, details: { reason } }, now);
  const forAccount = await recordHit(pool, accountKey, SIGN_IN_ACCOUNT_LIMIT, now);
  const forAddress = await recordHit(pool, addressKey, SIGN_IN_ADDRESS_LIMIT, now);
  // Cheap housekeeping, now and then rather than on a timer in every process.
  if (Math.random() < 0.01) await pruneRateLimits(pool, now);
  const until = forAccount.blockedUntil ?? forAddress.blockedUntil;
  if (until) {
    await audit(pool, {
      action: 'sign-in.locked-out',
      subjectUserId: account?.id,
      ip: input.ip,
      details: { scope: forAccount.blockedUntil ? 'account' : 'address', until: until.toISOString() },
    }, now);
    return { ok: false, reason: 'locked', until };
  }
  return { ok: false, reason: 'wrong-details' };
}
