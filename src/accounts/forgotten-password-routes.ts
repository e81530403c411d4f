import { Router } from 'express';
import type { FeatureDeps } from '../app.js';
import { parseForm, renderWithErrors } from '../web/form-errors.js';
import { paths } from '../web/paths.js';
import { requestPasswordReset } from './password-reset.js';
import { forgottenPasswordSchema } from './schemas.js';
import { clientIp } from './session.js';

const VIEW = 'accounts/forgotten-password';

/** "Forgotten password?": the same answer whether or not the address has an account. */
export function forgottenPasswordRoutes(deps: FeatureDeps): Router {
  const router = Router();

  router.get(paths.forgottenPassword, (req, res) => {
    const sentTo = req.session.resetEmailRequestedFor;
    if (sentTo) {
      delete req.session.resetEmailRequestedFor;
      return res.render('accounts/forgotten-password-sent', { email: sentTo });
    }
    res.render(VIEW);
  });

  router.post(paths.forgottenPassword, async (req, res) => {
    const form = parseForm(forgottenPasswordSchema, req.body);
    if (!form.ok) {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().slice(0, 320) : '';
      return renderWithErrors(res, VIEW, form.errors, { email });
    }
    await requestPasswordReset(deps, { email: form.data.email, ip: clientIp(req) });
    req.session.resetEmailRequestedFor = form.data.email;
    res.redirect(paths.forgottenPassword);
  });

  return router;
}
