import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';

export const PHONE_MESSAGES = {
  empty: 'Enter your mobile phone number',
  format: 'Enter a UK mobile phone number, like 07123456789',
  tooShort: 'The mobile phone number is too short. Enter a UK mobile phone number, like 07123456789',
  tooLong: 'The mobile phone number is too long. Enter a UK mobile phone number, like 07123456789',
  foreign: 'Enter a UK mobile phone number. We can only send text messages to UK mobile phones',
  landline: 'Enter a mobile phone number, not a landline. We can only send codes to a mobile phone',
} as const;

export type PhoneParse = { ok: true; e164: string } | { ok: false; error: string };

/**
 * Reads a UK mobile number in the usual forms (07…, +44 7…, 0044 7…, with spaces, dashes or
 * brackets) and gives it in E.164. UK numbers include the Channel Islands and the Isle of Man,
 * whose mobiles share +44 7.
 */
export function parseUkMobile(input: string): PhoneParse {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: PHONE_MESSAGES.empty };
  if (!/^[\d\s()+\-.]+$/.test(trimmed)) return { ok: false, error: PHONE_MESSAGES.format };
  const parsed = parsePhoneNumberFromString(trimmed, 'GB');
  if (!parsed) {
    const tooShort = validatePhoneNumberLength(trimmed, 'GB') === 'TOO_SHORT';
    return { ok: false, error: tooShort ? PHONE_MESSAGES.tooShort : PHONE_MESSAGES.format };
  }
  if (parsed.countryCallingCode !== '44') return { ok: false, error: PHONE_MESSAGES.foreign };
  // UK mobiles are 7 followed by 9 more digits; other UK numbers have lengths of their own.
  const national = parsed.nationalNumber.replace(/^0/, '');
  const lengthProblem = national.startsWith('7')
    ? national.length < 10
      ? 'TOO_SHORT'
      : national.length > 10
        ? 'TOO_LONG'
        : undefined
    : validatePhoneNumberLength(trimmed, 'GB');
  if (lengthProblem === 'TOO_SHORT') return { ok: false, error: PHONE_MESSAGES.tooShort };
  if (lengthProblem === 'TOO_LONG') return { ok: false, error: PHONE_MESSAGES.tooLong };
  if (!parsed.isValid()) return { ok: false, error: PHONE_MESSAGES.format };
  const type = parsed.getType();
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return { ok: false, error: PHONE_MESSAGES.landline };
  if (type !== 'MOBILE') return { ok: false, error: PHONE_MESSAGES.format };
  return { ok: true, e164: parsed.number };
}

/** The last three digits, the only part of the number the pages show. */
export function phoneEnding(e164: string): string {
  return e164.slice(-3);
}
