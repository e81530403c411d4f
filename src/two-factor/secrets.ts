import crypto from 'node:crypto';
import { openSecret, sealSecret } from '../crypto/secret-box.js';

// Each kind of secret is sealed with its own context, so one cannot stand in for another.
const totpContext = (userId: string) => `totp:${userId}`;
const pendingTotpContext = (userId: string) => `totp-pending:${userId}`;
const phoneContext = (userId: string) => `phone:${userId}`;

export const sealTotpSecret = (key: Buffer, userId: string, secret: string) =>
  sealSecret(key, secret, totpContext(userId));
export const openTotpSecret = (key: Buffer, userId: string, sealed: string) =>
  openSecret(key, sealed, totpContext(userId));

/** The secret being set up, kept (sealed) in the session until a code confirms it. */
export const sealPendingTotpSecret = (key: Buffer, userId: string, secret: string) =>
  sealSecret(key, secret, pendingTotpContext(userId));
export const openPendingTotpSecret = (key: Buffer, userId: string, sealed: string) =>
  openSecret(key, sealed, pendingTotpContext(userId));

/** Phone numbers (E.164), for `users.phone_encrypted` and the code that was sent to one. */
export const sealPhone = (key: Buffer, userId: string, e164: string) => sealSecret(key, e164, phoneContext(userId));
export const openPhone = (key: Buffer, userId: string, sealed: string) => openSecret(key, sealed, phoneContext(userId));

function smsCodeKey(encryptionKey: Buffer): Buffer {
  return crypto.createHmac('sha256', encryptionKey).update('ehc-hub sms log in code v1').digest();
}

/** Text-message codes are kept only as an HMAC, salted by the code's own id. */
export function hashSmsCode(encryptionKey: Buffer, codeId: string, code: string): string {
  return crypto.createHmac('sha256', smsCodeKey(encryptionKey)).update(`${codeId}:${code}`).digest('hex');
}

export function smsCodeMatches(encryptionKey: Buffer, codeId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashSmsCode(encryptionKey, codeId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}
