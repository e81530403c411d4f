import { z } from 'zod';
import { CODE_MESSAGES } from './messages.js';

/** The `code` field: 6 digits, with any spaces or dashes people type left out. */
export function codeForm(emptyMessage: string) {
  return z.object({
    code: z
      .string({ error: emptyMessage })
      .transform((value) => value.replace(/[\s\-–]/g, ''))
      .pipe(
        z
          .string()
          .min(1, emptyMessage)
          .regex(/^\d{6}$/, CODE_MESSAGES.format),
      ),
  });
}
