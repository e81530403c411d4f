import { Router } from 'express';
import { clientIp } from '../web/client-ip.js';
import { regenerateSession } from '../web/session.js';
import { redirectWithNotice } from '../web/notice.js';
import type { FeatureDeps } from '../deps.js';
import { renderWithErrors } from '../web/forms/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { renderLinkProblem } from './link-problems.js';
import { checkResetToken, completePasswordReset } from './password-reset.js';
import { newPasswordSchema } from './schemas.js';
import { looksLikeToken } from './tokens.js';

const VIEW = 'accounts/reset-password';

/** "Create a password": the "Reset password" link's page. */
export function resetPasswordRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const council = deps.config.council;
  const stateOf = (token: string) =>
    looksLikeToken(token) ? checkResetToken(deps, token) : Promise.resolve('unknown' as const);

  router.get(paths.resetPassword(':token'), async (req, res) => {
    const state = await stateOf(String(req.params.token));
    if (state !== 'valid') return renderLinkProblem(res, 'password-reset', state, council);
    res.render(VIEW, { formAction: paths.resetPassword(String(req.params.token)) });
  });

  router.post(paths.resetPassword(':token'), async (req, res) => {
    const token = String(req.params.token);
    const state = await stateOf(token);
    if (state !== 'valid') return renderLinkProblem(res, 'password-reset', state, council);
    const form = parseForm(newPasswordSchema, req.body);
    if (!form.ok) return renderWithErrors(res, VIEW, form.errors, { formAction: paths.resetPassword(token) });

    const result = await completePasswordReset(deps, { token, password: form.data.password, ip: clientIp(req) });
    if (result !== 'valid') return renderLinkProblem(res, 'password-reset', result, council);
    // Every session of the account has ended, this browser's included: sign in afresh, both factors.
    await regenerateSession(req);
    redirectWithNotice(req, res, paths.signIn, {
      heading: 'Your password has been changed',
      lines: ['Sign in with your email address and your new password. You will still need your log in code.'],
    });
  });

  return router;
}
