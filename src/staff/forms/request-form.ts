import type { Request } from 'express';
import type { FeatureDeps } from '../../app.js';
import { isMultipart, readMultipartForm, type MultipartForm } from '../uploads/multipart.js';

export interface SubmittedForm {
  /** Every text field as sent (the first value of a repeated field is kept in `all`). */
  fields: Record<string, string>;
  all: Record<string, string | string[]>;
  upload?: MultipartForm;
}

/**
 * The body of a staff form, whichever way it was sent: a multipart form (with files, its CSRF
 * token checked here while streaming) or an ordinary one (checked by the app's CSRF middleware).
 */
export async function readSubmittedForm(
  req: Request,
  deps: Pick<FeatureDeps, 'isCsrfTokenValid'>,
  fileFields: Record<string, number> = {},
): Promise<SubmittedForm> {
  let all: Record<string, string | string[]>;
  let upload: MultipartForm | undefined;
  if (isMultipart(req)) {
    upload = await readMultipartForm(req, { isCsrfTokenValid: deps.isCsrfTokenValid, fileFields });
    all = upload.fields;
  } else {
    all = (req.body as Record<string, string | string[]>) ?? {};
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(all)) {
    if (name === '_csrf') continue;
    fields[name] = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
  }
  return { fields, all, upload };
}
