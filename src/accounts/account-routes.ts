import { Router } from 'express';
import { clientIp } from '../web/client-ip.js';
import { redirectWithNotice } from '../web/notice.js';
import type { FeatureDeps } from '../deps.js';
import { requireSignedIn } from '../auth/current-user.js';
import { formatDateTime } from '../web/format.js';
import { formErrors, renderWithErrors } from '../web/forms/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { changePassword } from './change-password.js';
import { changePasswordSchema } from './schemas.js';
import { lockedMessage } from './sign-in-routes.js';
import { findAccountById } from './users-data.js';
import { wantsDailyDigest } from '../staff/digest/routes.js';

const METHOD_NAMES = { app: 'Smartphone or tablet app', sms: 'Text message' } as const;

/** "Your account": the profile page, and changing the password from it. */
export function accountRoutes(deps: FeatureDeps): Router {
  const router = Router();

  router.get(paths.account, requireSignedIn, async (req, res) => {
    const account = await findAccountById(deps.pool, req.user!.id);
    if (!account) return res.redirect(paths.signIn);
    res.render('accounts/account', {
      account: { fullName: account.fullName, email: account.email },
      methodName: account.twoFactorMethod ? METHOD_NAMES[account.twoFactorMethod] : 'Not set up yet',
      passwordChanged: account.passwordChangedAt ? formatDateTime(account.passwordChangedAt) : undefined,
      dailyDigest: req.user!.kind === 'staff' ? { wanted: await wantsDailyDigest(deps.pool, req.user!.id) } : undefined,
    });
  });

  router.get(paths.accountPassword, requireSignedIn, (_req, res) => {
    res.render('accounts/change-password');
  });

  router.post(paths.accountPassword, requireSignedIn, async (req, res) => {
    const form = parseForm(changePasswordSchema, req.body);
    if (!form.ok) return renderWithErrors(res, 'accounts/change-password', form.errors);
    const result = await changePassword(deps, {
      userId: req.user!.id,
      currentPassword: form.data.currentPassword,
      newPassword: form.data.password,
      sessionId: req.sessionID,
      ip: clientIp(req),
    });
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? lockedMessage(result.until, deps.clock.now())
          : 'Your current password is not correct';
      return renderWithErrors(res, 'accounts/change-password', formErrors([['currentPassword', message]]));
    }
    redirectWithNotice(req, res, paths.account, {
      heading: 'Your password has been changed',
      lines: [
        'You have been signed out everywhere else you were signed in. We have sent you an email to confirm the change.',
      ],
    });
  });

  return router;
}
