import { paths, patternRegExp } from '../web/paths.js';

/**
 * Every staff page's path, under /staff (the shared src/web/paths.ts has only the root). Called with
 * ':name' arguments they give the route patterns too, so a link and its route cannot drift apart.
 */
const root = paths.staff;
const caseRoot = (caseId: string) => `${root}/cases/${caseId}`;

export const staffPaths = {
  workTray: root,
  newCase: `${root}/cases/new`,
  case: caseRoot,
  caseAudit: (caseId: string) => `${caseRoot(caseId)}/audit`,
  caseDocument: (caseId: string, documentId: string) => `${caseRoot(caseId)}/documents/${documentId}`,
  removeDocument: (caseId: string, documentId: string) => `${caseRoot(caseId)}/documents/${documentId}/remove`,
  addPerson: (caseId: string) => `${caseRoot(caseId)}/people/add`,
  removePerson: (caseId: string, userId: string) => `${caseRoot(caseId)}/people/${userId}/remove`,
  resendCaseInvitation: (caseId: string, userId: string) => `${caseRoot(caseId)}/people/${userId}/resend-invitation`,
  progress: (caseId: string, step: string) => `${caseRoot(caseId)}/progress/${step}`,
  newNote: (caseId: string) => `${caseRoot(caseId)}/notes/new`,
  newKeyDate: (caseId: string) => `${caseRoot(caseId)}/key-dates/new`,
  people: `${root}/people`,
  person: (userId: string) => `${root}/people/${userId}`,
  personAction: (userId: string, action: 'disable' | 'enable' | 'reset-two-factor' | 'resend-invitation') =>
    `${root}/people/${userId}/${action}`,
  staffAccounts: `${root}/staff-accounts`,
  inviteStaff: `${root}/staff-accounts/invite`,
  staffRole: (userId: string) => `${root}/staff-accounts/${userId}/role`,
  newRequests: `${root}/requests`,
  newRequest: (requestId: string) => `${root}/requests/${requestId}`,
  newRequestFile: (requestId: string, fileId: string) => `${root}/requests/${requestId}/files/${fileId}`,
  createCaseFromRequest: (requestId: string) => `${root}/requests/${requestId}/create-case`,
  linkRequestToCase: (requestId: string) => `${root}/requests/${requestId}/link`,
} as const;

/** A staff path as the staff router, mounted at /staff, matches it. */
export const staffPattern = (path: string): string => path.slice(root.length) || '/';

/** The staff forms that send files: their handlers check `_csrf` while reading the upload. */
export const staffUploadPaths: readonly RegExp[] = [staffPaths.newCase, staffPaths.progress(':caseId', ':step')].map(
  patternRegExp,
);
