import { Router } from 'express';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import { ukToday } from '../../clock.js';
import type { FeatureDeps } from '../../deps.js';
import {
  daysBetween,
  decisionToAssessDue,
  formatGuideDate,
  isStageId,
  stageLabel,
  type IsoDate,
} from '../../ehc/index.js';
import { requestFiles } from '../../online-request/data.js';
import { completeRequest, RELATIONSHIPS } from '../../online-request/sections.js';
import { summaryRows } from '../../online-request/view-model.js';
import { downloadNameFor, sendAttachment } from '../../uploads/index.js';
import { clientIp } from '../../web/client-ip.js';
import { renderNotFound } from '../../web/errors.js';
import { isUuid } from '../../web/ids.js';
import { redirectWithNotice } from '../../web/notice.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';
import { casesForSameChild, findCouncilRequest, findCouncilRequestFile, newRequests } from './data.js';
import { createCaseFromRequest, linkRequestToCase } from './service.js';

/** "N days left" of the 6 weeks for the decision whether to assess, or how late it is. */
export function daysLeftText(submittedOn: IsoDate, today: IsoDate): string {
  const left = daysBetween(today, decisionToAssessDue(submittedOn));
  if (left > 1) return `${left} days left`;
  if (left === 1) return '1 day left';
  if (left === 0) return 'Due today';
  return `Overdue by ${-left} ${left === -1 ? 'day' : 'days'}`;
}

const linkSchema = z.object({ caseId: z.string().refine(isUuid) });

/** The council's new requests sent online: the list, one request, and making a case of it or linking it to one. */
export function newRequestsRoutes(deps: FeatureDeps): Router {
  const router = Router();

  router.get(staffPattern(staffPaths.newRequests), async (req, res) => {
    const staff = staffMemberOf(req);
    const today = ukToday(deps.clock);
    const rows = await newRequests(deps.pool, staff.councilId);
    res.render('staff/new-requests/list', {
      requests: rows.map((row) => ({
        ...row,
        requesterRole: RELATIONSHIPS[row.relationship as keyof typeof RELATIONSHIPS] ?? '',
        received: formatGuideDate(row.submittedOn),
        decisionDue: formatGuideDate(decisionToAssessDue(row.submittedOn)),
        daysLeft: daysLeftText(row.submittedOn, today),
      })),
    });
  });

  router.get(staffPattern(staffPaths.newRequest(':requestId')), async (req, res) => {
    const staff = staffMemberOf(req);
    const requestId = String(req.params.requestId);
    const request = isUuid(requestId) ? await findCouncilRequest(deps.pool, staff.councilId, requestId) : undefined;
    if (!request) return renderNotFound(res);
    const answers = completeRequest(request.answers, request.submittedOn);
    const files = await requestFiles(deps.pool, request.id);
    const matches =
      request.status === 'submitted' ? await casesForSameChild(deps.pool, staff.councilId, answers.child) : [];
    await audit(
      deps.pool,
      {
        action: 'staff.request.viewed',
        actorUserId: staff.id,
        subjectUserId: request.requester.id,
        ip: clientIp(req),
        details: { request: request.reference },
      },
      deps.clock.now(),
    );
    res.render('staff/new-requests/request', {
      request,
      childName: `${answers.child.lastName}, ${answers.child.firstName}`,
      received: formatGuideDate(request.submittedOn),
      decisionDue: formatGuideDate(decisionToAssessDue(request.submittedOn)),
      daysLeft: daysLeftText(request.submittedOn, ukToday(deps.clock)),
      sections: summaryRows(request.id, request.answers, files),
      files,
      matches: matches.map((match) => ({
        ...match,
        dateOfBirth: formatGuideDate(match.dateOfBirth),
        requestReceived: formatGuideDate(match.requestReceived),
        stage: isStageId(match.stage) ? stageLabel(match.stage) : match.stage,
      })),
    });
  });

  router.get(staffPattern(staffPaths.newRequestFile(':requestId', ':fileId')), async (req, res) => {
    const staff = staffMemberOf(req);
    const { requestId, fileId } = req.params;
    const file =
      isUuid(requestId) && isUuid(fileId)
        ? await findCouncilRequestFile(deps.pool, staff.councilId, requestId, fileId)
        : undefined;
    if (!file) return renderNotFound(res);
    sendAttachment(res, {
      content: file.content,
      contentType: file.contentType,
      downloadName: downloadNameFor(file.filename, file.contentType),
    });
  });

  router.post(staffPattern(staffPaths.createCaseFromRequest(':requestId')), async (req, res) => {
    const staff = staffMemberOf(req);
    const requestId = String(req.params.requestId);
    if (!isUuid(requestId)) return renderNotFound(res);
    const outcome = await createCaseFromRequest(deps, { staff, requestId, ip: clientIp(req) });
    if (!outcome.ok)
      return outcome.reason === 'not-found' ? renderNotFound(res) : res.redirect(staffPaths.newRequest(requestId));
    redirectWithNotice(req, res, staffPaths.case(outcome.caseId), {
      heading: `Case ${outcome.reference} created from the request sent online`,
      lines: ['The person who sent it has been added to the case and can follow it on EHC Hub.'],
    });
  });

  router.post(staffPattern(staffPaths.linkRequestToCase(':requestId')), async (req, res) => {
    const staff = staffMemberOf(req);
    const requestId = String(req.params.requestId);
    const form = linkSchema.safeParse(req.body);
    if (!isUuid(requestId) || !form.success) return renderNotFound(res);
    const outcome = await linkRequestToCase(deps, { staff, requestId, caseId: form.data.caseId, ip: clientIp(req) });
    if (!outcome.ok)
      return outcome.reason === 'not-found' ? renderNotFound(res) : res.redirect(staffPaths.newRequest(requestId));
    redirectWithNotice(req, res, staffPaths.case(outcome.caseId), {
      heading: `The request sent online has been added to case ${outcome.reference}`,
      lines: ['The person who sent it has been added to the case and can follow it on EHC Hub.'],
    });
  });

  return router;
}
