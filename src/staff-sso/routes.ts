import { Router, type Request, type Response } from 'express';
import { clientIp } from '../web/client-ip.js';
import { regenerateSession } from '../web/session.js';
import * as oidc from 'openid-client';
import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import { isSafeReturnPath } from '../auth/session-auth.js';
import { inTransaction } from '../db/pool.js';
import { recordSignedIn } from '../two-factor/user-data.js';
import { paths } from '../web/paths.js';
import { matchStaffAccount, type StaffSignInRefusal } from './accounts.js';
import { problemOf, usedMultiFactor, type CallbackProblem, type StaffSsoProvider } from './provider.js';

/** How long a person has at the provider before the sign-in we started is forgotten. */
const PENDING_FOR_MS = 10 * 60 * 1000;

declare module 'express-session' {
  interface SessionData {
    /** The checks for the sign-in sent to the provider, until it comes back. */
    staffSso?: { codeVerifier: string; state: string; nonce: string; startedAt: number };
    /** Signed in through the provider: signing out offers its own sign-out too. */
    signedInWithSso?: boolean;
  }
}

const STATUS: Record<CallbackProblem | StaffSignInRefusal, number> = {
  expired: 400,
  mismatch: 400,
  denied: 403,
  'provider-error': 502,
  unconfirmed: 400,
  unavailable: 503,
  domain: 403,
  unknown: 403,
  disabled: 403,
};

function renderProblem(res: Response, provider: StaffSsoProvider, problem: CallbackProblem | StaffSignInRefusal) {
  res.status(STATUS[problem]).render('staff-sso/problem', {
    problem,
    providerName: provider.settings.name,
    allowedDomains: provider.settings.allowedDomains,
  });
}

/** "Sign in with <council>": the authorisation code flow with PKCE, state and nonce. */
export function staffSsoRoutes(deps: FeatureDeps, provider: StaffSsoProvider): Router {
  const router = Router();
  const callbackUrl = `${deps.config.baseUrl}${paths.staffSsoCallback}`;

  router.get(paths.staffSso, async (req, res) => {
    let configuration: oidc.Configuration;
    try {
      configuration = await provider.configuration();
    } catch (error) {
      deps.logger.warn({ err: error }, 'the staff sign-in provider could not be reached');
      return renderProblem(res, provider, 'unavailable');
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending = {
      codeVerifier,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      startedAt: deps.clock.now().getTime(),
    };
    req.session.staffSso = pending;
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: callbackUrl,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    // The session must hold the checks before the browser reaches the provider.
    req.session.save(() => res.redirect(url.href));
  });

  router.get(paths.staffSsoCallback, async (req: Request, res: Response) => {
    const pending = req.session.staffSso;
    delete req.session.staffSso;
    const ip = clientIp(req);
    if (!pending || deps.clock.now().getTime() - pending.startedAt > PENDING_FOR_MS)
      return renderProblem(res, provider, 'expired');
    let claims: oidc.IDToken | undefined;
    let email: string | undefined;
    let emailVerified: boolean | undefined;
    try {
      const configuration = await provider.configuration();
      const currentUrl = new URL(req.originalUrl, deps.config.baseUrl);
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      if (claims) {
        // Some providers keep the email for the userinfo endpoint rather than the ID token.
        const source =
          typeof claims.email === 'string'
            ? claims
            : await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        email = typeof source.email === 'string' ? source.email : undefined;
        emailVerified = typeof source.email_verified === 'boolean' ? source.email_verified : undefined;
      }
    } catch (error) {
      const problem = problemOf(error);
      deps.logger.warn({ err: error, problem }, 'staff sign-in through the provider failed');
      await audit(deps.pool, { action: 'sign-in.sso.refused', ip, details: { reason: problem } }, deps.clock.now());
      return renderProblem(res, provider, problem);
    }
    if (!claims) return renderProblem(res, provider, 'unconfirmed');

    const match = await matchStaffAccount(
      deps,
      provider.settings,
      { issuer: claims.iss, subject: claims.sub, email, emailVerified },
      ip,
    );
    if (!match.ok) return renderProblem(res, provider, match.reason);

    const { returnTo } = req.session;
    await regenerateSession(req);
    const now = deps.clock.now();
    req.session.signedInWithSso = true;
    if (usedMultiFactor(claims.amr)) {
      // The council's provider asked for a second factor: EHC Hub does not ask again.
      await inTransaction(deps.pool, async (client) => {
        await recordSignedIn(client, match.userId, now);
        await audit(
          client,
          {
            action: 'sign-in.completed',
            actorUserId: match.userId,
            subjectUserId: match.userId,
            ip,
            details: { method: 'sso', amr: claims.amr },
          },
          now,
        );
      });
      req.session.auth = { userId: match.userId, stage: 'full', signedInAt: now.getTime(), lastSeenAt: now.getTime() };
      return res.redirect(returnTo && isSafeReturnPath(returnTo) ? returnTo : paths.staff);
    }
    // Only the first factor came from the provider: EHC Hub's own code is due, as after a password.
    await audit(
      deps.pool,
      {
        action: 'sign-in.sso.first-factor',
        actorUserId: match.userId,
        subjectUserId: match.userId,
        ip,
        details: { amr: claims.amr ?? null },
      },
      now,
    );
    req.session.auth = {
      userId: match.userId,
      stage: 'password',
      signedInAt: now.getTime(),
      lastSeenAt: now.getTime(),
    };
    if (returnTo) req.session.returnTo = returnTo;
    res.redirect(match.twoFactorMethod ? paths.logInCode : paths.twoFactor);
  });

  return router;
}
