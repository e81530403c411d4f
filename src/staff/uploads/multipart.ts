import crypto from 'node:crypto';
import busboy from 'busboy';
import type { Request } from 'express';
import { MAX_UPLOAD_BYTES, safeFilename, startsLikePdf } from './pdf.js';

export interface UploadedPdf {
  filename: string;
  content: Buffer;
  sizeBytes: number;
  sha256: string;
}

/** Why a chosen file was refused. */
export type FileProblem = 'not-pdf' | 'too-large' | 'empty' | 'too-many';

export interface MultipartForm {
  fields: Record<string, string | string[]>;
  files: Record<string, UploadedPdf[]>;
  /** The first problem with each file field's files (none of that field's files is then kept). */
  fileProblems: Record<string, FileProblem>;
}

export interface MultipartOptions {
  isCsrfTokenValid: (req: Request, token: string | undefined) => boolean;
  /** The file fields the form has, with how many files each may carry. */
  fileFields: Record<string, number>;
  maxFileBytes?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

function addField(fields: MultipartForm['fields'], name: string, value: string) {
  const existing = fields[name];
  if (existing === undefined) fields[name] = value;
  else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/**
 * Reads a multipart form while it streams in. PDFs only, checked by their first bytes; a file
 * stops being kept the moment it passes the size limit (the rest of the request is read and
 * thrown away, up to a hard cap, so that the form can be shown again with its error and the
 * other fields). The `_csrf` field must come before any file: a file that arrives before a
 * valid token is not read at all, and the whole form is refused with a 403.
 */
export function readMultipartForm(req: Request, options: MultipartOptions): Promise<MultipartForm> {
  const maxFileBytes = options.maxFileBytes ?? MAX_UPLOAD_BYTES;
  const maxFiles = Object.values(options.fileFields).reduce((sum, n) => sum + n, 0);
  // Anything past this is not a form someone filled in: stop reading and drop the connection.
  const requestCap = maxFiles * (maxFileBytes + 64 * 1024) + 1024 * 1024;

  return new Promise((resolve, reject) => {
    const form: MultipartForm = { fields: {}, files: {}, fileProblems: {} };
    let csrfValid = false;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe();
      reject(error);
    };

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: maxFileBytes + 1, files: maxFiles + 5, fields: 100, fieldSize: 100 * 1024, parts: 200 },
      });
    } catch {
      return reject(new HttpError(400, 'Not a multipart form'));
    }

    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > requestCap && !settled) {
        fail(new HttpError(413, 'Upload too large'));
        req.destroy();
      }
    });

    parser.on('field', (name, value) => {
      if (name === '_csrf') csrfValid = options.isCsrfTokenValid(req, value);
      addField(form.fields, name, value);
    });

    parser.on('file', (name, stream, info) => {
      const allowed = options.fileFields[name];
      // No file chosen: browsers still send the part, with an empty name and no content.
      if (!csrfValid || allowed === undefined || info.filename === '' || info.filename === undefined) {
        stream.resume();
        return;
      }
      if ((form.files[name]?.length ?? 0) >= allowed) form.fileProblems[name] ??= 'too-many';
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = form.fileProblems[name] !== undefined;
      const hash = crypto.createHash('sha256');
      stream.on('data', (chunk: Buffer) => {
        if (refused) return;
        if (size === 0 && chunk.length >= 5 && !startsLikePdf(chunk)) {
          refused = true;
          form.fileProblems[name] ??= 'not-pdf';
          return;
        }
        size += chunk.length;
        if (size > maxFileBytes) {
          refused = true;
          chunks.length = 0;
          form.fileProblems[name] ??= 'too-large';
          return;
        }
        chunks.push(chunk);
        hash.update(chunk);
      });
      stream.on('end', () => {
        if (refused) return;
        const content = Buffer.concat(chunks);
        if (content.length === 0) {
          form.fileProblems[name] ??= 'empty';
          return;
        }
        if (stream.truncated || content.length > maxFileBytes) {
          form.fileProblems[name] ??= 'too-large';
          return;
        }
        if (!startsLikePdf(content)) {
          form.fileProblems[name] ??= 'not-pdf';
          return;
        }
        (form.files[name] ??= []).push({
          filename: safeFilename(info.filename),
          content,
          sizeBytes: content.length,
          sha256: hash.digest('hex'),
        });
      });
    });

    parser.on('error', () => fail(new HttpError(400, 'The form could not be read')));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      if (!csrfValid) return reject(new HttpError(403, 'Invalid CSRF token', 'EBADCSRFTOKEN'));
      // A field's files are all or nothing: one refused file means none of them is kept.
      for (const name of Object.keys(form.fileProblems)) delete form.files[name];
      resolve(form);
    });
    req.pipe(parser);
  });
}

export function isMultipart(req: Request): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** A form field as one string (the first value when it was sent more than once). */
export function fieldValue(form: MultipartForm, name: string): string | undefined {
  const value = form.fields[name];
  return Array.isArray(value) ? value[0] : value;
}
