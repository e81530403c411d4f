/** The family's pages on a case, under /cases/:caseId (the case page itself belongs to src/cases). */
const caseRoot = (caseId: string) => `/cases/${caseId}`;

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

/** The same paths as Express route patterns. */
export const caseRoutePatterns = {
  request: casePaths.request(':caseId'),
  amendRequest: casePaths.amendRequest(':caseId'),
  comments: casePaths.comments(':caseId'),
  newComment: casePaths.newComment(':caseId'),
  checkComment: casePaths.checkComment(':caseId'),
  documents: casePaths.documents(':caseId'),
  uploadDocuments: casePaths.uploadDocuments(':caseId'),
  removeDocument: casePaths.removeDocument(':caseId', ':documentId'),
  describeDocuments: casePaths.describeDocuments(':caseId'),
  draftPlan: casePaths.draftPlan(':caseId'),
  proposedChanges: casePaths.proposedChanges(':caseId'),
} as const;

/** The family's upload form: its handler checks `_csrf` while reading the upload. */
export const caseUploadPaths: readonly RegExp[] = [/^\/cases\/[^/]+\/documents\/upload$/];
