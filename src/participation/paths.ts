/** The family's pages on a case, under /cases/:caseId (the case page itself belongs to src/cases). */
const caseRoot = (caseId: string) => `/cases/${caseId}`;

export const participationPaths = {
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
export const participationRoutePatterns = {
  request: participationPaths.request(':caseId'),
  amendRequest: participationPaths.amendRequest(':caseId'),
  comments: participationPaths.comments(':caseId'),
  newComment: participationPaths.newComment(':caseId'),
  checkComment: participationPaths.checkComment(':caseId'),
  documents: participationPaths.documents(':caseId'),
  uploadDocuments: participationPaths.uploadDocuments(':caseId'),
  removeDocument: participationPaths.removeDocument(':caseId', ':documentId'),
  describeDocuments: participationPaths.describeDocuments(':caseId'),
  draftPlan: participationPaths.draftPlan(':caseId'),
  proposedChanges: participationPaths.proposedChanges(':caseId'),
} as const;

/** The family's upload form: its handler checks `_csrf` while reading the upload. */
export const participationUploadPaths: readonly RegExp[] = [/^\/cases\/[^/]+\/documents\/upload$/];
