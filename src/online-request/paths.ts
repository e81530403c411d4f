import { patternRegExp } from '../web/paths.js';

/** The online request's pages: the start page, "Create an account", and the request itself. */
const root = '/request';
const requestRoot = (requestId: string) => `${root}/${requestId}`;

export type RequestSection = 'child' | 'you' | 'reasons' | 'views' | 'evidence' | 'declaration';

export const requestPaths = {
  start: root,
  begin: `${root}/start`,
  createAccount: '/create-account',
  createPassword: (token: string) => `/create-account/${token}`,
  taskList: requestRoot,
  section: (requestId: string, section: RequestSection) => `${requestRoot(requestId)}/${section}`,
  removeFile: (requestId: string, fileId: string) => `${requestRoot(requestId)}/evidence/${fileId}/remove`,
  check: (requestId: string) => `${requestRoot(requestId)}/check`,
  sent: (requestId: string) => `${requestRoot(requestId)}/sent`,
} as const;

/** The evidence form sends files: its handler checks `_csrf` while reading the upload. */
export const requestUploadPaths: readonly RegExp[] = [requestPaths.section(':requestId', 'evidence')].map(
  patternRegExp,
);
