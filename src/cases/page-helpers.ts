import type { Request, Response } from 'express';
import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import { clientIp } from '../web/client-ip.js';
import { renderNotFound } from '../web/errors.js';
import { paths } from '../web/paths.js';
import { findMemberCase, isFamily, seesFamilyViews, type MemberCase } from './access.js';
import type { Queryable } from '../db/pool.js';
import { isUuid } from '../web/ids.js';
import { casePaths } from './paths.js';

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

/** The audit row for a member looking at one of the case's pages (as the case and stage pages write). */
export async function auditCaseViewed(
  deps: Pick<FeatureDeps, 'pool' | 'clock'>,
  req: Request,
  caseId: string,
  page: string,
): Promise<void> {
  await audit(
    deps.pool,
    { action: 'case.viewed', actorUserId: req.user!.id, caseId, ip: clientIp(req), details: { page } },
    deps.clock.now(),
  );
}
