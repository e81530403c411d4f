import type pg from 'pg';
import { audit } from '../audit/audit.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { inTransaction } from '../db/pool.js';
import type { MessageQueue } from '../notify/queue.js';
import { passwordChangedEmail } from '../notify/templates/password-changed.js';
import { passwordResetEmail } from '../notify/templates/password-reset.js';
import { paths } from '../web/paths.js';
import { hashPassword } from './passwords.js';
import { clearAccountAddressLimits, clearLimit, limitKey, recordHit, RESET_EMAIL_LIMIT } from './rate-limits.js';
import { consumeToken, findToken, issueToken } from './tokens-data.js';
import type { TokenState } from './tokens.js';
import {
  endSessionsOfUser,
  findAccountByEmail,
  findAccountById,
  normaliseEmail,
  setPassword,
  type Account,
} from './users-data.js';

export interface PasswordResetDeps {
  pool: pg.Pool;
  clock: Clock;
  config: Pick<Config, 'baseUrl' | 'council'>;
  queue: Pick<MessageQueue, 'queueEmail' | 'nudge'>;
}

/**
 * "Forgotten password?": emails a "Reset password" link if the address has a registered
 * account, at most 3 an hour. The caller answers the same whatever happened here.
 */
export async function requestPasswordReset(
  deps: PasswordResetDeps,
  input: { email: string; ip: string },
): Promise<void> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  const { hits } = await recordHit(deps.pool, limitKey('reset-email', email), RESET_EMAIL_LIMIT, now);
  const account = await findAccountByEmail(deps.pool, email);
  if (!account || account.status !== 'active') return;
  if (hits > RESET_EMAIL_LIMIT.max) {
    await audit(deps.pool, { action: 'password.reset-limited', subjectUserId: account.id, ip: input.ip }, now);
    return;
  }
  await inTransaction(deps.pool, async (client) => {
    const { token } = await issueToken(client, { userId: account.id, purpose: 'password-reset', now });
    await deps.queue.queueEmail(
      client,
      passwordResetEmail(deps.config.council, {
        to: account.email,
        fullName: account.fullName,
        resetLink: `${deps.config.baseUrl}${paths.resetPassword(token)}`,
      }),
    );
    await audit(client, { action: 'password.reset-requested', subjectUserId: account.id, ip: input.ip }, now);
  });
  deps.queue.nudge();
}

export async function checkResetToken(deps: PasswordResetDeps, token: string): Promise<TokenState> {
  const found = await findToken(deps.pool, 'password-reset', token, deps.clock.now());
  if (found.state !== 'valid' || !found.token) return found.state;
  const account = await findAccountById(deps.pool, found.token.userId);
  return account?.status === 'active' ? 'valid' : 'unknown';
}

/**
 * A new password for an account, with what always goes with it: the account's other sessions
 * end, and the account holder is told by email. Runs in the caller's transaction.
 */
export async function replacePassword(
  client: pg.PoolClient,
  deps: Omit<PasswordResetDeps, 'pool'>,
  input: { account: Account; passwordHash: string; keepSessionId?: string; action: string; ip: string },
): Promise<void> {
  const now = deps.clock.now();
  const { account } = input;
  await setPassword(client, account.id, input.passwordHash, now);
  const ended = await endSessionsOfUser(client, account.id, input.keepSessionId);
  await deps.queue.queueEmail(
    client,
    passwordChangedEmail(deps.config.council, {
      to: account.email,
      fullName: account.fullName,
      changedAt: now,
      signInLink: `${deps.config.baseUrl}${paths.signIn}`,
    }),
  );
  await audit(
    client,
    {
      action: input.action,
      actorUserId: account.id,
      subjectUserId: account.id,
      ip: input.ip,
      details: { sessionsEnded: ended },
    },
    now,
  );
}

/** Uses a reset link: the new password (already checked against the rules) replaces the old. */
export async function completePasswordReset(
  deps: PasswordResetDeps,
  input: { token: string; password: string; ip: string },
): Promise<TokenState> {
  const passwordHash = await hashPassword(input.password);
  const state = await inTransaction(deps.pool, async (client): Promise<TokenState> => {
    const now = deps.clock.now();
    const found = await findToken(client, 'password-reset', input.token, now);
    if (found.state !== 'valid' || !found.token) return found.state;
    const account = await findAccountById(client, found.token.userId, { lock: true });
    if (!account || account.status !== 'active') return 'unknown';
    if (!(await consumeToken(client, found.token.id, now))) return 'used';
    await replacePassword(client, deps, { account, passwordHash, action: 'password.reset', ip: input.ip });
    // Whoever could read the email may sign in again at once, even if the account was locked.
    await clearLimit(client, limitKey('sign-in-account', account.email));
    await clearAccountAddressLimits(client, account.email);
    return 'valid';
  });
  if (state === 'valid') deps.queue.nudge();
  return state;
}
