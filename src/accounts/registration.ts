import type pg from 'pg';
import { audit } from '../audit/audit.js';
import type { Clock } from '../clock.js';
import { inTransaction } from '../db/pool.js';
import { hashPassword } from './passwords.js';
import { consumeToken, findToken } from './tokens-data.js';
import type { TokenState } from './tokens.js';
import { findAccountById, activateAccount } from './users-data.js';

export interface RegistrationDeps {
  pool: pg.Pool;
  clock: Clock;
}

/** What the "Complete your registration" link leads to: the account, or why it cannot be used. */
export async function checkInvitation(
  deps: RegistrationDeps,
  token: string,
): Promise<{ state: Exclude<TokenState, 'valid'> } | { state: 'valid'; email: string; fullName: string }> {
  const found = await findToken(deps.pool, 'invitation', token, deps.clock.now());
  if (found.state !== 'valid' || !found.token) return { state: found.state === 'valid' ? 'unknown' : found.state };
  const account = await findAccountById(deps.pool, found.token.userId);
  if (!account || account.status === 'disabled') return { state: 'unknown' };
  if (account.status === 'active') return { state: 'used' };
  return { state: 'valid', email: account.email, fullName: account.fullName };
}

/**
 * Completes a registration: the invited account becomes active with the chosen password and
 * the link is used up. The password must already have passed the rules.
 */
export async function completeRegistration(
  deps: RegistrationDeps,
  input: { token: string; password: string; ip: string },
): Promise<{ state: TokenState; userId?: string }> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps.pool, async (client) => {
    const now = deps.clock.now();
    const found = await findToken(client, 'invitation', input.token, now);
    if (found.state !== 'valid' || !found.token) return { state: found.state };
    const userId = found.token.userId;
    const account = await findAccountById(client, userId, { lock: true });
    if (!account || account.status === 'disabled') return { state: 'unknown' };
    if (!(await consumeToken(client, found.token.id, now))) return { state: 'used' };
    if (!(await activateAccount(client, userId, passwordHash, now))) return { state: 'used' };
    await audit(
      client,
      { action: 'account.registered', actorUserId: userId, subjectUserId: userId, ip: input.ip },
      now,
    );
    return { state: 'valid', userId };
  });
}
