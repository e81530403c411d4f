import { Router } from 'express';
import { clientIp } from '../web/client-ip.js';
import { destroySession } from '../web/session.js';
import * as oidc from 'openid-client';
import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import { paths } from '../web/paths.js';

/** The provider's own sign-out (its end-session endpoint), when it has one, to offer after ours. */
async function providerSignOutLink(deps: FeatureDeps): Promise<string | undefined> {
  if (!deps.staffSso) return undefined;
  try {
    const configuration = await deps.staffSso.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      client_id: deps.staffSso.settings.clientId,
      post_logout_redirect_uri: `${deps.config.baseUrl}${paths.signedOut}`,
    }).href;
  } catch {
    return undefined;
  }
}

/** Sign out, and the pages that say a session has ended (by the user, or by the time limits). */
export function signOutRoutes(deps: FeatureDeps): Router {
  const router = Router();

  router.post(paths.signOut, async (req, res) => {
    const userId = req.session.auth?.userId;
    if (userId) {
      await audit(
        deps.pool,
        { action: 'sign-out', actorUserId: userId, subjectUserId: userId, ip: clientIp(req) },
        deps.clock.now(),
      );
    }
    const withSso = req.session.signedInWithSso === true;
    await destroySession(req);
    res.redirect(withSso ? `${paths.signedOut}?from=sso` : paths.signedOut);
  });

  router.get(paths.signedOut, async (req, res) => {
    // After a timeout the middleware has kept where the user was going in the (new) session,
    // so signing in again from here returns them there.
    const providerSignOut = req.query.from === 'sso' ? await providerSignOutLink(deps) : undefined;
    res.render('accounts/signed-out', {
      timedOut: req.query.reason === 'timeout',
      providerSignOut,
      providerName: deps.staffSso?.settings.name,
    });
  });

  return router;
}
