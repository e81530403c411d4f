import crypto from 'node:crypto';
import type { FeatureDeps } from '../deps.js';
import { inTransaction } from '../db/pool.js';
import { CODE_MESSAGES, nextCodeMessage } from './messages.js';
import { hashSmsCode, openPhone, smsCodeMatches } from './secrets.js';
import { findSmsCode, sendsSince, storeSmsCode, type SendReason, type SmsCodePurpose } from './sms-code-data.js';
import { lockUser } from './user-data.js';

export const SMS_CODE_VALID_MS = 10 * 60 * 1000;
export const SMS_SEND_WINDOW_MS = 15 * 60 * 1000;
/** For each reason (new sign-ins, resends): at most this many texts in the window. */
export const SMS_SENDS_PER_WINDOW = 5;

export const smsCodeText = (code: string) => `${code} is your EHC Hub log in code. It expires in 10 minutes.`;

export type SendResult = { ok: true; codeId: string } | { ok: false; error: string; nextSendAt: Date };

/**
 * Sends a new 6-digit code to `sealedPhone` (sealed for this account), replacing any earlier
 * code. The text is queued in the transaction that stores the code, so one exists only with the other.
 */
export async function sendSmsCode(
  deps: Pick<FeatureDeps, 'pool' | 'clock' | 'config' | 'queue'>,
  userId: string,
  purpose: SmsCodePurpose,
  sealedPhone: string,
  reason: SendReason,
): Promise<SendResult> {
  const key = deps.config.encryptionKey;
  const phone = openPhone(key, userId, sealedPhone);
  const now = deps.clock.now();
  const result = await inTransaction(deps.pool, async (client): Promise<SendResult> => {
    await lockUser(client, userId);
    const recent = await sendsSince(client, userId, new Date(now.getTime() - SMS_SEND_WINDOW_MS), reason);
    if (recent.length >= SMS_SENDS_PER_WINDOW) {
      const nextSendAt = new Date(recent[recent.length - SMS_SENDS_PER_WINDOW].getTime() + SMS_SEND_WINDOW_MS);
      return { ok: false, error: nextCodeMessage(nextSendAt, now), nextSendAt };
    }
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const id = crypto.randomUUID();
    const expiresAt = new Date(now.getTime() + SMS_CODE_VALID_MS);
    await storeSmsCode(
      client,
      userId,
      { id, purpose, codeHash: hashSmsCode(key, id, code), phoneEncrypted: sealedPhone, expiresAt },
      now,
      reason,
    );
    await deps.queue.queueSms(client, { to: phone, text: smsCodeText(code) });
    return { ok: true, codeId: id };
  });
  if (result.ok) deps.queue.nudge();
  return result;
}

export type SmsCheck =
  { ok: true; codeId: string; sealedPhone: string } | { ok: false; error: string; countsAsWrong: boolean };

/** Checks a code against the account's live code for this purpose (not using it up). */
export async function checkSmsCode(
  deps: Pick<FeatureDeps, 'pool' | 'clock' | 'config'>,
  userId: string,
  purpose: SmsCodePurpose,
  code: string,
): Promise<SmsCheck> {
  const stored = await findSmsCode(deps.pool, userId);
  // No live code to guess at: not a wrong code, just one to ask for again.
  if (!stored || stored.purpose !== purpose || stored.expiresAt <= deps.clock.now())
    return { ok: false, error: CODE_MESSAGES.expiredSms, countsAsWrong: false };
  if (!smsCodeMatches(deps.config.encryptionKey, stored.id, code, stored.codeHash))
    return { ok: false, error: CODE_MESSAGES.wrongSms, countsAsWrong: true };
  return { ok: true, codeId: stored.id, sealedPhone: stored.phoneEncrypted };
}

export interface LatestSmsCode {
  codeId: string;
  sealedPhone: string;
  /** E.164 */
  phone: string;
  expiresAt: Date;
}

/** The account's latest code for this purpose (even if expired), and the number it went to. */
export async function latestSmsCode(
  deps: Pick<FeatureDeps, 'pool' | 'config'>,
  userId: string,
  purpose: SmsCodePurpose,
): Promise<LatestSmsCode | undefined> {
  const stored = await findSmsCode(deps.pool, userId);
  if (!stored || stored.purpose !== purpose) return undefined;
  const phone = openPhone(deps.config.encryptionKey, userId, stored.phoneEncrypted);
  return { codeId: stored.id, sealedPhone: stored.phoneEncrypted, phone, expiresAt: stored.expiresAt };
}
