import type pg from 'pg';
import { audit } from '../audit/audit.js';
import type { Clock } from '../clock.js';
import { claimTries, failTries, succeedTries, type LimitedKey } from './limited-tries.js';
import { verifyPassword } from './passwords.js';
import {
  limitKey,
  pruneRateLimits,
  SIGN_IN_ACCOUNT_ADDRESS_LIMIT,
  SIGN_IN_ACCOUNT_LIMIT,
  SIGN_IN_ADDRESS_LIMIT,
} from './rate-limits.js';
import { findAccountByEmail, normaliseEmail, type TwoFactorMethod } from './users-data.js';

export interface SignInDeps {
  pool: pg.Pool;
  clock: Clock;
}

export type SignInResult =
  | { ok: true; userId: string; kind: 'family' | 'staff'; twoFactorMethod: TwoFactorMethod | null }
  | { ok: false; reason: 'wrong-details' }
  | { ok: false; reason: 'locked'; until: Date };

/**
 * Checks an email address and password. Every kind of failure (no such account, wrong password,
 * not registered yet, disabled) gives the same answer after the same work, so the answer never
 * tells whether an address has an account. Each try is claimed against the limits (for the
 * account from this address, for the account from anywhere, and for this address) before the
 * password is checked, so tries sent together never check more
 * passwords than the limits allow, and a right password is refused if a lock started meanwhile.
 */
export async function signInWithPassword(
  deps: SignInDeps,
  input: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const { pool, clock } = deps;
  const now = clock.now();
  const email = normaliseEmail(input.email);
  const limits: LimitedKey[] = [
    { key: limitKey('sign-in-account-address', email, input.ip), limit: SIGN_IN_ACCOUNT_ADDRESS_LIMIT, forgive: true },
    { key: limitKey('sign-in-account', email), limit: SIGN_IN_ACCOUNT_LIMIT, forgive: true },
    // A success only gives its own place back: many people share an address.
    { key: limitKey('sign-in-address', input.ip), limit: SIGN_IN_ADDRESS_LIMIT, forgive: false },
  ];

  const account = await findAccountByEmail(pool, email);
  const claimed = await claimTries(pool, limits, now);
  if (!claimed.ok) {
    await audit(pool, { action: 'sign-in.refused-locked', subjectUserId: account?.id, ip: input.ip }, now);
    return { ok: false, reason: 'locked', until: claimed.until };
  }

  const passwordMatches = await verifyPassword(account?.passwordHash, input.password);
  if (account && passwordMatches && account.status === 'active') {
    const lockedMeanwhile = await succeedTries(pool, limits, claimed.places, now);
    if (lockedMeanwhile) {
      await audit(pool, { action: 'sign-in.refused-locked', subjectUserId: account.id, ip: input.ip }, now);
      return { ok: false, reason: 'locked', until: lockedMeanwhile };
    }
    await audit(
      pool,
      { action: 'sign-in.password', actorUserId: account.id, subjectUserId: account.id, ip: input.ip },
      now,
    );
    return { ok: true, userId: account.id, kind: account.kind, twoFactorMethod: account.twoFactorMethod };
  }

  const reason = !account ? 'no-account' : account.status !== 'active' ? `account-${account.status}` : 'wrong-password';
  await audit(pool, { action: 'sign-in.failed', subjectUserId: account?.id, ip: input.ip, details: { reason } }, now);
  const lock = await failTries(pool, limits, now);
  // Cheap housekeeping, now and then rather than on a timer in every process.
  if (Math.random() < 0.01) await pruneRateLimits(pool, now);
  if (lock) {
    await audit(
      pool,
      {
        action: 'sign-in.locked-out',
        subjectUserId: account?.id,
        ip: input.ip,
        details: { scope: ['account-address', 'account', 'address'][lock.index], until: lock.until.toISOString() },
      },
      now,
    );
    return { ok: false, reason: 'locked', until: lock.until };
  }
  return { ok: false, reason: 'wrong-details' };
}
