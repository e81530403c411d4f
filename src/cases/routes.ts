import { Router, type Request, type Response } from 'express';
import { clientIp } from '../web/client-ip.js';
import type { FeatureDeps } from '../deps.js';
import { isFamily, type CaseRole } from './access.js';
import { audit } from '../audit/audit.js';
import { requireSignedIn } from '../auth/current-user.js';
import { ukToday } from '../clock.js';
import { stageBySlug } from '../ehc/index.js';
import { markOpenedByCouncil } from './documents/removal-data.js';
import { proposalOf, type Proposal } from './draft-plan/proposals.js';
import { casePaths } from './paths.js';
import { visitCase } from './what-is-new/what-is-new.js';
import { downloadNameFor, sendAttachment } from '../uploads/index.js';
import { renderNotFound } from '../web/errors.js';
import { familyAdviceSection } from '../advice/family-view.js';
import { isAdviser } from '../advice/data.js';
import { advicePaths } from '../advice/paths.js';
import { isUuid } from '../web/ids.js';
import { paths } from '../web/paths.js';
import { findMemberDocument } from '../documents/data.js';
import { loadCaseForMember } from './case-data.js';
import { caseContext, casePageView } from './case-view.js';
import { safeContentType } from './content-type.js';
import { loadMyCases } from './dashboard-data.js';
import { dashboardView } from './dashboard-view.js';
import { stagePageView } from './stage-view.js';

/** My cases, one case, its stages and its documents: only ever for an active member of the case. */
export function casesRoutes(deps: FeatureDeps): Router {
  const { pool, clock } = deps;
  const router = Router();

  router.get(paths.cases, requireSignedIn, async (req, res) => {
    // My cases is worded for families; council staff have the work tray.
    if (req.user!.kind === 'staff') return res.redirect(paths.staff);
    const data = await loadMyCases(pool, req.user!.id, { ip: clientIp(req), at: clock.now() });
    // An adviser with no case of their own lands on their advice requests (asked only then: My cases stays one query).
    if (data.cases.length === 0 && (await isAdviser(pool, req.user!.id))) return res.redirect(advicePaths.myRequests);
    res.render('cases/dashboard', dashboardView(data, ukToday(clock), req.query.open));
  });

  /** The case for a member, or undefined (the caller answers 404) for a bad id or anyone else. */
  async function memberCase(req: Request, caseId: string) {
    const row = await loadCaseForMember(pool, caseId, req.user!.id);
    return row && caseContext(row, ukToday(clock));
  }

  function viewed(req: Request, caseId: string, page: string) {
    return audit(
      pool,
      { action: 'case.viewed', actorUserId: req.user!.id, caseId, ip: clientIp(req), details: { page } },
      clock.now(),
    );
  }

  // A path segment that is not an id is left to the routes after these (e.g. /documents/upload),
  // and otherwise ends at the same 404 page as a case that is not the user's.
  router.get(paths.case(':caseId'), requireSignedIn, async (req, res, next) => {
    const { caseId } = req.params;
    if (!isUuid(caseId)) return next();
    const ctx = await memberCase(req, caseId);
    if (!ctx) return renderNotFound(res);
    const whatIsNew = await visitCase(pool, ctx.row.id, req.user!.id, clock.now(), clientIp(req));
    res.render('cases/case', {
      view: casePageView(ctx, deps.config.council.name),
      whatIsNew,
      requestStageOver: ctx.status.currentStage.id !== 'request',
      links: familyLinks(ctx.row.id, ctx.row.my_role, ctx.status.currentStage.id === 'request', {
        draftPlan: proposalOf('draft-plan', ctx.facts, ukToday(clock)),
        amendments: proposalOf('amendments', ctx.facts, ukToday(clock)),
      }),
    });
  });

  router.get(paths.caseStage(':caseId', ':stage'), requireSignedIn, async (req, res, next) => {
    const { caseId } = req.params;
    if (!isUuid(caseId)) return next();
    const stage = stageBySlug(String(req.params.stage));
    const ctx = stage ? await memberCase(req, caseId) : undefined;
    const reached = ctx?.status.stages.find((s) => s.id === stage?.id)?.state !== 'not-reached';
    if (!ctx || !stage || !reached) return renderNotFound(res);
    await viewed(req, ctx.row.id, `stage:${stage.slug}`);
    const advice =
      stage.id === 'assessment'
        ? await familyAdviceSection(pool, {
            caseId: ctx.row.id,
            role: ctx.row.my_role,
            currentStage: ctx.status.currentStage.id,
            today: ukToday(clock),
          })
        : undefined;
    res.render('cases/stage', { caseName: ctx.name, caseHref: ctx.href, view: stagePageView(ctx, stage), advice });
  });

  // The one download route for everyone on the case (staff have their own under /staff); the
  // documents list, the stage pages and the decision letters all link here.
  router.get(paths.caseDocument(':caseId', ':documentId'), requireSignedIn, async (req, res: Response, next) => {
    const { caseId, documentId } = req.params;
    if (!isUuid(caseId) || !isUuid(documentId)) return next();
    const document = await findMemberDocument(pool, caseId, documentId, req.user!.id);
    if (!document) return renderNotFound(res);
    // A co-ordinator opening it through the family's pages has opened it for the council too.
    if (req.user!.kind === 'staff') await markOpenedByCouncil(pool, documentId, clock.now());
    await audit(
      pool,
      { action: 'document.downloaded', actorUserId: req.user!.id, caseId, ip: clientIp(req), details: { documentId } },
      clock.now(),
    );
    const contentType = safeContentType(document.contentType);
    sendAttachment(res, {
      content: document.content,
      contentType,
      downloadName: downloadNameFor(document.filename, contentType),
    });
  });

  return router;
}

/** Where the family goes from the case page to take part (the guide: read, comment, upload). */
function familyLinks(
  caseId: string,
  role: CaseRole,
  atRequestStage: boolean,
  proposals: { draftPlan?: Proposal; amendments?: Proposal },
) {
  const family = isFamily(role);
  const { draftPlan, amendments } = proposals;
  const draftPlanPage = family && draftPlan ? casePaths.draftPlan(caseId) : undefined;
  const amendmentsPage = family && amendments ? casePaths.proposedChanges(caseId) : undefined;
  return {
    request: casePaths.request(caseId),
    documents: casePaths.documents(caseId),
    comments: casePaths.comments(caseId),
    amendRequest: family && atRequestStage ? casePaths.amendRequest(caseId) : undefined,
    newComment: family ? casePaths.newComment(caseId) : undefined,
    upload: family ? casePaths.uploadDocuments(caseId) : undefined,
    // The button only while the family can still comment; afterwards the page shows what was sent.
    commentOnDraftPlan: draftPlan?.open ? draftPlanPage : undefined,
    draftPlan: draftPlanPage,
    commentOnAmendments: amendments?.open ? amendmentsPage : undefined,
    amendments: amendmentsPage,
  };
}
