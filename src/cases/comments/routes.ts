import { Router, type Request } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { z } from 'zod';
import type { FeatureDeps } from '../../deps.js';
import { requireSignedIn } from '../../auth/current-user.js';
import { takeKeptForm } from '../../auth/session-auth.js';
import { renderWithErrors } from '../../web/forms/errors.js';
import { parseForm } from '../../web/forms/parse.js';
import { isFamily, seesFamilyViews, type MemberCase } from '../access.js';
import { commentsForMember, findDraft, MAX_COMMENT_LENGTH, saveDraft, sendDraft, type CommentDraft } from './data.js';
import { auditCaseViewed, caseLocals, memberCaseOr404 } from '../page-helpers.js';
import { redirectWithNotice } from '../../web/notice.js';
import { choice, normaliseText, requiredLongText } from '../../web/forms/fields.js';
import { casePaths } from '../paths.js';
import { timelineEntry } from '../view-format.js';

/** The form's rules; a young person's comments are always their own, so only a parent is asked whose. */
function commentSchema(memberCase: MemberCase) {
  return z.object({
    whose:
      memberCase.role === 'parent'
        ? choice(
            ['own', 'child'],
            `Select whether these are your own comments or on behalf of ${memberCase.childFirstName}`,
          )
        : z
            .unknown()
            .optional()
            .transform(() => 'own' as const),
    comment: requiredLongText(
      'Enter your comments',
      MAX_COMMENT_LENGTH,
      'Your comments must be 10,000 characters or fewer',
    ),
  });
}

/** The draft as the form sent it, valid or not (a draft keeps whatever was typed). */
function draftFromForm(body: Record<string, unknown> | undefined, memberCase: MemberCase): CommentDraft {
  const whose = body?.whose;
  const onBehalfOfChild =
    memberCase.role !== 'parent' ? false : whose === 'child' ? true : whose === 'own' ? false : null;
  return { body: normaliseText(body?.comment), onBehalfOfChild };
}

function checkDraft(draft: CommentDraft, memberCase: MemberCase) {
  const whose = draft.onBehalfOfChild === null ? undefined : draft.onBehalfOfChild ? 'child' : 'own';
  const parsed = parseForm(commentSchema(memberCase), { whose, comment: draft.body });
  return parsed.ok ? undefined : parsed.errors;
}

/** "Add comments and views": the form, check your answers, send; and the comments so far. */
export function commentsRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const familyOnly = (memberCase: MemberCase) => isFamily(memberCase.role);

  router.get(casePaths.comments(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, (c) => seesFamilyViews(c.role));
    if (!memberCase) return;
    await auditCaseViewed(deps, req, memberCase.id, 'comments');
    const comments = await commentsForMember(deps.pool, memberCase.id, req.user!.id);
    res.render('cases/comments/comments', {
      ...caseLocals(memberCase),
      comments: comments.map((comment) => ({ ...comment, ...timelineEntry(comment.authorName, comment.createdAt) })),
    });
  });

  const renderForm = (req: Request, memberCase: MemberCase, draft: CommentDraft) => ({
    ...caseLocals(memberCase),
    comment: draft.body,
    whose: draft.onBehalfOfChild === null ? undefined : draft.onBehalfOfChild ? 'child' : 'own',
    formAction: req.originalUrl,
  });

  router.get(casePaths.newComment(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, familyOnly);
    if (!memberCase) return;
    const kept = takeKeptForm(req, req.originalUrl);
    let draft = (await findDraft(deps.pool, memberCase.id, req.user!.id)) ?? { body: '', onBehalfOfChild: null };
    if (kept) {
      // Sent after the sign-in had expired: keep it now that the same user is back.
      draft = draftFromForm(kept, memberCase);
      await saveDraft(deps.pool, memberCase.id, req.user!.id, draft, deps.clock.now());
    }
    res.render('cases/comments/comment-form', renderForm(req, memberCase, draft));
  });

  router.post(casePaths.newComment(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, familyOnly);
    if (!memberCase) return;
    const draft = draftFromForm(req.body, memberCase);
    await saveDraft(deps.pool, memberCase.id, req.user!.id, draft, deps.clock.now());
    const errors = checkDraft(draft, memberCase);
    if (errors) return renderWithErrors(res, 'cases/comments/comment-form', errors, renderForm(req, memberCase, draft));
    res.redirect(casePaths.checkComment(memberCase.id));
  });

  router.get(casePaths.checkComment(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, familyOnly);
    if (!memberCase) return;
    takeKeptForm(req, req.originalUrl);
    const draft = await findDraft(deps.pool, memberCase.id, req.user!.id);
    if (!draft || checkDraft(draft, memberCase)) return res.redirect(casePaths.newComment(memberCase.id));
    res.render('cases/comments/comment-check', { ...caseLocals(memberCase), draft });
  });

  router.post(casePaths.checkComment(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, familyOnly);
    if (!memberCase) return;
    const result = await sendDraft(deps, { caseId: memberCase.id, userId: req.user!.id, ip: clientIp(req) });
    if (!result.ok) return res.redirect(casePaths.newComment(memberCase.id));
    deps.queue.nudge();
    redirectWithNotice(req, res, casePaths.comments(memberCase.id), {
      heading: 'Your comments have been sent',
      lines: [`${deps.config.council.name} will read them and take them into account.`],
    });
  });

  return router;
}
