import type pg from 'pg';
import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import { inTransaction } from '../db/pool.js';
import {
  claimCodeAttempt,
  forgiveWrongCodes,
  LOCK_MS,
  lockedUntil,
  recordWrongCode,
  releaseCodeAttempt,
} from './lockout-data.js';
import { lockedMessage } from './messages.js';

export type CheckOutcome<T> = { ok: true; value: T } | { ok: false; error: string; countsAsWrong: boolean };

export type AttemptResult = { ok: true } | { ok: false; error: string };

/**
 * One try at a code, for any page that takes one. The try is claimed in the database before the
 * code is looked at, so that tries sent at the same time never check more than 5 codes in a run;
 * a right code is applied (with the run forgiven) in one transaction that refuses it if code entry
 * has locked meanwhile; the fifth wrong code in a run locks code entry for 15 minutes.
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
  const place = await claimCodeAttempt(deps.pool, who.userId, now);
  if (place === undefined) {
    // Locked, or the last tries of the run are being checked by other requests right now.
    const until = (await lockedUntil(deps.pool, who.userId, now)) ?? new Date(now.getTime() + LOCK_MS);
    return { ok: false, error: lockedMessage(until, now) };
  }

  let outcome: CheckOutcome<T> = await check(now);
  if (outcome.ok) {
    const value = outcome.value;
    const refused = await inTransaction(deps.pool, async (client) => {
      const error = await apply(client, value, now);
      // Nothing of a refused apply may stay.
      if (error) throw new RefusedCode(error, false);
      const locked = await forgiveWrongCodes(client, who.userId, place, now);
      if (locked) throw new RefusedCode(lockedMessage(locked, now), true);
      return undefined;
    }).catch((error: unknown) => {
      if (error instanceof RefusedCode) return error;
      throw error;
    });
    if (!refused) return { ok: true };
    if (refused.locked) return { ok: false, error: refused.message };
    outcome = { ok: false, error: refused.message, countsAsWrong: true };
  }
  if (!outcome.countsAsWrong) {
    await releaseCodeAttempt(deps.pool, who.userId);
    return { ok: false, error: outcome.error };
  }

  const lock = await inTransaction(deps.pool, async (client) => {
    const result = await recordWrongCode(client, who.userId, now);
    await audit(
      client,
      { action: 'two-factor.code-failed', actorUserId: who.userId, subjectUserId: who.userId, ip: who.ip },
      now,
    );
    if (result.started) {
      await audit(
        client,
        {
          action: 'two-factor.locked',
          actorUserId: who.userId,
          subjectUserId: who.userId,
          ip: who.ip,
          details: { until: result.until!.toISOString() },
        },
        now,
      );
    }
    return result.until;
  });
  return { ok: false, error: lock ? lockedMessage(lock, now) : outcome.error };
}

class RefusedCode extends Error {
  constructor(
    message: string,
    readonly locked: boolean,
  ) {
    super(message);
  }
}
