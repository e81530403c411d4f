import { Router } from 'express';
import type { FeatureDeps } from '../deps.js';
import { commentsRoutes } from './comments/routes.js';
import { describeDocumentsRoutes } from './documents/describe.js';
import { documentRemovalRoutes } from './documents/removal-routes.js';
import { documentsRoutes } from './documents/routes.js';
import { proposalRoutes } from './draft-plan/routes.js';
import { requestRoutes } from './request/routes.js';

/**
 * The family's part in a case, under /cases/:caseId: the request (view and amend), comments and
 * views, documents (list and upload; downloading is src/cases/routes.ts's), and the response to the
 * draft plan or to the changes proposed after an annual review.
 * Every route is behind requireSignedIn and answers 404 to anyone who is not an active member of
 * the case.
 */
export function familyCaseRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.use(requestRoutes(deps));
  router.use(commentsRoutes(deps));
  router.use(documentsRoutes(deps));
  router.use(documentRemovalRoutes(deps));
  router.use(describeDocumentsRoutes(deps));
  router.use(proposalRoutes(deps, 'draft-plan'));
  router.use(proposalRoutes(deps, 'amendments'));
  return router;
}
