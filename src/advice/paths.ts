import { staffPaths } from '../staff/paths.js';
import { patternRegExp } from '../web/paths.js';

/** The adviser's and setting's pages (README: `GET /advice`), and staff's advice pages under a case. */
export const advicePaths = {
  myRequests: '/advice',
  request: (requestId: string) => `/advice/${requestId}`,
  check: (requestId: string) => `/advice/${requestId}/check`,
  submit: (requestId: string) => `/advice/${requestId}/submit`,
  attachments: (requestId: string) => `/advice/${requestId}/attachments`,
  addendum: (requestId: string) => `/advice/${requestId}/addendum`,
  document: (requestId: string, documentId: string) => `/advice/${requestId}/documents/${documentId}`,
} as const;

/** The family's own advice, "All about me", on their case. */
export const allAboutMePaths = {
  form: (caseId: string) => `/cases/${caseId}/all-about-me`,
  check: (caseId: string) => `/cases/${caseId}/all-about-me/check`,
  submit: (caseId: string) => `/cases/${caseId}/all-about-me/submit`,
} as const;

const staffCase = staffPaths.case;

export const staffAdvicePaths = {
  newRequest: (caseId: string) => `${staffCase(caseId)}/advice/new`,
  newConsultation: (caseId: string) => `${staffCase(caseId)}/advice/consult`,
  request: (caseId: string, requestId: string) => `${staffCase(caseId)}/advice/${requestId}`,
  withdraw: (caseId: string, requestId: string) => `${staffCase(caseId)}/advice/${requestId}/withdraw`,
  share: (caseId: string, requestId: string) => `${staffCase(caseId)}/advice/${requestId}/share`,
  record: (caseId: string, requestId: string) => `${staffCase(caseId)}/advice/${requestId}/record`,
  exemption: (caseId: string, requestId: string) => `${staffCase(caseId)}/advice/${requestId}/exemption`,
  removeExemption: (caseId: string, requestId: string) => `${staffCase(caseId)}/advice/${requestId}/exemption/remove`,
  allAboutMe: (caseId: string) => `${staffCase(caseId)}/all-about-me`,
} as const;

/** The forms that send files: their handlers check `_csrf` while reading the upload. */
export const adviceUploadPaths: readonly RegExp[] = [
  advicePaths.attachments(':requestId'),
  staffAdvicePaths.record(':caseId', ':requestId'),
].map(patternRegExp);
