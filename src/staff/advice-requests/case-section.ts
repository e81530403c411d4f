import type { Queryable } from '../../db/pool.js';
import { listCaseRequests } from '../../advice/data.js';
import { staffAdvicePaths } from '../../advice/paths.js';
import { findAllAboutMe } from '../../advice/all-about-me/data.js';
import type { CouncilCase } from '../cases-data.js';
import { takesAdvice } from './service.js';
import { consulting, namedSettings } from './consultation.js';
import { staffRequestView } from './view.js';

/** The staff case page's "Advice" section: each request with its status, and what can be done. */
export async function caseAdviceSection(db: Queryable, found: CouncilCase, today: string) {
  const [requests, allAboutMe, settings] = await Promise.all([
    listCaseRequests(db, found.id),
    findAllAboutMe(db, found.id),
    consulting(found) ? namedSettings(db, found.id) : Promise.resolve([]),
  ]);
  const views = requests.map((request) => staffRequestView(request, today));
  return {
    requests: views,
    consultHref: settings.length > 0 ? staffAdvicePaths.newConsultation(found.id) : undefined,
    namedSettings: settings,
    newHref: takesAdvice(found) ? staffAdvicePaths.newRequest(found.id) : undefined,
    allAboutMe: allAboutMe?.submittedAt
      ? { submittedAt: allAboutMe.submittedAt, href: staffAdvicePaths.allAboutMe(found.id) }
      : undefined,
  };
}
