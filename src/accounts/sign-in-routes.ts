import { Router, type Request, type Response } from 'express';
import { clientIp } from '../web/client-ip.js';
import { regenerateSession } from '../web/session.js';
import type { FeatureDeps } from '../deps.js';
import { formErrors, renderWithErrors } from '../web/forms/errors.js';
import { MAX_EMAIL_LENGTH } from '../web/forms/fields.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { signInSchema } from './schemas.js';
import { signInWithPassword } from './sign-in-service.js';
import { inAllowedDomain } from '../staff-sso/accounts.js';

const VIEW = 'accounts/sign-in';

// One message for every failure, so that it never tells whether an address has an account.
export const SIGN_IN_FAILED = 'Enter a correct email address and password';

export function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `There have been too many attempts to sign in. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then try again.`;
}

const typedEmail = (req: Request) =>
  typeof req.body?.email === 'string' ? req.body.email.trim().slice(0, MAX_EMAIL_LENGTH) : '';

/** "Sign in": email address and password, then on to the second factor. */
export function signInRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const sso = deps.staffSso?.settings;
  // The sign-in page offers the council's provider to staff when one is set up.
  router.use(paths.signIn, (_req, res, next) => {
    res.locals.staffSsoName = sso?.name;
    res.locals.staffSsoOnly = sso?.only;
    next();
  });
  const ssoOnlyMessage = `Council staff sign in with ${sso?.name}: use the “Sign in with ${sso?.name}” button`;

  router.get(paths.signIn, (req, res) => {
    if (req.user) return res.redirect(paths.home);
    res.render(VIEW);
  });

  router.post(paths.signIn, async (req: Request, res: Response) => {
    const email = typedEmail(req);
    const form = parseForm(signInSchema, req.body);
    if (!form.ok) return renderWithErrors(res, VIEW, form.errors, { email });
    // With STAFF_OIDC_ONLY, a council address is sent to the provider before any password is checked.
    if (sso?.only && inAllowedDomain(sso, form.data.email))
      return renderWithErrors(res, VIEW, formErrors([['email', ssoOnlyMessage]]), { email });

    const result = await signInWithPassword(deps, { ...form.data, ip: clientIp(req) });
    if (!result.ok) {
      if (result.reason === 'locked') {
        const errors = formErrors([['email', lockedMessage(result.until, deps.clock.now())]]);
        return res.status(429).render(VIEW, { ...errors, email });
      }
      return renderWithErrors(res, VIEW, formErrors([['email', SIGN_IN_FAILED]]), { email });
    }
    // …and a staff account with an address outside those domains, once its password is known to be right.
    if (sso?.only && result.kind === 'staff') {
      return renderWithErrors(res, VIEW, formErrors([['email', ssoOnlyMessage]]), { email });
    }

    // A new session id now that the password is done; the second factor is still due.
    const { returnTo, keptForm } = req.session;
    await regenerateSession(req);
    const now = deps.clock.now().getTime();
    req.session.auth = { userId: result.userId, stage: 'password', signedInAt: now, lastSeenAt: now };
    if (returnTo) req.session.returnTo = returnTo;
    if (keptForm) req.session.keptForm = keptForm;
    res.redirect(result.twoFactorMethod ? paths.logInCode : paths.twoFactor);
  });

  return router;
}
