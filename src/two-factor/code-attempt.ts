import type pg from 'pg';
import type { FeatureDeps } from '../app.js';
import { audit } from '../audit/audit.js';
import { inTransaction } from '../db/pool.js';
import { clearWrongCodes, countWrongCode, lockedUntil } from './lockout-data.js';
import { lockedMessage } from './messages.js';

export type CheckOutcome<T> = { ok: true; value: T } | { ok: false; error: string; countsAsWrong: boolean };

export type AttemptResult = { ok: true } | { ok: false; error: string };

/**
 * One try at a code, for any page that takes one: refused while the account is locked; a
 * right code is applied (with the run of wrong codes cleared) in one transaction; a wrong
 * one is counted, and the fifth in a row locks code entry for 15 minutes.
 *
 * `apply` gives an error message instead if the code was used meanwhile by another request.
 */
export async function attemptCode<T>(
  deps: Pick<FeatureDeps, 'pool' | 'clock'>,
  who: { userId: string; ip?: string },
  check: (now: Date) => Promise<CheckOutcome<T>>,
  apply: (client: pg.PoolClient, value: T, now: Date) => Promise<string | undefined>,
): Promise<AttemptResult> {
  const now = deps.clock.now();
  const locked = await lockedUntil(deps.pool, who.userId, now);
  if (locked) return { ok: false, error: lockedMessage(locked, now) };

  let outcome: CheckOutcome<T> = await check(now);
  if (outcome.ok) {
    const value = outcome.value;
    const refused = await inTransaction(deps.pool, async (client) => {
      const error = await apply(client, value, now);
      if (error) {
        // Nothing of a refused apply may stay.
        throw new RefusedCode(error);
      }
      await clearWrongCodes(client, who.userId, now);
      return undefined;
    }).catch((error: unknown) => {
      if (error instanceof RefusedCode) return error.message;
      throw error;
    });
    if (!refused) return { ok: true };
    outcome = { ok: false, error: refused, countsAsWrong: true };
  }
  if (!outcome.countsAsWrong) return { ok: false, error: outcome.error };

  const lockedNow = await inTransaction(deps.pool, async (client) => {
    const until = await countWrongCode(client, who.userId, now);
    await audit(client, { action: 'two-factor.code-failed', actorUserId: who.userId, subjectUserId: who.userId, ip: who.ip }, now);
    if (until) {
      await audit(client, { action: 'two-factor.locked', actorUserId: who.userId, subjectUserId: who.userId, ip: who.ip, details: { until: until.toISOString() } }, now);
    }
    return until;
  });
  return { ok: false, error: lockedNow ? lockedMessage(lockedNow, now) : outcome.error };
}

class RefusedCode extends Error {}
