import { Router, type NextFunction, type Request, type Response } from 'express';
import { dailyDigestRoutes } from './digest/routes.js';
import type { FeatureDeps } from '../deps.js';
import { requireStaff } from '../auth/current-user.js';
import { renderNotFound } from '../web/errors.js';
import { paths } from '../web/paths.js';
import { auditTrailRoutes } from './audit-trail/routes.js';
import { documentRemovalRoutes } from './case-view/document-removal.js';
import { caseRoutes } from './case-view/routes.js';
import { casePeopleRoutes } from './case-people/routes.js';
import { caseProgressRoutes } from './case-progress/routes.js';
import { createCaseRoutes } from './create-case/routes.js';
import { notesAndDatesRoutes } from './notes-and-dates/routes.js';
import { staffPaths } from './paths.js';
import { peopleRoutes } from './people/routes.js';
import { staffAccountRoutes } from './staff-accounts/routes.js';
import { workTrayRoutes } from './work-tray/routes.js';
import { newRequestsRoutes } from './new-requests/routes.js';
import { adviceRequestRoutes } from './advice-requests/routes.js';

function staffLocals(req: Request, res: Response, next: NextFunction) {
  res.locals.staffPaths = staffPaths;
  res.locals.isAdmin = req.user?.staffRole === 'admin';
  next();
}

/**
 * Council staff pages, all under /staff and all behind requireStaff: anyone else gets a 404
 * (or, not signed in at all, the sign-in page). Every query is scoped to the staff member's council.
 */
export function staffRoutes(deps: FeatureDeps): Router {
  const staff = Router();
  staff.use(staffLocals);
  staff.use(workTrayRoutes(deps));
  staff.use(createCaseRoutes(deps));
  staff.use(caseRoutes(deps));
  staff.use(documentRemovalRoutes(deps));
  staff.use(casePeopleRoutes(deps));
  staff.use(caseProgressRoutes(deps));
  staff.use(notesAndDatesRoutes(deps));
  staff.use(auditTrailRoutes(deps));
  staff.use(adviceRequestRoutes(deps));
  staff.use(peopleRoutes(deps));
  staff.use(staffAccountRoutes(deps));
  staff.use(newRequestsRoutes(deps));
  staff.use(dailyDigestRoutes(deps));
  // Within /staff, an unknown page is a 404 like any other, only after the staff check.
  staff.use((_req: Request, res: Response) => renderNotFound(res));

  const router = Router();
  router.use(paths.staff, requireStaff, staff);
  return router;
}
