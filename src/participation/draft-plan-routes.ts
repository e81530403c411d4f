import { Router, type Request } from 'express';
import type { FeatureDeps } from '../app.js';
import { requireSignedIn } from '../auth/current-user.js';
import { takeKeptForm } from '../auth/session-auth.js';
import { ukToday } from '../clock.js';
import { renderNotFound } from '../web/errors.js';
import { formErrors, type FormErrors } from '../web/form-errors.js';
import { seesFamilyViews, type MemberCase } from './case-access.js';
import { documentsForMember } from './documents-data.js';
import { documentRows } from './documents-view.js';
import { commentWindow, PLAN_SECTIONS, respondToDraftPlan, responsesForMember, type DraftPlanResponse } from './draft-plan-data.js';
import { checkResponse, formValues, responseFromForm, sentRows } from './draft-plan-form.js';
import { auditCaseViewed, caseLocals, clientIp, memberCaseOr404, redirectWithNotice, takeNotice } from './page-helpers.js';
import { participationPaths, participationRoutePatterns as routes } from './paths.js';
import { guideDate, timelineEntry } from './view-format.js';

const VIEW = 'participation/draft-plan';

/** The draft plan: comment section by section, name a school or college, ask for a meeting, or agree. */
export function draftPlanRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const hasDraft = (memberCase: MemberCase) => seesFamilyViews(memberCase.role) && Boolean(memberCase.draftPlanIssuedOn);

  async function pageLocals(req: Request, memberCase: MemberCase, values: Record<string, unknown>) {
    const window = commentWindow(memberCase, ukToday(deps.clock));
    const [documents, sent] = await Promise.all([
      documentsForMember(deps.pool, memberCase.id, req.user!.id, ['draft-plan']),
      responsesForMember(deps.pool, memberCase.id, req.user!.id),
    ]);
    const locals = caseLocals(memberCase);
    return {
      ...locals,
      values,
      formAction: req.originalUrl,
      open: window.state === 'open' && locals.isFamily,
      closed: window.state === 'closed',
      issuedOn: window.state !== 'no-draft' ? guideDate(window.issuedOn) : undefined,
      dueOn: window.state !== 'no-draft' ? guideDate(window.dueOn) : undefined,
      sections: PLAN_SECTIONS,
      documents: documentRows(memberCase.id, documents, deps.config.council.name),
      sent: sent.map((response) => ({ ...timelineEntry(response.authorName, response.createdAt), rows: sentRows(response, memberCase.childFirstName) })),
    };
  }

  const render400 = async (req: Request, res: Parameters<typeof renderNotFound>[0], memberCase: MemberCase, errors: FormErrors, response: DraftPlanResponse) =>
    res.status(400).render(VIEW, { ...(await pageLocals(req, memberCase, formValues(response))), ...errors });

  router.get(routes.draftPlan, requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, hasDraft);
    if (!memberCase) return;
    await auditCaseViewed(deps, req, memberCase.id, 'draft-plan');
    const kept = takeKeptForm(req, req.originalUrl);
    const values = kept ? formValues(responseFromForm(kept)) : {};
    res.render(VIEW, { ...(await pageLocals(req, memberCase, values)), notice: takeNotice(req, memberCase.id) });
  });

  router.post(routes.draftPlan, requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, (c) => hasDraft(c) && caseLocals(c).isFamily);
    if (!memberCase) return;
    const response = responseFromForm(req.body);
    const errors = checkResponse(response);
    if (errors) return render400(req, res, memberCase, errors, response);
    const result = await respondToDraftPlan(deps, { caseId: memberCase.id, userId: req.user!.id, response, ip: clientIp(req) });
    if (!result.ok) {
      if (result.reason === 'not-found') return renderNotFound(res);
      const window = commentWindow(memberCase, ukToday(deps.clock));
      const due = window.state === 'no-draft' ? '' : ` on ${guideDate(window.dueOn)}`;
      const errors = formErrors([['deadline', `The time to comment on the draft plan ended${due}. Your response has not been sent`]]);
      // Shown back, so that what was written is not lost even though it cannot be sent.
      const unsent = sentRows({ ...response, id: '', authorName: '', draftPlanIssuedOn: '', createdAt: deps.clock.now() }, memberCase.childFirstName);
      return res.status(400).render(VIEW, { ...(await pageLocals(req, memberCase, {})), ...errors, unsent });
    }
    deps.queue.nudge();
    redirectWithNotice(req, res, participationPaths.draftPlan(memberCase.id), {
      caseId: memberCase.id,
      heading: 'Your response to the draft plan has been sent',
      lines: [`${deps.config.council.name} will consider it before the plan is finalised.`],
    });
  });

  return router;
}
