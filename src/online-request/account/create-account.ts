import type pg from 'pg';
import { audit } from '../../audit/audit.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { inTransaction } from '../../db/pool.js';
import type { MessageQueue } from '../../notify/queue.js';
import { hashPassword } from '../../accounts/passwords.js';
import { limitKey, recordHit, RESET_EMAIL_LIMIT } from '../../accounts/rate-limits.js';
import type { TokenState } from '../../accounts/tokens.js';
import { activateAccount, findAccountByEmail, normaliseEmail } from '../../accounts/users-data.js';
import { paths } from '../../web/paths.js';
import { requestPaths } from '../paths.js';
import { accountExistsEmail, createAccountEmail } from './emails.js';
import { consumeAccountLink, findAccountLink, insertFamilyAccount, issueAccountLink } from './links-data.js';

export interface CreateAccountDeps {
  pool: pg.Pool;
  clock: Clock;
  config: Pick<Config, 'baseUrl' | 'council'>;
  queue: Pick<MessageQueue, 'queueEmail' | 'nudge'>;
}

/**
 * "Create an account": a link to an address with no account (or only an invitation not yet
 * taken up), and to an address with an account an email saying so. At most 3 emails an hour to
 * one address, as for a password reset. The caller answers the same whatever happened here.
 */
export async function requestAccount(
  deps: CreateAccountDeps,
  input: { email: string; fullName: string; ip: string },
): Promise<void> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  const { hits } = await recordHit(deps.pool, limitKey('account-email', email), RESET_EMAIL_LIMIT, now);
  if (hits > RESET_EMAIL_LIMIT.max) return;
  const account = await findAccountByEmail(deps.pool, email);
  if (account?.status === 'disabled') return;
  const { baseUrl, council } = deps.config;
  await inTransaction(deps.pool, async (client) => {
    if (account?.status === 'active') {
      const signInLink = `${baseUrl}${paths.signIn}`;
      const resetLink = `${baseUrl}${paths.forgottenPassword}`;
      await deps.queue.queueEmail(
        client,
        accountExistsEmail(council, { to: email, fullName: account.fullName, signInLink, resetLink }),
      );
      await audit(
        client,
        { action: 'account.create-requested-existing', subjectUserId: account.id, ip: input.ip },
        now,
      );
      return;
    }
    const token = await issueAccountLink(client, { email, fullName: input.fullName, now });
    const link = `${baseUrl}${requestPaths.createPassword(token)}`;
    await deps.queue.queueEmail(client, createAccountEmail(council, { to: email, fullName: input.fullName, link }));
    await audit(client, { action: 'account.create-requested', subjectUserId: account?.id ?? null, ip: input.ip }, now);
  });
  deps.queue.nudge();
}

export async function checkAccountLink(
  deps: Pick<CreateAccountDeps, 'pool' | 'clock'>,
  token: string,
): Promise<TokenState> {
  const found = await findAccountLink(deps.pool, token, deps.clock.now());
  if (found.state !== 'valid' || !found.link) return found.state;
  const account = await findAccountByEmail(deps.pool, found.link.email);
  return account && account.status !== 'invited' ? 'used' : 'valid';
}

/**
 * Uses a "Create a password" link: a new family account with the password (already checked
 * against the rules), or an invitation not yet taken up becomes active with it.
 */
export async function completeAccount(
  deps: Pick<CreateAccountDeps, 'pool' | 'clock'>,
  input: { token: string; password: string; ip: string },
): Promise<{ state: TokenState; userId?: string }> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps.pool, async (client) => {
    const now = deps.clock.now();
    const found = await findAccountLink(client, input.token, now);
    if (found.state !== 'valid' || !found.link) return { state: found.state };
    const { link } = found;
    if (!(await consumeAccountLink(client, link.id, now))) return { state: 'used' };
    let userId = await insertFamilyAccount(client, { email: link.email, fullName: link.fullName, passwordHash, now });
    if (!userId) {
      const account = await findAccountByEmail(client, link.email);
      if (!account || !(await activateAccount(client, account.id, passwordHash, now))) return { state: 'used' };
      userId = account.id;
    }
    await audit(client, { action: 'account.created', actorUserId: userId, subjectUserId: userId, ip: input.ip }, now);
    return { state: 'valid', userId };
  });
}
