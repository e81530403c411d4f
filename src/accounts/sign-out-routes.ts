import { Router } from 'express';
import type { FeatureDeps } from '../app.js';
import { audit } from '../audit/audit.js';
import { paths } from '../web/paths.js';
import { clientIp, destroySession } from './session.js';

/** Sign out, and the pages that say a session has ended (by the user, or by the time limits). */
export function signOutRoutes(deps: FeatureDeps): Router {
  const router = Router();

  router.post(paths.signOut, async (req, res) => {
    const userId = req.session.auth?.userId;
    if (userId) {
      await audit(deps.pool, { action: 'sign-out', actorUserId: userId, subjectUserId: userId, ip: clientIp(req) }, deps.clock.now());
    }
    await destroySession(req);
    res.redirect(paths.signedOut);
  });

  router.get(paths.signedOut, (req, res) => {
    // After a timeout the middleware has kept where the user was going in the (new) session,
    // so signing in again from here returns them there.
    res.render('accounts/signed-out', { timedOut: req.query.reason === 'timeout' });
  });

  return router;
}
