import type { z } from 'zod';
import { withDateParts } from './dates.js';
import { formErrors, zodFormErrors, type FormErrors } from './errors.js';

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

/**
 * Parses a form body with a zod schema: either the data, or the errors to show. Date inputs named
 * in `dateFields` post `name-day`, `name-month` and `name-year`; the schema sees one
 * `{ day, month, year }` value for each (see `govukDate`).
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  dateFields: readonly string[] = [],
): { ok: true; data: z.infer<S> } | { ok: false; errors: FormErrors } {
  const input =
    dateFields.length > 0 ? withDateParts((body ?? {}) as Record<string, unknown>, dateFields) : (body ?? {});
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: linkDateFields(zodFormErrors(result.error), dateFields) };
}
