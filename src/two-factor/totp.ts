import { generateSecret, generateURI, verify } from 'otplib';

/** 30-second steps, SHA-1, 6 digits: what the authenticator apps support. */
export const TOTP_PERIOD_SECONDS = 30;

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'used' };

/** A new 160-bit secret, base32 (32 characters). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The key as people read and type it: groups of four. */
export function formatKeyForReading(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function totpUri(secret: string, issuer: string, accountName: string): string {
  return generateURI({ issuer, label: accountName, secret, algorithm: 'sha1', digits: 6, period: TOTP_PERIOD_SECONDS });
}

/**
 * Checks a 6-digit code at `now` against the previous, current and next step. A step at or
 * before `lastUsedStep` is refused, so a code cannot be used twice.
 */
export async function checkTotp(
  secret: string | Uint8Array,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): Promise<TotpCheck> {
  const epoch = Math.floor(now.getTime() / 1000);
  const options = {
    secret,
    token: code,
    epoch,
    epochTolerance: TOTP_PERIOD_SECONDS,
    algorithm: 'sha1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
  } as const;
  const result = await verify(options);
  if (!result.valid) return { ok: false, reason: 'wrong' };
  // otplib's result type covers HOTP too; a TOTP check always gives the step.
  if (!('timeStep' in result)) throw new Error('TOTP verification gave no time step');
  if (lastUsedStep !== null && result.timeStep <= lastUsedStep) return { ok: false, reason: 'used' };
  return { ok: true, step: result.timeStep };
}
