import type { Request, Response } from 'express';
import type { FeatureDeps } from '../../deps.js';
import {
  closeConnectionIfCutOff,
  readMultipartUpload,
  type ReceivedFile,
  type UploadRules,
} from '../../uploads/index.js';

/** Staff upload letters and plans: PDFs only (told by their content), up to 10 MB each. */
export const STAFF_PDF_MAX_BYTES = 10 * 1024 * 1024;

/** Why a field's files were refused. */
export type FileProblem = 'not-pdf' | 'too-large' | 'empty' | 'too-many';

export interface StaffUpload {
  /** All of the field's files, or none of them when one was refused (`problem` says why). */
  files: ReceivedFile[];
  problem?: FileProblem;
}

export interface SubmittedForm {
  /** Every text field as sent (the first value of a repeated field). */
  fields: Record<string, string>;
  upload?: StaffUpload;
}

/** A request the form cannot come from: the app's error handler answers it (403, 413 or 400). */
class RefusedUpload extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const PROBLEMS = { 'wrong-type': 'not-pdf', 'too-large': 'too-large', empty: 'empty' } as const;

/**
 * The body of a staff form, whichever way it was sent: a multipart form with PDFs in one file
 * field (read by src/uploads, its CSRF token checked before any file is read, each file cut off
 * at 10 MB while it streams) or an ordinary one (checked by the app's CSRF middleware).
 */
export async function readSubmittedForm(
  req: Request,
  res: Response,
  deps: Pick<FeatureDeps, 'isCsrfTokenValid'>,
  file?: { field: string; maxFiles: number },
): Promise<SubmittedForm> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) return { fields: withoutCsrf(req.body ?? {}) };
  const rules: UploadRules = {
    fileField: file?.field ?? '',
    maxFiles: file?.maxFiles ?? 1,
    maxFileBytes: STAFF_PDF_MAX_BYTES,
    allowedTypes: ['pdf'],
  };
  const outcome = await readMultipartUpload(req, deps.isCsrfTokenValid, rules);
  closeConnectionIfCutOff(res, outcome);
  if (outcome.status === 'csrf-failed') throw new RefusedUpload(403, 'Invalid CSRF token', 'EBADCSRFTOKEN');
  if (outcome.status === 'too-large') throw new RefusedUpload(413, 'Upload too large');
  if (outcome.status === 'malformed') throw new RefusedUpload(400, 'The form could not be read');
  const refused = outcome.refused[0];
  const problem: FileProblem | undefined = refused
    ? PROBLEMS[refused.reason]
    : outcome.tooManyFiles
      ? 'too-many'
      : undefined;
  return { fields: withoutCsrf(outcome.fields), upload: { files: problem ? [] : outcome.files, problem } };
}

function withoutCsrf(body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name !== '_csrf') fields[name] = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
  }
  return fields;
}
