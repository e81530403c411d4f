import { Router, type Request } from 'express';
import { clientIp } from '../../web/client-ip.js';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { ukToday } from '../../clock.js';
import { downloadNameFor, sendAttachment } from '../../uploads/index.js';
import { renderNotFound } from '../../web/errors.js';
import { factsOf, findCouncilCase } from '../cases-data.js';
import { listKeyDates, listNotes } from '../notes-and-dates/data.js';
import { isUuid } from '../../web/ids.js';
import { staffMemberOf } from '../staff-member.js';
import { markOpenedByCouncil } from '../../cases/index.js';
import { councilCaseDocuments, findCouncilDocument } from '../../documents/data.js';
import { draftPlanResponses, familyComments, requestVersions } from '../../cases/index.js';
import { listDecisions, listMembers, recordStaffLook } from './data.js';
import { casePageModel } from './view-model.js';
import { staffPaths, staffPattern } from '../paths.js';
import { caseAdviceSection } from '../advice-requests/case-section.js';

/** The staff case page and its documents. */
export function caseRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const { pool } = deps;

  router.get(staffPattern(staffPaths.case(':caseId')), async (req: Request<{ caseId: string }>, res) => {
    const staff = staffMemberOf(req);
    const found = await findCouncilCase(pool, staff.councilId, req.params.caseId);
    if (!found) return renderNotFound(res);
    const [facts, members, decisions, documents, notes, keyDates, versions, comments, responses, advice] =
      await Promise.all([
        factsOf(pool, found),
        listMembers(pool, found.id),
        listDecisions(pool, found.id),
        councilCaseDocuments(pool, found.id),
        listNotes(pool, found.id),
        listKeyDates(pool, found.id),
        requestVersions(pool, found.id),
        familyComments(pool, found.id),
        draftPlanResponses(pool, found.id),
        caseAdviceSection(pool, found, ukToday(deps.clock)),
      ]);
    await audit(
      pool,
      { action: 'staff.case.viewed', actorUserId: staff.id, caseId: found.id, ip: clientIp(req) },
      deps.clock.now(),
    );
    const lastLooked = await recordStaffLook(pool, staff.id, found.id, deps.clock.now());
    res.render('staff/case', {
      ...casePageModel({
        found,
        facts,
        today: ukToday(deps.clock),
        members,
        decisions,
        documents,
        notes,
        keyDates,
        versions,
        comments,
        responses,
        viewerId: staff.id,
        lastLooked,
      }),
      advice,
    });
  });

  router.get(
    staffPattern(staffPaths.caseDocument(':caseId', ':documentId')),
    async (req: Request<{ caseId: string; documentId: string }>, res) => {
      const staff = staffMemberOf(req);
      const { caseId, documentId } = req.params;
      if (!isUuid(caseId) || !isUuid(documentId)) return renderNotFound(res);
      const document = await findCouncilDocument(pool, staff.councilId, caseId, documentId);
      if (!document) return renderNotFound(res);
      await markOpenedByCouncil(pool, documentId, deps.clock.now());
      await audit(
        pool,
        {
          action: 'staff.document.downloaded',
          actorUserId: staff.id,
          caseId,
          ip: clientIp(req),
          details: { documentId, filename: document.filename },
        },
        deps.clock.now(),
      );
      sendAttachment(res, {
        content: document.content,
        contentType: document.contentType,
        downloadName: downloadNameFor(document.filename, document.contentType),
      });
    },
  );
  return router;
}
