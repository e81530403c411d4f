import { audit } from '../../audit/audit.js';
import { clientIp } from '../../web/client-ip.js';
import { Router, type Request, type Response } from 'express';
import { redirectWithNotice } from '../../web/notice.js';
import type { FeatureDeps } from '../../deps.js';
import { EXEMPTION_KINDS, EXEMPTION_LABELS } from '../../ehc/index.js';
import { renderWithErrors } from '../../web/forms/errors.js';
import { renderNotFound } from '../../web/errors.js';
import { readSubmittedForm } from '../forms/request-form.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';
import { recordStep, stepContext } from './service.js';
import type { ProgressStep, StepContext } from './step.js';
import { stepBySlug } from './steps.js';

function pageLocals(step: ProgressStep, ctx: StepContext) {
  return {
    step,
    caseSummary: ctx.found,
    today: ctx.today,
    action: staffPaths.progress(ctx.found.id, step.slug),
    backHref: staffPaths.case(ctx.found.id),
    situation: step.situation?.(ctx),
    exemptionItems: EXEMPTION_KINDS.map((kind) => ({ value: kind, text: EXEMPTION_LABELS[kind] })),
  };
}

const noticeFor = (step: ProgressStep, familyNotified: number) =>
  `${step.title.replace(/^Record (the |an |a )?/, '').replace(/^./, (c) => c.toUpperCase())}: saved. ${
    familyNotified === 0
      ? 'No family member has an active account on this case, so no email was sent.'
      : `An email about the update has been sent to ${familyNotified === 1 ? '1 family member' : `${familyNotified} family members`}.`
  }`;

/** Moving a case on: decisions, advice, the draft and final plan, annual reviews, exemptions. */
export function caseProgressRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const path = staffPattern(staffPaths.progress(':caseId', ':step'));

  router.get(path, async (req: Request<{ caseId: string; step: string }>, res: Response) => {
    const step = stepBySlug(req.params.step);
    const ctx = step && (await stepContext(deps, staffMemberOf(req), req.params.caseId));
    if (!step || !ctx) return renderNotFound(res);
    await audit(
      deps.pool,
      {
        action: 'staff.case.viewed',
        actorUserId: staffMemberOf(req).id,
        caseId: req.params.caseId,
        ip: clientIp(req),
        details: { page: `progress:${step.slug}` },
      },
      deps.clock.now(),
    );
    res.render(step.view, {
      ...pageLocals(step, ctx),
      values: step.initialValues?.(ctx) ?? {},
      blocked: step.blocked?.(ctx),
    });
  });

  router.post(path, async (req: Request<{ caseId: string; step: string }>, res: Response) => {
    const step = stepBySlug(req.params.step);
    if (!step) return renderNotFound(res);
    const staff = staffMemberOf(req);
    const form = await readSubmittedForm(req, res, deps, step.upload && { field: step.upload.field, maxFiles: 1 });
    const result = await recordStep(deps, { staff, ip: clientIp(req), caseId: req.params.caseId, step, form });
    switch (result.outcome) {
      case 'not-found':
        return renderNotFound(res);
      case 'blocked':
        return res.redirect(staffPaths.progress(req.params.caseId, step.slug));
      case 'invalid': {
        const ctx = await stepContext(deps, staff, req.params.caseId);
        if (!ctx) return renderNotFound(res);
        return renderWithErrors(res, step.view, result.errors, { ...pageLocals(step, ctx), values: form.fields });
      }
      case 'recorded':
        return redirectWithNotice(req, res, staffPaths.case(req.params.caseId), {
          heading: noticeFor(step, result.familyNotified),
        });
    }
  });
  return router;
}
