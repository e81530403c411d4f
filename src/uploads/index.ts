/**
 * Uploads any feature can use: a streaming multipart reader with per-file and per-request
 * limits, CSRF checked before any file is read, types told by content, and filenames that are
 * only ever text. See multipart.ts for the rules, and cases/documents/routes.ts for use.
 */
import type { Response } from 'express';
import { attachmentDisposition } from './filenames.js';
import type { UploadOutcome } from './multipart.js';

export { detectFileType, describeFileTypes, FILE_TYPES, type FileType, type FileTypeId } from './file-types.js';
export { attachmentDisposition, cleanUploadedName, downloadNameFor, safeDownloadName } from './filenames.js';
export {
  maxRequestBytes,
  readMultipartUpload,
  type CsrfCheck,
  type ReceivedFile,
  type RefusalReason,
  type RefusedFile,
  type UploadOutcome,
  type UploadRules,
} from './multipart.js';

/** How much more of a cut-off body is read and thrown away, and for how long after the answer. */
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 5_000;

/**
 * After a cut-off body, the answer goes out while the rest of the body is read and thrown away;
 * the connection is closed once the client stops sending, or after LINGER_BYTES or LINGER_MS.
 * Closing at once, with the client still sending, resets the connection, and a reset can wipe the
 * answer before the client has read it.
 */
export function closeConnectionIfCutOff(res: Response, outcome: UploadOutcome): void {
  if (outcome.status === 'received' || !outcome.closeConnection) return;
  const req = res.req;
  const close = () => req.socket.destroy();
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) close();
  });
  req.on('end', () => res.writableFinished && close());
  res.on('finish', () => (req.complete ? close() : setTimeout(close, LINGER_MS).unref()));
  req.resume();
}

/** Sends a stored file as a download: its real type, a cleaned name, never shown inline. */
export function sendAttachment(
  res: Response,
  file: { content: Buffer; contentType: string; downloadName: string },
): void {
  res.set({
    'Content-Type': file.contentType,
    'Content-Length': String(file.content.length),
    'Content-Disposition': attachmentDisposition(file.downloadName),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(file.content);
}
