import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import { loadCurrentUser } from './auth/current-user.js';
import { enforceSessionLimits } from './auth/session-auth.js';
import { devMailboxRoutes } from './dev-mailbox/routes.js';
import { healthRoutes } from './health/routes.js';
import { accountsRoutes } from './accounts/routes.js';
import { casesRoutes } from './cases/routes.js';
import { homeRoutes } from './home/routes.js';
import { caseUploadPaths } from './cases/paths.js';
import { familyCaseRoutes } from './cases/family-routes.js';
import { staffPaths, staffUploadPaths } from './staff/paths.js';
import { paths } from './web/paths.js';
import { staffRoutes } from './staff/routes.js';
import { twoFactorRoutes } from './two-factor/routes.js';
import { setUpCsrf } from './web/csrf.js';
import { refuseNulBytes } from './web/bad-input.js';
import { auditRefusedCaseAccess } from './audit/case-access.js';
import { errorHandler, notFoundHandler } from './web/errors.js';
import { publicAssets } from './web/assets.js';
import { GOVUK_FRONTEND_DIR, PROJECT_ROOT, setUpNunjucks } from './web/nunjucks.js';
import { requestLogging } from './web/request-logging.js';
import { cspNonce, noStore, securityHeaders } from './web/security.js';
import { showNotice } from './web/notice.js';
import { setUpSession } from './web/session.js';
import { staffSsoProvider } from './staff-sso/provider.js';
import type { AppDeps, FeatureDeps } from './deps.js';
import { staffSsoRoutes } from './staff-sso/routes.js';
import { onlineRequestRoutes } from './online-request/routes.js';
import { requestUploadPaths } from './online-request/paths.js';
import { adviceUploadPaths } from './advice/paths.js';
import { adviceRoutes } from './advice/routes.js';

export type { AppDeps, FeatureDeps } from './deps.js';

export interface App {
  express: Express;
  /** Stops background work the app started (the session pruner); the pool is the caller's. */
  close(): Promise<void>;
}

const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');

export function createApp(deps: AppDeps): App {
  const { config, pool, logger, clock } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const views = setUpNunjucks(app, config.council, { watch: config.env === 'development' });
  // The header's menu shows staff their sections on every page, not only under /staff.
  views.env.addGlobal('staffPaths', staffPaths);
  const assets = publicAssets(PUBLIC_DIR, '/public', { fingerprint: config.isProduction });
  views.env.addGlobal('asset', assets.url);
  // Every page is no-store: hashing each one for an ETag would be work for nothing. Static files
  // keep theirs (express.static makes its own).
  app.set('etag', false);

  app.use(requestLogging(logger));
  // Only for clients that accept it; pages shrink to about a sixth.
  app.use(compression());
  app.use(cspNonce);
  app.use(securityHeaders(config.isProduction));
  app.use('/assets', express.static(path.join(GOVUK_FRONTEND_DIR, 'govuk/assets'), { maxAge: '1d' }));
  app.use('/govuk-frontend', express.static(path.join(GOVUK_FRONTEND_DIR, 'govuk'), { maxAge: '1d', index: false }));
  app.use('/public', assets.middleware);
  app.use(healthRoutes(pool));

  app.use(noStore);
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }));
  app.use(refuseNulBytes);
  const session = setUpSession(pool, config.sessionSecret, config.isProduction);
  app.use(session.middleware);
  app.use(enforceSessionLimits(clock));
  app.use(showNotice);
  const csrf = setUpCsrf([...staffUploadPaths, ...caseUploadPaths, ...requestUploadPaths, ...adviceUploadPaths], {
    secret: config.sessionSecret,
    production: config.isProduction,
  });
  app.use(csrf.protect);
  app.use(csrf.exposeToken);
  app.use(loadCurrentUser(pool));
  app.use([paths.case(':caseId'), staffPaths.case(':caseId')], auditRefusedCaseAccess(pool, clock));

  const staffSso = config.staffSso && staffSsoProvider(config.staffSso, !config.isProduction);
  const features: FeatureDeps = { ...deps, isCsrfTokenValid: csrf.isCsrfTokenValid, staffSso };
  if (staffSso) app.use(staffSsoRoutes(features, staffSso));
  app.use(homeRoutes(features));
  app.use(adviceRoutes(features));
  app.use(familyCaseRoutes(features));
  app.use(casesRoutes(features));
  app.use(twoFactorRoutes(features));
  app.use(accountsRoutes(features));
  app.use(onlineRequestRoutes(features));
  app.use(staffRoutes(features));
  if (!config.isProduction) app.use(devMailboxRoutes(features));

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return {
    express: app,
    close: async () => {
      views.close();
      session.store.close();
    },
  };
}
