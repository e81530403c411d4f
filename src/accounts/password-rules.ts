import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dumbPasswords = require('dumb-passwords') as { check(password: string): boolean };

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

// The parent guide's words, exactly.
export const PASSWORD_MESSAGES = {
  enterPassword: 'Enter a password',
  confirmPassword: 'Confirm your password',
  tooShort: 'Passwords must be at least 8 characters long.',
  tooLong: 'Passwords must be 256 characters or fewer.',
  symbolAndCapital: 'Passwords must contain at least one symbol & one capital letter.',
  tooCommon: 'This is one of the most commonly used passwords. Choose a less common password.',
  noMatch: 'Passwords do not match.',
} as const;

export type PasswordField = 'password' | 'confirmPassword';

const SYMBOL = /[\p{P}\p{S}]/u;
const CAPITAL = /\p{Lu}/u;

/**
 * Whether a password is on the list of the 10,000 most common. The composition rules push
 * people to decorate a common word ("Password1!"), so the bare word is checked too.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const lettersAndDigits = lower.replace(/[^\p{L}\p{N}]/gu, '');
  const withoutTrailing = lower.replace(/[^\p{L}]+$/u, '');
  return [password, lower, lettersAndDigits, withoutTrailing].some(
    (candidate) => candidate.length > 0 && dumbPasswords.check(candidate),
  );
}

/** The first rule a new password breaks, or undefined when it keeps them all. */
export function passwordRuleBroken(password: string): string | undefined {
  const length = [...password].length;
  if (length === 0) return PASSWORD_MESSAGES.enterPassword;
  if (length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong;
  if (!SYMBOL.test(password) || !CAPITAL.test(password)) return PASSWORD_MESSAGES.symbolAndCapital;
  if (isCommonPassword(password)) return PASSWORD_MESSAGES.tooCommon;
  return undefined;
}

/**
 * Checks a new password and its confirmation, as the guide shows them: the rule broken by the
 * password, and "Passwords do not match." on both fields when they differ.
 */
export function newPasswordProblems(password: string, confirmPassword: string): [PasswordField, string][] {
  const problems: [PasswordField, string][] = [];
  const broken = passwordRuleBroken(password);
  if (broken) problems.push(['password', broken]);
  if (confirmPassword === '') {
    if (password !== '') problems.push(['confirmPassword', PASSWORD_MESSAGES.confirmPassword]);
  } else if (confirmPassword !== password) {
    if (!broken) problems.push(['password', PASSWORD_MESSAGES.noMatch]);
    problems.push(['confirmPassword', PASSWORD_MESSAGES.noMatch]);
  }
  return problems;
}
