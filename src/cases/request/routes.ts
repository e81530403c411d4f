import { Router, type Request } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { z } from 'zod';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { requireSignedIn } from '../../auth/current-user.js';
import { takeKeptForm } from '../../auth/session-auth.js';
import { requesterText } from '../../ehc/index.js';
import { renderNotFound } from '../../web/errors.js';
import { formErrors, renderWithErrors } from '../../web/forms/errors.js';
import { isFamily, type MemberCase } from '../access.js';
import { documentsForMember } from '../documents/data.js';
import { documentRows } from '../documents/view.js';
import { caseLocals, memberCaseOr404 } from '../page-helpers.js';
import { redirectWithNotice } from '../../web/notice.js';
import { normaliseText, requiredLongText } from '../../web/forms/fields.js';
import { parseForm } from '../../web/forms/parse.js';
import { casePaths } from '../paths.js';
import { amendRequest, canAmendRequest, requestVersions } from './data.js';
import { timelineEntry } from '../view-format.js';
import { formatDate } from '../../web/format.js';

export const MAX_REQUEST_LENGTH = 20_000;

const amendSchema = z.object({
  requestText: requiredLongText(
    'Enter the details of the request',
    MAX_REQUEST_LENGTH,
    'The request must be 20,000 characters or fewer',
  ),
});

const AMEND_REFUSALS = {
  'not-allowed': 'The request can only be amended at the Request stage, and the case has moved on from it',
  'changed-meanwhile':
    'Someone else amended the request while you were editing it. Check the latest version, then make your changes again',
  unchanged: 'You have not changed the request. Make your changes, or go back to the request',
} as const;

/** "View request": what was asked, by whom, when, its documents and versions; and amending it. */
export function requestRoutes(deps: FeatureDeps): Router {
  const router = Router();

  router.get(casePaths.request(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res);
    if (!memberCase) return;
    const [versions, documents] = await Promise.all([
      requestVersions(deps.pool, memberCase.id),
      documentsForMember(deps.pool, memberCase.id, req.user!.id, ['request']),
    ]);
    await audit(
      deps.pool,
      { action: 'case.request.viewed', actorUserId: req.user!.id, caseId: memberCase.id, ip: clientIp(req) },
      deps.clock.now(),
    );
    res.render('cases/request/request', {
      ...caseLocals(memberCase),
      requestedBy: requesterText(memberCase.requestedBy, memberCase.requesterName),
      requesterName: memberCase.requesterName,
      requestReceived: formatDate(memberCase.requestReceived),
      requestText: memberCase.requestText,
      canAmend: canAmendRequest(memberCase),
      documents: documentRows(memberCase.id, documents, deps.config.council.name),
      versions: versions
        .map((version) => ({ ...version, ...timelineEntry(version.amendedByName, version.amendedAt) }))
        .reverse(),
    });
  });

  const amendLocals = async (req: Request, memberCase: MemberCase, text: string, basedOnVersion?: number) => ({
    ...caseLocals(memberCase),
    requestText: text,
    basedOnVersion: basedOnVersion ?? (await requestVersions(deps.pool, memberCase.id)).length,
    formAction: req.originalUrl,
  });

  router.get(casePaths.amendRequest(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, canAmendRequest);
    if (!memberCase) return;
    const kept = takeKeptForm(req, req.originalUrl);
    const text = kept ? normaliseText(kept.requestText) : memberCase.requestText;
    res.render(
      'cases/request/amend-request',
      await amendLocals(req, memberCase, text, kept ? Number(kept.basedOnVersion) : undefined),
    );
  });

  router.post(casePaths.amendRequest(':caseId'), requireSignedIn, async (req, res) => {
    const memberCase = await memberCaseOr404(deps.pool, req, res, (c) => isFamily(c.role));
    if (!memberCase) return;
    const text = normaliseText(req.body?.requestText);
    const basedOnVersion = Number(req.body?.basedOnVersion);
    const parsed = parseForm(amendSchema, req.body);
    if (!parsed.ok) {
      return renderWithErrors(
        res,
        'cases/request/amend-request',
        parsed.errors,
        await amendLocals(req, memberCase, text, basedOnVersion),
      );
    }
    const result = await amendRequest(deps, {
      caseId: memberCase.id,
      userId: req.user!.id,
      text,
      basedOnVersion,
      ip: clientIp(req),
    });
    if (!result.ok) {
      if (result.reason === 'not-found') return renderNotFound(res);
      const errors = formErrors([['requestText', AMEND_REFUSALS[result.reason]]]);
      // A newer version: show it as the one now based on, and keep what this user typed.
      return renderWithErrors(res, 'cases/request/amend-request', errors, await amendLocals(req, memberCase, text));
    }
    deps.queue.nudge();
    redirectWithNotice(req, res, casePaths.request(memberCase.id), {
      heading: 'You have amended the request',
      lines: ['The earlier version is kept, and the council can see every version.'],
    });
  });

  return router;
}
