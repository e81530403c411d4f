import type { Request, Response } from 'express';
import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import { renderNotFound } from '../web/errors.js';
import { paths } from '../web/paths.js';
import { findMemberCase, isFamily, seesFamilyViews, type MemberCase } from './access.js';
import type { Queryable } from '../db/pool.js';
import { isUuid } from '../web/ids.js';
import { casePaths } from './paths.js';

/** A one-off success message for the next page (post-redirect-get). */
export interface CaseNotice {
  caseId: string;
  heading: string;
  lines?: string[];
}

declare module 'express-session' {
  interface SessionData {
    caseNotice?: CaseNotice;
  }
}

/** Keeps the message in the session for the next page (post-redirect-get). */
export function redirectWithNotice(req: Request, res: Response, to: string, notice: CaseNotice): void {
  req.session.caseNotice = notice;
  res.redirect(to);
}

export function takeNotice(req: Request, caseId: string): CaseNotice | undefined {
  const notice = req.session.caseNotice;
  if (!notice || notice.caseId !== caseId) return undefined;
  delete req.session.caseNotice;
  return notice;
}

/**
 * The case in the URL, if the signed-in user is an active member of it and `allowed` says the
 * member may use this page; otherwise the 404 page has been sent (the same for every refusal).
 */
export async function memberCaseOr404(
  db: Queryable,
  req: Request,
  res: Response,
  allowed: (memberCase: MemberCase) => boolean = () => true,
): Promise<MemberCase | undefined> {
  const caseId = req.params.caseId;
  const memberCase = isUuid(caseId) ? await findMemberCase(db, caseId, req.user!.id) : undefined;
  if (!memberCase || !allowed(memberCase)) {
    renderNotFound(res);
    return undefined;
  }
  return memberCase;
}

/** What every page of the family's case shows about the case: whose it is, and the links between pages. */
export function caseLocals(memberCase: MemberCase) {
  const id = memberCase.id;
  return {
    caseId: id,
    caseReference: memberCase.reference,
    childName: `${memberCase.childLastName}, ${memberCase.childFirstName}`,
    childFirstName: memberCase.childFirstName,
    isFamily: isFamily(memberCase.role),
    seesFamilyViews: seesFamilyViews(memberCase.role),
    isParent: memberCase.role === 'parent',
    links: {
      case: paths.case(id),
      request: casePaths.request(id),
      amendRequest: casePaths.amendRequest(id),
      comments: casePaths.comments(id),
      newComment: casePaths.newComment(id),
      checkComment: casePaths.checkComment(id),
      documents: casePaths.documents(id),
      uploadDocuments: casePaths.uploadDocuments(id),
      draftPlan: casePaths.draftPlan(id),
      proposedChanges: casePaths.proposedChanges(id),
    },
  };
}

/** Text as typed in a textarea, with Windows line endings made plain and the ends trimmed. */
export function normaliseText(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

export const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? undefined;

/** The audit row for a member looking at one of the case's pages (as the case and stage pages write). */
export async function auditCaseViewed(deps: Pick<FeatureDeps, 'pool' | 'clock'>, req: Request, caseId: string, page: string): Promise<void> {
  await audit(deps.pool, { action: 'case.viewed', actorUserId: req.user!.id, caseId, ip: req.ip, details: { page } }, deps.clock.now());
}
