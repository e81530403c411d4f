import { blockedUntil, claimTry, recordFailedTry, releaseTry, settleSuccessfulTry, type Limit } from './rate-limits.js';
import type { Queryable } from '../db/pool.js';

/** A counter a try is claimed against; `forgive` lets a success forgive the failures before it. */
export interface LimitedKey {
  key: string;
  limit: Limit;
  forgive: boolean;
}

export type Claimed = { ok: true; places: number[] } | { ok: false; until: Date; index: number };

/**
 * Claims a try against every counter before anything is checked; if one refuses, the places
 * already taken are given back and the try is refused.
 */
export async function claimTries(db: Queryable, keys: LimitedKey[], now: Date): Promise<Claimed> {
  const places: number[] = [];
  for (const [index, { key, limit }] of keys.entries()) {
    const place = await claimTry(db, key, limit, now);
    if (place === undefined) {
      for (const taken of keys.slice(0, index)) await releaseTry(db, taken.key);
      const until = (await blockedUntil(db, key, now)) ?? new Date(now.getTime() + (limit.blockMs ?? limit.windowMs));
      return { ok: false, until, index };
    }
    places.push(place);
  }
  return { ok: true, places };
}

/** The claimed try failed: gives the first block in force afterwards, and which counter it is. */
export async function failTries(
  db: Queryable,
  keys: LimitedKey[],
  now: Date,
): Promise<{ until: Date; index: number } | undefined> {
  let first: { until: Date; index: number } | undefined;
  for (const [index, { key, limit }] of keys.entries()) {
    const until = await recordFailedTry(db, key, limit, now);
    if (until && !first) first = { until, index };
  }
  return first;
}

/** The claimed try succeeded; refused (with the block's end) if a block started meanwhile. */
export async function succeedTries(
  db: Queryable,
  keys: LimitedKey[],
  places: number[],
  now: Date,
): Promise<Date | undefined> {
  let refused: Date | undefined;
  for (const [index, { key, forgive }] of keys.entries()) {
    refused ??= await settleSuccessfulTry(db, key, places[index], now, forgive);
  }
  return refused;
}
