import type pg from 'pg';
import type { FeatureDeps } from '../deps.js';
import type { CheckOutcome } from './code-attempt.js';
import { CODE_MESSAGES } from './messages.js';
import { openTotpSecret } from './secrets.js';
import { consumeSmsCode, type SmsCodePurpose } from './sms-code-data.js';
import { checkSmsCode } from './sms-codes.js';
import { checkTotp } from './totp.js';
import { recordTotpStep, type TwoFactorUser } from './user-data.js';

/** Checks a code from the account's own app (at sign-in or before a change). */
export function appCodeCheck(deps: Pick<FeatureDeps, 'config'>, user: TwoFactorUser, code: string) {
  return async (now: Date): Promise<CheckOutcome<number>> => {
    if (!user.totpSecretEncrypted) throw new Error('account has the app method but no secret');
    const secret = openTotpSecret(deps.config.encryptionKey, user.id, user.totpSecretEncrypted);
    const result = await checkTotp(secret, code, now, user.totpLastStep);
    if (result.ok) return { ok: true, value: result.step };
    return {
      ok: false,
      error: result.reason === 'used' ? CODE_MESSAGES.usedApp : CODE_MESSAGES.wrongApp,
      countsAsWrong: true,
    };
  };
}

/** Remembers the step used, so the same code cannot be used again (nor by a request racing this one). */
export async function useAppStep(
  client: pg.PoolClient,
  user: TwoFactorUser,
  step: number,
): Promise<string | undefined> {
  return (await recordTotpStep(client, user.id, step)) ? undefined : CODE_MESSAGES.usedApp;
}

/** Checks a code sent by text message for this purpose; gives the code's id to use it up. */
export function smsCodeCheck(
  deps: Pick<FeatureDeps, 'pool' | 'clock' | 'config'>,
  user: TwoFactorUser,
  purpose: SmsCodePurpose,
  code: string,
) {
  return async (): Promise<CheckOutcome<{ codeId: string; sealedPhone: string }>> => {
    const result = await checkSmsCode(deps, user.id, purpose, code);
    if (!result.ok) return result;
    return { ok: true, value: { codeId: result.codeId, sealedPhone: result.sealedPhone } };
  };
}

export async function useSmsCode(
  client: pg.PoolClient,
  user: TwoFactorUser,
  codeId: string,
): Promise<string | undefined> {
  return (await consumeSmsCode(client, user.id, codeId)) ? undefined : CODE_MESSAGES.expiredSms;
}
