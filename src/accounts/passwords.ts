import crypto from 'node:crypto';
import argon2 from 'argon2';
import pLimit from 'p-limit';

// OWASP's argon2id settings: 19 MiB of memory, 2 passes, 1 lane.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2 runs on libuv's thread pool (4 threads), which express.static's file reads share: a
 * burst of sign-ins would take every thread and stall the stylesheet for everyone. At most this
 * many hashes run at once; the rest wait their turn.
 */
export const ARGON2_IN_FLIGHT = 2;
const argon2Work = pLimit(ARGON2_IN_FLIGHT);

/** How many argon2 hashes are running and waiting (for tests). */
export const argon2Load = () => ({ running: argon2Work.activeCount, waiting: argon2Work.pendingCount });

export function hashPassword(password: string): Promise<string> {
  return argon2Work(() => argon2.hash(password, ARGON2_OPTIONS));
}

let dummyHash: Promise<string> | undefined;

const verify = (hash: string, password: string) => argon2Work(() => argon2.verify(hash, password)).catch(() => false);

/**
 * Checks a password against a stored hash. With no hash (no such account, or one not yet
 * registered) a dummy hash is checked instead, so that the answer takes as long either way.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    await verify(await dummyHash, password);
    return false;
  }
  return verify(hash, password);
}
