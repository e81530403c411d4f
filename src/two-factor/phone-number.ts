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
 * Reads a UK mobile number the way GOV.UK Notify does (notifications-utils' UK rule): spaces,
 * brackets, dashes and dots are ignored; 07…, 7…, +44 7…, 0044 7…, 44 7… and +44 (0)7… are the
 * same number; a UK mobile is 7 followed by 9 more digits. No numbering-plan check: a number Notify
 * would text is never refused here for looking unallocated. Gives the number in E.164.
 */
export function parseUkMobile(input: string): PhoneParse {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: PHONE_MESSAGES.empty };
  if (!/^[\d\s()+\-.]+$/.test(trimmed)) return { ok: false, error: PHONE_MESSAGES.format };
  const compact = trimmed.replace(/[\s()\-.]/g, '');
  if (compact.lastIndexOf('+') > 0) return { ok: false, error: PHONE_MESSAGES.format };
  const digits = compact.replace('+', '');
  const international = compact.startsWith('+') || digits.startsWith('00');
  const afterPrefix = digits.replace(/^00/, '');
  if (international && !afterPrefix.startsWith('44')) return { ok: false, error: PHONE_MESSAGES.foreign };
  // 44 without + or 00 is the UK's code only when what follows is a whole UK number (44 7911 555321).
  const withoutCountry =
    international || (digits.startsWith('44') && digits.length > 11) ? afterPrefix.slice(2) : digits;
  const national = withoutCountry.replace(/^0/, '');
  if (!national.startsWith('7')) {
    return {
      ok: false,
      error: /^[123]/.test(national) && national.length >= 9 ? PHONE_MESSAGES.landline : PHONE_MESSAGES.format,
    };
  }
  if (national.length < 10) return { ok: false, error: PHONE_MESSAGES.tooShort };
  if (national.length > 10) return { ok: false, error: PHONE_MESSAGES.tooLong };
  return { ok: true, e164: `+44${national}` };
}

/** The last three digits, the only part of the number the pages show. */
export function phoneEnding(e164: string): string {
  return e164.slice(-3);
}
