import type { Request, Response } from 'express';
import { clientIp } from '../web/client-ip.js';
import { redirectWithNotice } from '../web/notice.js';
import { Router } from 'express';
import { z } from 'zod';
import type { FeatureDeps } from '../deps.js';
import { formErrors, renderWithErrors } from '../web/forms/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { attemptCode } from './code-attempt.js';
import { codeForm } from './code-input.js';
import { renderCodeError, renderCodePage, renderNoNewCode, type CodePage } from './code-page.js';
import { afterMethodSet, recordMethodSet } from './finish.js';
import { requireSetupAllowed } from './guards.js';
import { CODE_MESSAGES } from './messages.js';
import { parseUkMobile, phoneEnding, PHONE_MESSAGES } from './phone-number.js';
import { sealPhone } from './secrets.js';
import { latestSmsCode, sendSmsCode, type LatestSmsCode } from './sms-codes.js';
import { smsCodeCheck, useSmsCode } from './stored-codes.js';
import { saveSmsMethod } from './user-data.js';

const phoneForm = z.object({ phone: z.string({ error: PHONE_MESSAGES.empty }).max(40, PHONE_MESSAGES.format) });

/**
 * `/two-factor/sms`: the mobile number, then `/two-factor/sms/code`: the code sent to it. The
 * number becomes the account's only once the code sent to it has been entered.
 */
export function smsSetupRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const allowed = requireSetupAllowed(deps.pool, deps.clock);

  const codePage = (req: Request, latest: LatestSmsCode): CodePage => ({
    method: 'sms',
    formAction: paths.twoFactorSmsCode,
    resendAction: paths.twoFactorSmsResend,
    phoneEnding: phoneEnding(latest.phone),
    backLink: paths.twoFactorSms,
    startAgain: true,
    showSignOut: req.twoFactor!.mode === 'first',
    // Changing the method from the account page is not a sign-in.
    buttonText: req.twoFactor!.mode === 'first' ? undefined : 'Continue',
  });

  /** The page needs the code it is about; without one, back to the number. */
  async function withSetupCode(req: Request, res: Response): Promise<LatestSmsCode | undefined> {
    const latest = await latestSmsCode(deps, req.twoFactor!.user.id, 'setup');
    if (!latest) res.redirect(paths.twoFactorSms);
    return latest;
  }

  router.get(paths.twoFactorSms, allowed, (req, res) => {
    res.render('two-factor/sms-phone', { mode: req.twoFactor!.mode });
  });

  router.post(paths.twoFactorSms, allowed, async (req, res) => {
    const { user, mode } = req.twoFactor!;
    const parsed = parseForm(phoneForm, req.body);
    if (!parsed.ok) return renderWithErrors(res, 'two-factor/sms-phone', parsed.errors, { mode });
    const phone = parseUkMobile(parsed.data.phone);
    const keep = { mode, phone: parsed.data.phone };
    if (!phone.ok) return renderWithErrors(res, 'two-factor/sms-phone', formErrors([['phone', phone.error]]), keep);
    const sent = await sendSmsCode(
      deps,
      user.id,
      'setup',
      sealPhone(deps.config.encryptionKey, user.id, phone.e164),
      'new',
    );
    if (!sent.ok)
      return res.status(429).render('two-factor/sms-phone', { ...keep, ...formErrors([['phone', sent.error]]) });
    req.session.twoFactorSmsCodeId = sent.codeId;
    res.redirect(paths.twoFactorSmsCode);
  });

  router.get(paths.twoFactorSmsCode, allowed, async (req, res) => {
    const latest = await withSetupCode(req, res);
    if (latest) renderCodePage(res, { ...codePage(req, latest) });
  });

  router.post(paths.twoFactorSmsCode, allowed, async (req, res) => {
    const latest = await withSetupCode(req, res);
    if (!latest) return;
    const parsed = parseForm(codeForm(CODE_MESSAGES.emptySms), req.body);
    if (!parsed.ok) return renderCodeError(res, codePage(req, latest), parsed.errors.errorList[0].text);
    const { user, mode } = req.twoFactor!;
    const result = await attemptCode(
      deps,
      { userId: user.id, ip: clientIp(req) },
      smsCodeCheck(deps, user, 'setup', parsed.data.code),
      async (client, { codeId, sealedPhone }, now) => {
        const refused = await useSmsCode(client, user, codeId);
        if (refused) return refused;
        if (!(await saveSmsMethod(client, user.id, sealedPhone, now, mode === 'first')))
          return CODE_MESSAGES.alreadySetUp;
        await recordMethodSet(client, deps, { user, mode, ip: clientIp(req) }, 'sms', now, phoneEnding(latest.phone));
        return undefined;
      },
    );
    if (!result.ok) return renderCodeError(res, codePage(req, latest), result.error);
    await afterMethodSet(req, res, deps, user, mode);
  });

  router.post(paths.twoFactorSmsResend, allowed, async (req, res) => {
    const latest = await withSetupCode(req, res);
    if (!latest) return;
    const sent = await sendSmsCode(deps, req.twoFactor!.user.id, 'setup', latest.sealedPhone, 'resend');
    if (!sent.ok) return renderNoNewCode(res, codePage(req, latest), sent, latest, deps.clock.now());
    req.session.twoFactorSmsCodeId = sent.codeId;
    redirectWithNotice(req, res, paths.twoFactorSmsCode, { heading: "We've sent you a new log in code." });
  });
  return router;
}
