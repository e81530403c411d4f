import { Router } from 'express';
import type { FeatureDeps } from '../deps.js';
import { accountRoutes } from './account-routes.js';
import { forgottenPasswordRoutes } from './forgotten-password-routes.js';
import { registerRoutes } from './register-routes.js';
import { resetPasswordRoutes } from './reset-password-routes.js';
import { signInRoutes } from './sign-in-routes.js';
import { signOutRoutes } from './sign-out-routes.js';

/** Accounts: registration from an invitation, sign in and out, forgotten password, the account page. */
export function accountsRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.use(signInRoutes(deps));
  router.use(registerRoutes(deps));
  router.use(forgottenPasswordRoutes(deps));
  router.use(resetPasswordRoutes(deps));
  router.use(signOutRoutes(deps));
  router.use(accountRoutes(deps));
  return router;
}
