import { z } from 'zod';
import { formErrors, parseForm, type FormErrors } from '../../web/form-errors.js';
import { withDateParts } from './dates.js';

/** A date input's error summary link goes to its first box (`name-day`), as GOV.UK asks. */
export function linkDateFields(errors: FormErrors, dateFields: readonly string[] = []): FormErrors {
  return {
    errors: errors.errors,
    errorList: errors.errorList.map((item) =>
      dateFields.includes(item.href.slice(1)) ? { ...item, href: `${item.href}-day` } : item,
    ),
  };
}

/** Errors from a service's rules, shaped like the schema's (date fields linked to their day box). */
export function ruleErrors(messages: [field: string, text: string][], dateFields: readonly string[] = []): FormErrors {
  return linkDateFields(formErrors(messages), dateFields);
}

/** Parses a staff form whose date inputs post `name-day`, `name-month` and `name-year`. */
export function parseStaffForm<S extends z.ZodType>(
  schema: S,
  body: Record<string, unknown>,
  dateFields: readonly string[] = [],
): { ok: true; data: z.infer<S> } | { ok: false; errors: FormErrors } {
  const result = parseForm(schema, withDateParts(body ?? {}, dateFields));
  return result.ok ? result : { ok: false, errors: linkDateFields(result.errors, dateFields) };
}

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
export const checkbox = z.preprocess((value) => value === 'yes' || (Array.isArray(value) && value.includes('yes')), z.boolean());
