/**
 * What other features use of the family's participation:
 * - participationRoutes(deps): the pages (mounted in src/app.ts);
 * - participationPaths: links to them from the case page;
 * - whatIsNewSince / markCaseVisited: "what is new since your last visit" on the case page
 *   (views/participation/_what-is-new.njk shows it);
 * - requestVersions, familyComments, draftPlanResponses: for council staff pages (no access
 *   check inside: the staff pages check their own).
 */
export { participationRoutes } from './routes.js';
export { participationPaths } from './paths.js';
export { whatIsNewSince, markCaseVisited, visitCase, type WhatIsNew, type NewItem } from './what-is-new.js';
export { requestVersions, type RequestVersion } from './request-data.js';
export { familyComments, type CaseComment } from './comments-data.js';
export { draftPlanResponses, PLAN_SECTIONS, type SentResponse } from './draft-plan-data.js';
export { PROPOSAL_WORDS } from './proposal-words.js';
export { proposalOf, type Proposal, type ProposalKind } from './proposals.js';
export { markOpenedByCouncil } from './document-removal-data.js';
