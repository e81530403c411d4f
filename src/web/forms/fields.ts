import { z } from 'zod';

const asString = (value: unknown) => (typeof value === 'string' ? value : '');

/** Trimmed text that must be given, up to `max` characters. */
export function requiredText(missing: string, max: number, tooLong: string) {
  return z.preprocess(asString, z.string().trim().min(1, missing).max(max, tooLong));
}

/** Trimmed text that may be left empty (then undefined), up to `max` characters. */
export function optionalText(max: number, tooLong: string) {
  return z.preprocess(asString, z.string().trim().max(max, tooLong)).transform((value) => value || undefined);
}

/** One of the given values, with the message to show when none was chosen. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, missing: string) {
  return z.preprocess(asString, z.enum(values, { error: missing }));
}

/** A checkbox: present means yes. */
export const checkbox = z.preprocess(
  (value) => value === 'yes' || (Array.isArray(value) && value.includes('yes')),
  z.boolean(),
);

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The longest address mail can be delivered to (RFC 5321's path limit, less the angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

/** An email address, trimmed and lower-cased; `missing` is the message when it is left empty. */
export function emailAddress(missing: string) {
  return z.preprocess(
    (value) => asString(value).trim().toLowerCase(),
    z
      .string()
      .min(1, missing)
      .max(MAX_EMAIL_LENGTH, `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`)
      .regex(EMAIL_SHAPE, 'Enter an email address in the correct format, like name@example.com'),
  );
}

/** Text as typed in a textarea: Windows line endings made plain and the ends trimmed. */
export function normaliseText(value: unknown): string {
  return asString(value).replace(/\r\n?/g, '\n').trim();
}

/** A textarea's text (normalised as `normaliseText`) that must be given, up to `max` characters. */
export function requiredLongText(missing: string, max: number, tooLong: string) {
  return z.preprocess(normaliseText, z.string().min(1, missing).max(max, tooLong));
}
