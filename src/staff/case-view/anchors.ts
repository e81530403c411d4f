/** Anchors on the staff case page: the emails to staff link straight to the item. */
export const caseAnchors = {
  request: 'request',
  requestVersion: (version: number) => `request-version-${version}`,
  comments: 'comments',
  comment: (id: string) => `comment-${id}`,
  responses: 'draft-plan-responses',
  response: (id: string) => `response-${id}`,
  documents: 'documents',
  document: (id: string) => `document-${id}`,
} as const;
