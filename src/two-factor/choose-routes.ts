import { Router } from 'express';
import { z } from 'zod';
import type { FeatureDeps } from '../deps.js';
import { renderWithErrors } from '../web/forms/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { requireSetupAllowed } from './guards.js';
import { CODE_MESSAGES } from './messages.js';

const chooseForm = z.object({ method: z.enum(['app', 'sms'], { error: CODE_MESSAGES.chooseMethod }) });

/** `/two-factor`: "You need to enter a code each time you log in": the app or text messages. */
export function chooseMethodRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const allowed = requireSetupAllowed(deps.pool, deps.clock);
  router.get(paths.twoFactor, allowed, (req, res) => {
    res.render('two-factor/choose', { mode: req.twoFactor!.mode });
  });
  router.post(paths.twoFactor, allowed, (req, res) => {
    const parsed = parseForm(chooseForm, req.body);
    if (!parsed.ok) return renderWithErrors(res, 'two-factor/choose', parsed.errors, { mode: req.twoFactor!.mode });
    res.redirect(parsed.data.method === 'app' ? paths.twoFactorApp : paths.twoFactorSms);
  });
  return router;
}
