import { Router } from 'express';
import { clientIp } from '../web/client-ip.js';
import type { FeatureDeps } from '../deps.js';
import { formErrors, renderWithErrors } from '../web/forms/errors.js';
import { MAX_EMAIL_LENGTH } from '../web/forms/fields.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { requestPasswordReset } from './password-reset.js';
import { claimTry, limitKey, RESET_REQUEST_ADDRESS_LIMIT } from './rate-limits.js';
import { forgottenPasswordSchema } from './schemas.js';

const VIEW = 'accounts/forgotten-password';

// The window is an hour, so an hour is always long enough.
const TOO_MANY_REQUESTS =
  'There have been too many requests to reset a password from your network. Wait an hour, then try again.';

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
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().slice(0, MAX_EMAIL_LENGTH) : '';
      return renderWithErrors(res, VIEW, form.errors, { email });
    }
    const ip = clientIp(req);
    const now = deps.clock.now();
    const key = limitKey('reset-request-address', ip);
    if ((await claimTry(deps.pool, key, RESET_REQUEST_ADDRESS_LIMIT, now)) === undefined) {
      req.log?.info('forgotten password: too many requests from one address');
      const errors = formErrors([['email', TOO_MANY_REQUESTS]]);
      return res.status(429).render(VIEW, { ...errors, email: form.data.email });
    }
    // The answer goes before anything depends on whether the address has an account: looking it
    // up and queuing the email would make known addresses measurably slower to answer.
    const email = form.data.email;
    res.once('finish', () => {
      requestPasswordReset(deps, { email, ip }).catch((error: unknown) =>
        req.log?.error({ err: error }, 'forgotten password: could not send the email'),
      );
    });
    req.session.resetEmailRequestedFor = email;
    res.redirect(paths.forgottenPassword);
  });

  return router;
}
