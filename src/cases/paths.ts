import { paths, patternRegExp } from '../web/paths.js';

/**
 * The family's pages on a case, under /cases/:caseId (the case page itself is in src/web/paths.ts).
 * Called with ':name' arguments they give the route patterns.
 */
const caseRoot = paths.case;

export const casePaths = {
  request: (caseId: string) => `${caseRoot(caseId)}/request`,
  amendRequest: (caseId: string) => `${caseRoot(caseId)}/request/amend`,
  comments: (caseId: string) => `${caseRoot(caseId)}/comments`,
  newComment: (caseId: string) => `${caseRoot(caseId)}/comments/new`,
  checkComment: (caseId: string) => `${caseRoot(caseId)}/comments/check`,
  documents: (caseId: string) => `${caseRoot(caseId)}/documents`,
  uploadDocuments: (caseId: string) => `${caseRoot(caseId)}/documents/upload`,
  removeDocument: (caseId: string, documentId: string) => `${caseRoot(caseId)}/documents/${documentId}/remove`,
  describeDocuments: (caseId: string) => `${caseRoot(caseId)}/documents/describe`,
  draftPlan: (caseId: string) => `${caseRoot(caseId)}/draft-plan`,
  proposedChanges: (caseId: string) => `${caseRoot(caseId)}/proposed-changes`,
} as const;

/** The family's upload form: its handler checks `_csrf` while reading the upload. */
export const caseUploadPaths: readonly RegExp[] = [casePaths.uploadDocuments(':caseId')].map(patternRegExp);
