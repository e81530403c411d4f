import { Router } from 'express';
import type { FeatureDeps } from '../deps.js';
import { accountTwoFactorRoutes } from './account-routes.js';
import { appSetupRoutes } from './app-setup-routes.js';
import { chooseMethodRoutes } from './choose-routes.js';
import { logInCodeRoutes } from './log-in-code-routes.js';
import './session.js';
import { smsSetupRoutes } from './sms-setup-routes.js';

/** The second factor: setting it up, entering it at every sign-in, and changing it from the account. */
export function twoFactorRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.use(chooseMethodRoutes(deps));
  router.use(appSetupRoutes(deps));
  router.use(smsSetupRoutes(deps));
  router.use(logInCodeRoutes(deps));
  router.use(accountTwoFactorRoutes(deps));
  return router;
}
