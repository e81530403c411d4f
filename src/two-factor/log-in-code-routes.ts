import type { Request, Response } from 'express';
import { clientIp } from '../web/client-ip.js';
import { redirectWithNotice } from '../web/notice.js';
import { Router } from 'express';
import type { FeatureDeps } from '../deps.js';
import { formatUkTime } from '../web/format.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { attemptCode } from './code-attempt.js';
import { codeForm } from './code-input.js';
import { liveCode, renderCodeError, renderCodePage, renderNoNewCode, type CodePage } from './code-page.js';
import { completeSignIn, recordSignInCompleted } from './finish.js';
import { requireCodeDue } from './guards.js';
import { lockedUntil } from './lockout-data.js';
import { CODE_MESSAGES, lockedMessage } from './messages.js';
import { phoneEnding } from './phone-number.js';
import { openPhone } from './secrets.js';
import { latestSmsCode, sendSmsCode, SMS_CODE_VALID_MS } from './sms-codes.js';
import { appCodeCheck, smsCodeCheck, useAppStep, useSmsCode } from './stored-codes.js';
import type { TwoFactorUser } from './user-data.js';

/** `/log-in-code`: the second factor at every sign-in after the first. */
export function logInCodeRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const codeDue = requireCodeDue(deps.pool);

  function accountPhone(user: TwoFactorUser): string {
    if (!user.phoneEncrypted) throw new Error('account has the text message method but no phone number');
    return openPhone(deps.config.encryptionKey, user.id, user.phoneEncrypted);
  }

  const codePage = (user: TwoFactorUser): CodePage =>
    user.method === 'sms'
      ? {
          method: 'sms',
          formAction: paths.logInCode,
          resendAction: paths.logInCodeResend,
          phoneEnding: phoneEnding(accountPhone(user)),
          cannotGetCode: true,
          showSignOut: true,
        }
      : { method: 'app', formAction: paths.logInCode, cannotGetCode: true, showSignOut: true };

  /**
   * Text-message users are sent a code when they arrive, unless this session's code is still live.
   * When no new sign-in code may be sent yet, a code sent earlier that still works is used instead.
   */
  async function sendOnArrival(
    req: Request,
    res: Response,
    user: TwoFactorUser,
  ): Promise<{ waitNote?: string } | undefined> {
    const now = deps.clock.now();
    const latest = await latestSmsCode(deps, user.id, 'sign-in');
    if (latest && latest.codeId === req.session.twoFactorSmsCodeId && latest.expiresAt > now) return {};
    const sent = await sendSmsCode(deps, user.id, 'sign-in', user.phoneEncrypted!, 'new');
    if (sent.ok) {
      req.session.twoFactorSmsCodeId = sent.codeId;
      return {};
    }
    const live = liveCode(latest, now);
    if (!live) return void renderNoNewCode(res, codePage(user), sent, latest, now);
    req.session.twoFactorSmsCodeId = live.codeId;
    return {
      waitNote: `We have not sent a new code because you have signed in several times in the last few minutes. Use the code we sent at ${formatUkTime(new Date(live.expiresAt.getTime() - SMS_CODE_VALID_MS))}: it works until ${formatUkTime(live.expiresAt)}.`,
    };
  }

  router.get(paths.logInCode, codeDue, async (req, res) => {
    const { user } = req.twoFactor!;
    const now = deps.clock.now();
    // While code entry is locked, say so at once (and send no text).
    const locked = await lockedUntil(deps.pool, user.id, now);
    if (locked) return renderCodeError(res, codePage(user), lockedMessage(locked, now), 429);
    const arrival = user.method === 'sms' ? await sendOnArrival(req, res, user) : {};
    if (!arrival) return;
    renderCodePage(res, { ...codePage(user), ...arrival });
  });

  router.post(paths.logInCode, codeDue, async (req, res) => {
    const { user } = req.twoFactor!;
    const method = user.method!;
    const parsed = parseForm(codeForm(method === 'app' ? CODE_MESSAGES.emptyApp : CODE_MESSAGES.emptySms), req.body);
    if (!parsed.ok) return renderCodeError(res, codePage(user), parsed.errors.errorList[0].text);
    const who = { userId: user.id, ip: clientIp(req) };
    const code = parsed.data.code;
    const result =
      method === 'app'
        ? await attemptCode(deps, who, appCodeCheck(deps, user, code), async (client, step, now) => {
            const refused = await useAppStep(client, user, step);
            if (!refused) await recordSignInCompleted(client, user, 'app', clientIp(req), now);
            return refused;
          })
        : await attemptCode(deps, who, smsCodeCheck(deps, user, 'sign-in', code), async (client, { codeId }, now) => {
            const refused = await useSmsCode(client, user, codeId);
            if (!refused) await recordSignInCompleted(client, user, 'sms', clientIp(req), now);
            return refused;
          });
    if (!result.ok) return renderCodeError(res, codePage(user), result.error);
    await completeSignIn(req, res, deps, user);
  });

  router.post(paths.logInCodeResend, codeDue, async (req, res) => {
    const { user } = req.twoFactor!;
    if (user.method !== 'sms') return res.redirect(paths.logInCode);
    const now = deps.clock.now();
    const locked = await lockedUntil(deps.pool, user.id, now);
    if (locked) return renderCodeError(res, codePage(user), lockedMessage(locked, now), 429);
    const sent = await sendSmsCode(deps, user.id, 'sign-in', user.phoneEncrypted!, 'resend');
    if (!sent.ok) return renderNoNewCode(res, codePage(user), sent, await latestSmsCode(deps, user.id, 'sign-in'), now);
    req.session.twoFactorSmsCodeId = sent.codeId;
    redirectWithNotice(req, res, paths.logInCode, { heading: "We've sent you a new log in code." });
  });
  return router;
}
