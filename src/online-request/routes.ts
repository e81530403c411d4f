import { Router, type NextFunction, type Request, type Response } from 'express';
import { findOrCreateCouncil } from '../accounts/councils-data.js';
import type { FeatureDeps } from '../deps.js';
import { renderNotFound } from '../web/errors.js';
import { createAccountRoutes } from './account/routes.js';
import { findOrCreateDraft } from './data.js';
import { evidenceRoutes } from './evidence-routes.js';
import { requestPaths } from './paths.js';
import { requestRoutes } from './request-routes.js';

function requestLocals(_req: Request, res: Response, next: NextFunction) {
  res.locals.requestPaths = requestPaths;
  next();
}

/** Asking for an EHC needs assessment online: the start page, an account, and the request. */
export function onlineRequestRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.use(requestLocals);
  router.get(requestPaths.start, (_req, res) => res.render('online-request/start'));

  // "Start now": the person's request in writing (a new one if they have none), once signed in.
  router.get(requestPaths.begin, async (req, res) => {
    const user = req.user;
    if (!user) {
      if (req.session.auth?.stage !== 'password') req.session.returnTo = requestPaths.begin;
      return res.render('online-request/sign-in-or-create');
    }
    if (user.kind !== 'family') return renderNotFound(res);
    const councilId = await findOrCreateCouncil(deps.pool, deps.config.council.name);
    const requestId = await findOrCreateDraft(deps.pool, { userId: user.id, councilId, now: deps.clock.now() });
    res.redirect(requestPaths.taskList(requestId));
  });

  router.use(createAccountRoutes(deps));
  router.use(evidenceRoutes(deps));
  router.use(requestRoutes(deps));
  return router;
}
