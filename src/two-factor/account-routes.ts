import type { Request, Response } from 'express';
import { clientIp } from '../web/client-ip.js';
import { redirectWithNotice } from '../web/notice.js';
import { Router } from 'express';
import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import { requireSignedIn } from '../auth/current-user.js';
import { formErrors } from '../web/forms/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { attemptCode } from './code-attempt.js';
import { codeForm } from './code-input.js';
import { renderCodeError, renderCodePage, renderNoNewCode, type CodePage } from './code-page.js';
import { loadAccountUser } from './guards.js';
import { CODE_MESSAGES } from './messages.js';
import { phoneEnding } from './phone-number.js';
import { openPhone } from './secrets.js';
import { latestSmsCode, sendSmsCode } from './sms-codes.js';
import { appCodeCheck, smsCodeCheck, useAppStep, useSmsCode } from './stored-codes.js';
import type { TwoFactorUser } from './user-data.js';

/**
 * `/account/two-factor`: which method is set, and changing it: a fresh code of the current
 * method first, then the setup pages for the new one, then an email confirming the change.
 */
export function accountTwoFactorRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const account = [requireSignedIn, loadAccountUser(deps.pool)];

  const ending = (user: TwoFactorUser) =>
    user.phoneEncrypted ? phoneEnding(openPhone(deps.config.encryptionKey, user.id, user.phoneEncrypted)) : undefined;

  const codePage = (user: TwoFactorUser): CodePage => ({
    method: user.method === 'sms' ? 'sms' : 'app',
    formAction: paths.accountTwoFactorCode,
    resendAction: paths.accountTwoFactorResend,
    phoneEnding: ending(user),
    intro: 'Before you change how you get your code, enter a code the way you get it now.',
    backLink: paths.accountTwoFactor,
    buttonText: 'Continue',
    // A new phone is the usual reason to change, and the usual reason no code arrives: say who can help.
    cannotGetCode: true,
  });

  function renderAccountPage(res: Response, user: TwoFactorUser, extra: Record<string, unknown> = {}) {
    res.render('two-factor/account', { method: user.method, phoneEnding: ending(user), ...extra });
  }

  router.get(paths.accountTwoFactor, ...account, (req, res) => {
    renderAccountPage(res, req.twoFactor!.user);
  });

  router.post(paths.accountTwoFactor, ...account, async (req, res) => {
    const { user } = req.twoFactor!;
    delete req.session.twoFactorChange;
    // An account whose second factor was reset by the council has no code to ask for first.
    if (!user.method) return startChange(req, res, user);
    if (user.method === 'sms') {
      const sent = await sendSmsCode(deps, user.id, 'reauth', user.phoneEncrypted!, 'new');
      if (!sent.ok)
        return res.status(429).render('two-factor/account', {
          method: user.method,
          phoneEnding: ending(user),
          ...formErrors([['change', sent.error]]),
        });
      req.session.twoFactorSmsCodeId = sent.codeId;
    }
    res.redirect(paths.accountTwoFactorCode);
  });

  router.get(paths.accountTwoFactorCode, ...account, async (req, res) => {
    const { user } = req.twoFactor!;
    if (!user.method) return res.redirect(paths.accountTwoFactor);
    if (user.method === 'sms' && !(await latestSmsCode(deps, user.id, 'reauth')))
      return res.redirect(paths.accountTwoFactor);
    renderCodePage(res, { ...codePage(user) });
  });

  router.post(paths.accountTwoFactorCode, ...account, async (req, res) => {
    const { user } = req.twoFactor!;
    if (!user.method) return res.redirect(paths.accountTwoFactor);
    const parsed = parseForm(
      codeForm(user.method === 'app' ? CODE_MESSAGES.emptyApp : CODE_MESSAGES.emptySms),
      req.body,
    );
    if (!parsed.ok) return renderCodeError(res, codePage(user), parsed.errors.errorList[0].text);
    const who = { userId: user.id, ip: clientIp(req) };
    const code = parsed.data.code;
    const result =
      user.method === 'app'
        ? await attemptCode(deps, who, appCodeCheck(deps, user, code), (client, step) => useAppStep(client, user, step))
        : await attemptCode(deps, who, smsCodeCheck(deps, user, 'reauth', code), (client, { codeId }) =>
            useSmsCode(client, user, codeId),
          );
    if (!result.ok) return renderCodeError(res, codePage(user), result.error);
    await startChange(req, res, user);
  });

  router.post(paths.accountTwoFactorResend, ...account, async (req, res) => {
    const { user } = req.twoFactor!;
    if (user.method !== 'sms') return res.redirect(paths.accountTwoFactorCode);
    const sent = await sendSmsCode(deps, user.id, 'reauth', user.phoneEncrypted!, 'resend');
    if (!sent.ok)
      return renderNoNewCode(res, codePage(user), sent, await latestSmsCode(deps, user.id, 'reauth'), deps.clock.now());
    req.session.twoFactorSmsCodeId = sent.codeId;
    redirectWithNotice(req, res, paths.accountTwoFactorCode, { heading: "We've sent you a new log in code." });
  });

  /** The fresh code is done: the setup pages are open to this session for a while. */
  async function startChange(req: Request, res: Response, user: TwoFactorUser) {
    const now = deps.clock.now();
    await audit(
      deps.pool,
      {
        action: 'two-factor.change-started',
        actorUserId: user.id,
        subjectUserId: user.id,
        ip: clientIp(req),
        details: { from: user.method },
      },
      now,
    );
    req.session.twoFactorChange = { userId: user.id, verifiedAt: now.getTime() };
    delete req.session.twoFactorPendingTotp;
    res.redirect(paths.twoFactor);
  }
  return router;
}
