import type { Queryable } from '../db/pool.js';
import { isFamily, type CaseRole } from '../cases/access.js';
import { adviceDocuments } from '../documents/data.js';
import { paths } from '../web/paths.js';
import { findAllAboutMe } from './all-about-me/data.js';
import { listAddenda, listFamilyAdvice } from './data.js';
import { allAboutMePaths } from './paths.js';
import { adviceView } from './view.js';

/**
 * What the family's Assessment stage page shows of advice: each piece staff have shared (all of
 * it once the draft plan is issued), who gave it and when, and their own All about me.
 * Nothing for anyone else on the case.
 */
export async function familyAdviceSection(
  db: Queryable,
  input: { caseId: string; role: CaseRole; currentStage: string; today: string },
) {
  if (!isFamily(input.role)) return undefined;
  const [requests, allAboutMe] = await Promise.all([
    listFamilyAdvice(db, input.caseId),
    findAllAboutMe(db, input.caseId),
  ]);
  const ids = requests.map((request) => request.id);
  const [addenda, documents] = await Promise.all([listAddenda(db, ids), adviceDocuments(db, ids)]);
  return {
    requests: requests.map((request) => ({
      ...adviceView(request, input.today, addenda.get(request.id)),
      documents: (documents.get(request.id) ?? []).map((document) => ({
        ...document,
        href: paths.caseDocument(input.caseId, document.id),
      })),
    })),
    allAboutMe: {
      href:
        allAboutMe?.submittedAt || input.currentStage === 'assessment' ? allAboutMePaths.form(input.caseId) : undefined,
      submitted: Boolean(allAboutMe?.submittedAt),
      started: Boolean(allAboutMe),
    },
  };
}
