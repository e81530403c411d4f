import { Router, type Request, type Response } from 'express';
import type { FeatureDeps } from '../app.js';
import { formErrors, parseForm, renderWithErrors } from '../web/form-errors.js';
import { paths } from '../web/paths.js';
import { signInSchema } from './schemas.js';
import { clientIp, regenerate, takeAccountNotice } from './session.js';
import { signInWithPassword } from './sign-in-service.js';

const VIEW = 'accounts/sign-in';

// One message for every failure, so that it never tells whether an address has an account.
export const SIGN_IN_FAILED = 'Enter a correct email address and password';

export function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `There have been too many attempts to sign in. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then try again.`;
}

const typedEmail = (req: Request) => (typeof req.body?.email === 'string' ? req.body.email.trim().slice(0, 320) : '');

/** "Sign in": email address and password, then on to the second factor. */
export function signInRoutes(deps: FeatureDeps): Router {
  const router = Router();

  router.get(paths.signIn, (req, res) => {
    if (req.user) return res.redirect(paths.home);
    res.render(VIEW, { notice: takeAccountNotice(req) });
  });

  router.post(paths.signIn, async (req: Request, res: Response) => {
    const email = typedEmail(req);
    const form = parseForm(signInSchema, req.body);
    if (!form.ok) return renderWithErrors(res, VIEW, form.errors, { email });

    const result = await signInWithPassword(deps, { ...form.data, ip: clientIp(req) });
    if (!result.ok) {
      if (result.reason === 'locked') {
        const errors = formErrors([['email', lockedMessage(result.until, deps.clock.now())]]);
        return res.status(429).render(VIEW, { ...errors, email });
      }
      return renderWithErrors(res, VIEW, formErrors([['email', SIGN_IN_FAILED]]), { email });
    }

    // A new session id now that the password is done; the second factor is still due.
    const { returnTo, keptForm } = req.session;
    await regenerate(req);
    const now = deps.clock.now().getTime();
    req.session.auth = { userId: result.userId, stage: 'password', signedInAt: now, lastSeenAt: now };
    if (returnTo) req.session.returnTo = returnTo;
    if (keptForm) req.session.keptForm = keptForm;
    res.redirect(result.twoFactorMethod ? paths.logInCode : paths.twoFactor);
  });

  return router;
}
