import { Router, type Request, type Response } from 'express';
import { clientIp } from '../../web/client-ip.js';
import type { FeatureDeps } from '../../deps.js';
import { requireSignedIn } from '../../auth/current-user.js';
import { takeKeptForm } from '../../auth/session-auth.js';
import { ukToday } from '../../clock.js';
import { renderNotFound } from '../../web/errors.js';
import { formErrors, type FormErrors } from '../../web/forms/errors.js';
import { parseForm } from '../../web/forms/parse.js';
import { seesFamilyViews, type MemberCase } from '../access.js';
import { memberCaseFacts } from '../member-facts.js';
import { documentsForMember } from '../documents/data.js';
import { documentRows } from '../documents/view.js';
import { PLAN_SECTIONS, respondToProposal, responsesForMember, type DraftPlanResponse } from './data.js';
import { formValues, responseFromForm, responseSchema, sentRows } from './form.js';
import { auditCaseViewed, caseLocals, memberCaseOr404 } from '../page-helpers.js';
import { redirectWithNotice } from '../../web/notice.js';
import { casePaths } from '../paths.js';
import { PROPOSAL_WORDS } from './proposal-words.js';
import { proposalOf, type Proposal, type ProposalKind } from './proposals.js';
import { timelineEntry } from '../view-format.js';
import { formatDate } from '../../web/format.js';

const VIEW = 'cases/draft-plan/draft-plan';

const PAGE = {
  'draft-plan': { pattern: casePaths.draftPlan(':caseId'), path: casePaths.draftPlan },
  amendments: { pattern: casePaths.proposedChanges(':caseId'), path: casePaths.proposedChanges },
} as const;

/**
 * The draft plan, and the changes proposed to a plan after an annual review: the family comments
 * section by section, names a school or college, asks for a meeting, or agrees, within 15 days.
 */
export function proposalRoutes(deps: FeatureDeps, kind: ProposalKind): Router {
  const router = Router();
  const words = PROPOSAL_WORDS[kind];
  const { pattern, path } = PAGE[kind];

  /** The case and what it proposes, or undefined after a 404 (nothing proposed, or not theirs). */
  async function loadOr404(req: Request, res: Response, familyOnly: boolean) {
    const memberCase = await memberCaseOr404(
      deps.pool,
      req,
      res,
      (c) => seesFamilyViews(c.role) && (!familyOnly || caseLocals(c).isFamily),
    );
    if (!memberCase) return undefined;
    const proposal = proposalOf(kind, await memberCaseFacts(deps.pool, memberCase), ukToday(deps.clock));
    if (!proposal) return void renderNotFound(res);
    return { memberCase, proposal };
  }

  async function pageLocals(req: Request, memberCase: MemberCase, proposal: Proposal, values: Record<string, unknown>) {
    const [documents, sent] = await Promise.all([
      documentsForMember(deps.pool, memberCase.id, req.user!.id, words.documentKinds),
      responsesForMember(deps.pool, memberCase.id, req.user!.id, kind),
    ]);
    const locals = caseLocals(memberCase);
    return {
      ...locals,
      words,
      values,
      formAction: req.originalUrl,
      open: proposal.open && locals.isFamily,
      closed: !proposal.open,
      sentSentence: words.sentSentence(memberCase.childFirstName, formatDate(proposal.sentOn)),
      dueOn: formatDate(proposal.dueOn),
      endedOn: formatDate(proposal.endedOn),
      endedByPlan: proposal.endedByPlan,
      sections: PLAN_SECTIONS,
      documents: documentRows(memberCase.id, documents, deps.config.council.name),
      sent: sent
        // A later year's proposed changes are answered afresh; a draft plan's re-dated issue keeps its answers.
        .filter((response) => kind === 'draft-plan' || response.sentOn === proposal.sentOn)
        .map((response) => ({
          ...timelineEntry(response.authorName, response.createdAt),
          rows: sentRows(response, memberCase.childFirstName, words),
        })),
    };
  }

  const render400 = async (
    req: Request,
    res: Response,
    found: { memberCase: MemberCase; proposal: Proposal },
    errors: FormErrors,
    response: DraftPlanResponse,
  ) =>
    res
      .status(400)
      .render(VIEW, { ...(await pageLocals(req, found.memberCase, found.proposal, formValues(response))), ...errors });

  router.get(pattern, requireSignedIn, async (req, res) => {
    const found = await loadOr404(req, res, false);
    if (!found) return;
    await auditCaseViewed(deps, req, found.memberCase.id, found.proposal.kind);
    const kept = takeKeptForm(req, req.originalUrl);
    const values = kept ? formValues(responseFromForm(kept)) : {};
    res.render(VIEW, await pageLocals(req, found.memberCase, found.proposal, values));
  });

  router.post(pattern, requireSignedIn, async (req, res) => {
    const found = await loadOr404(req, res, true);
    if (!found) return;
    const { memberCase } = found;
    const parsed = parseForm(responseSchema(words), req.body);
    if (!parsed.ok) return render400(req, res, found, parsed.errors, responseFromForm(req.body));
    const response = parsed.data;
    const result = await respondToProposal(deps, {
      kind,
      caseId: memberCase.id,
      userId: req.user!.id,
      response,
      ip: clientIp(req),
    });
    if (!result.ok) {
      if (result.reason === 'not-found') return renderNotFound(res);
      const now = proposalOf(kind, await memberCaseFacts(deps.pool, memberCase), ukToday(deps.clock)) ?? found.proposal;
      const ended = formErrors([
        [
          'deadline',
          `The time to comment on ${words.thing} ended on ${formatDate(now.endedOn)}. Your response has not been sent`,
        ],
      ]);
      // Shown back, so that what was written is not lost even though it cannot be sent.
      const unsent = sentRows(response, memberCase.childFirstName, words);
      return res.status(400).render(VIEW, { ...(await pageLocals(req, memberCase, now, {})), ...ended, unsent });
    }
    deps.queue.nudge();
    redirectWithNotice(req, res, path(memberCase.id), {
      heading: `Your response to ${words.thing} has been sent`,
      lines: [`${deps.config.council.name} will consider it before issuing ${words.nextPlan}.`],
    });
  });

  return router;
}
