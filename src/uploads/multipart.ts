import busboy from 'busboy';
import type { Request } from 'express';
import { collectFile } from './collect-file.js';
import { cleanUploadedName } from './filenames.js';
import type { ReceivedFile, RefusedFile, UploadRules } from './types.js';

export type { ReceivedFile, RefusalReason, RefusedFile, UploadRules } from './types.js';

export type UploadOutcome =
  | {
      status: 'received';
      fields: Record<string, string>;
      files: ReceivedFile[];
      refused: RefusedFile[];
      /** More files were sent than maxFiles: the ones past the limit were not read. */
      tooManyFiles: boolean;
    }
  /** No valid `_csrf` before the first file: nothing was kept. */
  | { status: 'csrf-failed'; closeConnection: boolean }
  /** The request as a whole was over the limit: it was cut off there and nothing was kept. */
  | { status: 'too-large'; closeConnection: true }
  /** Not a multipart form, or a broken one. */
  | { status: 'malformed'; closeConnection: boolean };

export type CsrfCheck = (req: Request, token: string | undefined) => boolean;

const FIELD_OVERHEAD_BYTES = 1024 * 1024;

/** The most a whole request may be: every file at its limit, and the fields. */
export function maxRequestBytes(rules: UploadRules): number {
  return rules.maxFiles * rules.maxFileBytes + FIELD_OVERHEAD_BYTES;
}

/**
 * Reads a multipart/form-data upload as it streams in, keeping nothing on disk:
 * - the `_csrf` field must come before the first file (it does in a form whose hidden token is
 *   its first input) and is checked then, so no file data is read for a forged request;
 * - each file is cut off at maxFileBytes while streaming and refused, the others kept;
 * - a request larger than every file at its limit is refused without reading it all (a declared
 *   Content-Length at once, a chunked body at the limit), and the connection is to be closed;
 * - each file's type comes from its bytes (see file-types.ts), checked against allowedTypes.
 * After a refusal that leaves a small body unread, the rest is read and discarded so that the
 * client gets the answer; past the request limit the connection is closed instead.
 */
export function readMultipartUpload(
  req: Request,
  isCsrfTokenValid: CsrfCheck,
  rules: UploadRules,
): Promise<UploadOutcome> {
  const requestLimit = maxRequestBytes(rules);
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.resolve({ status: 'malformed', closeConnection: !req.complete });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > requestLimit) {
    return Promise.resolve({ status: 'too-large', closeConnection: true });
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: {
        // busboy counts a file that reaches its limit as cut off: one byte more lets a file of exactly maxFileBytes through.
        fileSize: rules.maxFileBytes + 1,
        files: rules.maxFiles,
        fields: rules.maxFields ?? 50,
        fieldSize: rules.maxFieldBytes ?? 100 * 1024,
        parts: rules.maxFiles + (rules.maxFields ?? 50),
      },
    });
  } catch {
    return Promise.resolve({ status: 'malformed', closeConnection: !req.complete });
  }

  return new Promise((resolve) => {
    const fields: Record<string, string> = {};
    const files: ReceivedFile[] = [];
    const refused: RefusedFile[] = [];
    const pendingFiles: Promise<void>[] = [];
    let tooManyFiles = false;
    let csrfChecked = false;
    let bytesRead = 0;
    // Set once the answer is known: the parser's later events are ignored.
    let stopped = false;
    let settled = false;

    const settle = (outcome: UploadOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const stopParsing = () => {
      stopped = true;
      req.unpipe(parser);
    };
    // Past the request limit nothing more is read: the caller answers and closes the connection.
    let onLimit = () => {
      stopParsing();
      req.pause();
      settle({ status: 'too-large', closeConnection: true });
    };
    // A refusal: what is left of a small body is read and thrown away, so that the client gets the answer.
    const refuse = (outcome: Extract<UploadOutcome, { status: 'csrf-failed' | 'malformed' }>) => {
      if (stopped) return;
      stopParsing();
      if (req.complete) return settle({ ...outcome, closeConnection: false });
      onLimit = () => {
        req.pause();
        settle({ ...outcome, closeConnection: true });
      };
      req.on('end', () => settle({ ...outcome, closeConnection: false }));
      req.resume();
    };

    req.on('data', (chunk: Buffer) => {
      bytesRead += chunk.length;
      if (bytesRead > requestLimit) onLimit();
    });
    req.on('close', () => {
      if (!req.complete) settle({ status: 'malformed', closeConnection: true });
    });
    req.on('error', () => settle({ status: 'malformed', closeConnection: true }));

    parser.on('field', (name, value) => {
      // PostgreSQL text cannot hold a NUL, and no form here takes one.
      if (name.includes('\0') || value.includes('\0')) return refuse({ status: 'malformed', closeConnection: false });
      if (!stopped && !(name in fields)) fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (stopped) return void stream.resume();
      if (!csrfChecked) {
        csrfChecked = true;
        if (!isCsrfTokenValid(req, fields._csrf)) {
          stream.resume();
          return refuse({ status: 'csrf-failed', closeConnection: false });
        }
      }
      const originalFilename = cleanUploadedName(info.filename);
      // An empty file input still sends a part, with no filename.
      if (name !== rules.fileField || !info.filename) return void stream.resume();
      pendingFiles.push(collectFile(stream, originalFilename, rules, files, refused));
    });
    parser.on('filesLimit', () => {
      tooManyFiles = true;
    });
    parser.on('error', () => refuse({ status: 'malformed', closeConnection: false }));
    parser.on('close', async () => {
      await Promise.all(pendingFiles);
      if (stopped) return;
      stopped = true;
      if (!csrfChecked && !isCsrfTokenValid(req, fields._csrf))
        return settle({ status: 'csrf-failed', closeConnection: false });
      settle({ status: 'received', fields, files, refused, tooManyFiles });
    });
    req.pipe(parser);
  });
}
