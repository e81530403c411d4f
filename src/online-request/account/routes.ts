import { Router, type Response } from 'express';
import type { Council } from '../../config.js';
import type { FeatureDeps } from '../../deps.js';
import { newPasswordSchema } from '../../accounts/schemas.js';
import { claimTry, limitKey, RESET_REQUEST_ADDRESS_LIMIT } from '../../accounts/rate-limits.js';
import { looksLikeToken, type TokenState } from '../../accounts/tokens.js';
import { clientIp } from '../../web/client-ip.js';
import { formErrors, renderWithErrors } from '../../web/forms/errors.js';
import { emailAddress, MAX_EMAIL_LENGTH, requiredText } from '../../web/forms/fields.js';
import { parseForm } from '../../web/forms/parse.js';
import { paths } from '../../web/paths.js';
import { regenerateSession } from '../../web/session.js';
import { z } from 'zod';
import { requestPaths } from '../paths.js';
import { checkAccountLink, completeAccount, requestAccount } from './create-account.js';

declare module 'express-session' {
  interface SessionData {
    /** The address a "Create an account" email was asked for, for the "Check your email" page. */
    accountEmailRequestedFor?: string;
  }
}

const VIEW = 'online-request/create-account';
const TOO_MANY_REQUESTS =
  'There have been too many requests to create an account from your network. Wait an hour, then try again.';

const createAccountSchema = z.object({
  fullName: requiredText('Enter your full name', 200, 'Your full name must be 200 characters or fewer'),
  email: emailAddress('Enter your email address'),
});

const typed = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

function renderLinkProblem(res: Response, state: Exclude<TokenState, 'valid'>, council: Council): void {
  const again = { text: 'Ask for a new link', href: requestPaths.createAccount };
  const pages: Record<typeof state, { title: string; paragraphs: string[]; action?: { text: string; href: string } }> =
    {
      used: {
        title: 'This link has already been used',
        paragraphs: [
          'Your account has been created. Sign in with your email address and your password.',
          "If you have forgotten your password, use 'Forgotten password?' on the sign in page.",
        ],
        action: { text: 'Sign in', href: paths.signIn },
      },
      expired: {
        title: 'This link has expired',
        paragraphs: ['Links to create an account work for 1 hour.', 'Ask for a new link and use it within the hour.'],
        action: again,
      },
      replaced: {
        title: 'This link has been replaced',
        paragraphs: [
          'You asked for another link after this one. Use the link in the most recent email from us, or ask for a new one.',
        ],
        action: again,
      },
      unknown: {
        title: 'This link does not work',
        paragraphs: [
          'Check that you copied the whole link from the email, or ask for a new one.',
          `If it still does not work, contact ${council.teamName}: email ${council.email} or call ${council.phone}.`,
        ],
        action: again,
      },
    };
  res.status(state === 'unknown' ? 404 : 410).render('accounts/link-problem', pages[state]);
}

/** "Create an account" without an invitation: email, "Check your email", the link, a password, then the second factor. */
export function createAccountRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const council = deps.config.council;
  const stateOf = (token: string): Promise<TokenState> =>
    looksLikeToken(token) ? checkAccountLink(deps, token) : Promise.resolve('unknown');

  router.get(requestPaths.createAccount, (req, res) => {
    if (req.user) return res.redirect(requestPaths.start);
    const sentTo = req.session.accountEmailRequestedFor;
    if (sentTo) {
      delete req.session.accountEmailRequestedFor;
      return res.render('online-request/check-your-email', { email: sentTo });
    }
    res.render(VIEW, { values: {} });
  });

  router.post(requestPaths.createAccount, async (req, res) => {
    const values = { fullName: typed(req.body?.fullName, 200), email: typed(req.body?.email, MAX_EMAIL_LENGTH) };
    const form = parseForm(createAccountSchema, req.body);
    if (!form.ok) return renderWithErrors(res, VIEW, form.errors, { values });
    const ip = clientIp(req);
    if (
      (await claimTry(
        deps.pool,
        limitKey('account-request-address', ip),
        RESET_REQUEST_ADDRESS_LIMIT,
        deps.clock.now(),
      )) === undefined
    ) {
      return res.status(429).render(VIEW, { ...formErrors([['email', TOO_MANY_REQUESTS]]), values });
    }
    // The answer goes before anything depends on whether the address has an account (as for a
    // forgotten password): looking it up and queuing the email would make known addresses slower.
    const { email, fullName } = form.data;
    res.once('finish', () => {
      requestAccount(deps, { email, fullName, ip }).catch((error: unknown) =>
        req.log?.error({ err: error }, 'create an account: could not send the email'),
      );
    });
    req.session.accountEmailRequestedFor = email;
    res.redirect(requestPaths.createAccount);
  });

  router.get(requestPaths.createPassword(':token'), async (req, res) => {
    const token = String(req.params.token);
    const state = await stateOf(token);
    if (state !== 'valid') return renderLinkProblem(res, state, council);
    res.render('accounts/reset-password', { formAction: requestPaths.createPassword(token) });
  });

  router.post(requestPaths.createPassword(':token'), async (req, res) => {
    const token = String(req.params.token);
    const state = await stateOf(token);
    if (state !== 'valid') return renderLinkProblem(res, state, council);
    const form = parseForm(newPasswordSchema, req.body);
    if (!form.ok)
      return renderWithErrors(res, 'accounts/reset-password', form.errors, {
        formAction: requestPaths.createPassword(token),
      });
    const result = await completeAccount(deps, { token, password: form.data.password, ip: clientIp(req) });
    if (result.state !== 'valid' || !result.userId)
      return renderLinkProblem(res, result.state === 'valid' ? 'used' : result.state, council);
    // The password is done: on to the second factor, as at every sign-in, then back to the request.
    await regenerateSession(req);
    const now = deps.clock.now().getTime();
    req.session.auth = { userId: result.userId, stage: 'password', signedInAt: now, lastSeenAt: now };
    req.session.returnTo = requestPaths.begin;
    res.redirect(paths.twoFactor);
  });

  return router;
}
