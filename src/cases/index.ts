/**
 * What other features use of the family's case pages:
 * - familyCaseRoutes(deps): the pages (mounted in src/app.ts);
 * - casePaths: links to them from the case page;
 * - whatIsNewSince / markCaseVisited: "what is new since your last visit" on the case page
 *   (views/cases/_what-is-new.njk shows it);
 * - requestVersions, familyComments, draftPlanResponses: for council staff pages (no access
 *   check inside: the staff pages check their own).
 */
export { familyCaseRoutes } from './family-routes.js';
export { casePaths } from './paths.js';
export { whatIsNewSince, markCaseVisited, visitCase, type WhatIsNew, type NewItem } from './what-is-new/what-is-new.js';
export { requestVersions, type RequestVersion } from './request/data.js';
export { familyComments, type CaseComment } from './comments/data.js';
export { draftPlanResponses, PLAN_SECTIONS, type SentResponse } from './draft-plan/data.js';
export { sentRows } from './draft-plan/form.js';
export { PROPOSAL_WORDS } from './draft-plan/proposal-words.js';
export { proposalOf, type Proposal, type ProposalKind } from './draft-plan/proposals.js';
export { markOpenedByCouncil } from './documents/removal-data.js';
