import type { Response } from 'express';
import type { z } from 'zod';

export interface FieldError {
  text: string;
}

export interface FormErrors {
  /** Keyed by field name: pass `errors.<field>` as the component's errorMessage. */
  errors: Record<string, FieldError>;
  /** For the error summary, in the order of the form. */
  errorList: { text: string; href: string }[];
}

/** Builds the GOV.UK error shape from field → message pairs (first message per field wins). */
export function formErrors(messages: [field: string, text: string][]): FormErrors {
  const errors: Record<string, FieldError> = {};
  const errorList: FormErrors['errorList'] = [];
  for (const [field, text] of messages) {
    if (errors[field]) continue;
    errors[field] = { text };
    errorList.push({ text, href: `#${field}` });
  }
  return { errors, errorList };
}

export function zodFormErrors(error: z.ZodError): FormErrors {
  return formErrors(error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message]));
}

/** Shows the form again with status 400, its errors, and whatever the caller keeps of the input. */
export function renderWithErrors(
  res: Response,
  view: string,
  errors: FormErrors,
  locals: Record<string, unknown> = {},
): void {
  res.status(400).render(view, { ...locals, ...errors });
}
