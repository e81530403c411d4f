import { formatUkTime } from '../web/format.js';

/** What the code pages say when something is wrong. */
export const CODE_MESSAGES = {
  chooseMethod: 'Select how you want to get your code',
  emptyApp: 'Enter the verification code from your authentication app',
  emptySms: 'Enter the log in code from the text message',
  format: 'The code must be 6 digits',
  wrongApp: 'The code is not correct. Enter the code your authentication app shows now',
  usedApp: 'That code has already been used. Wait for your authentication app to show a new code, then enter it',
  wrongSms: 'The log in code is not correct. Check the text message and try again',
  alreadySetUp: 'Your account already has a way to get your code. Enter a code from it to sign in',
  expiredSms: "The log in code has expired. Select 'Resend log in code' to get a new one",
} as const;

const inMinutes = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
};

export function lockedMessage(until: Date, now: Date): string {
  return `You have entered the wrong code too many times. You can try again in ${inMinutes(until, now)}`;
}

/** When no text can be sent yet: when one can, in plain words (never "too many codes"). */
export function nextCodeMessage(at: Date, now: Date): string {
  return `We cannot send you another code yet. You can ask for a new code at ${formatUkTime(at)} (in ${inMinutes(at, now)})`;
}
