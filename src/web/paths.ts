/**
 * Every route path in one place, so links and redirects cannot drift from the routes: a path with
 * parameters is a function, and called with ':name' arguments it gives the route's pattern.
 */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  signOut: '/sign-out',
  signedOut: '/signed-out',
  staffSso: '/sign-in/council',
  staffSsoCallback: '/sign-in/council/callback',
  forgottenPassword: '/forgotten-password',
  resetPassword: (token: string) => `/reset-password/${token}`,
  register: (token: string) => `/register/${token}`,
  twoFactor: '/two-factor',
  twoFactorApp: '/two-factor/app',
  twoFactorSms: '/two-factor/sms',
  twoFactorSmsCode: '/two-factor/sms/code',
  twoFactorSmsResend: '/two-factor/sms/resend',
  logInCode: '/log-in-code',
  logInCodeResend: '/log-in-code/resend',
  cases: '/cases',
  case: (caseId: string) => `/cases/${caseId}`,
  caseStage: (caseId: string, stage: string) => `/cases/${caseId}/stages/${stage}`,
  caseDocument: (caseId: string, documentId: string) => `/cases/${caseId}/documents/${documentId}`,
  account: '/account',
  accountPassword: '/account/password',
  accountTwoFactor: '/account/two-factor',
  accountTwoFactorCode: '/account/two-factor/code',
  accountTwoFactorResend: '/account/two-factor/resend',
  help: '/help',
  contact: '/contact',
  accessibility: '/accessibility',
  privacy: '/privacy',
  staff: '/staff',
  devMailbox: '/dev/mailbox',
  devMailboxEmailHtml: (id: string) => `/dev/mailbox/${id}/html`,
  health: '/healthz',
  request: '/request',
  createAccount: '/create-account',
} as const;

/** A route pattern (`/cases/:caseId/...`) as a regular expression matching its paths. */
export function patternRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split(/(:\w+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${escaped.join('')}$`);
}
