import { FILE_TYPES } from './file-types.js';

/**
 * Filenames come from the uploader's computer and are never trusted: they are stored only as
 * text (never used as a path), and cleaned again every time they are shown or sent back.
 */

const MAX_STORED_LENGTH = 255;
const MAX_DOWNLOAD_LENGTH = 120;
// Control characters and the invisible direction marks that disguise an extension; matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters Windows, macOS or a shell give a meaning to.
const RESERVED = /[\\/:*?"<>|]/g;

/** The name as it may be stored: no path, no control characters, a sane length. */
export function cleanUploadedName(raw: string | undefined): string {
  const lastPart = (raw ?? '').split(/[\\/]/).pop() ?? '';
  return lastPart.replace(CONTROL, '').trim().slice(0, MAX_STORED_LENGTH);
}

/**
 * A name safe to offer for download: only the last part, no reserved or control characters,
 * no leading dots, and the extension of the type the content really is.
 */
export function safeDownloadName(stored: string, extension: string, fallback = 'document'): string {
  let base = cleanUploadedName(stored).replace(RESERVED, '_').replace(/\s+/g, ' ');
  const dot = base.lastIndexOf('.');
  if (dot > 0) base = base.slice(0, dot);
  base = base.replace(/^[.\s]+|[.\s]+$/g, '').slice(0, MAX_DOWNLOAD_LENGTH);
  return `${base || fallback}.${extension}`;
}

/**
 * The download name for a stored file: the extension follows the stored Content-Type when it is
 * one of ours (see file-types.ts), else the cleaned name's own short alphanumeric extension.
 */
export function downloadNameFor(stored: string, contentType: string, fallback = 'document'): string {
  const known = Object.values(FILE_TYPES).find((type) => type.contentType === contentType);
  const own = /\.([a-z0-9]{1,5})$/i.exec(cleanUploadedName(stored))?.[1]?.toLowerCase();
  return safeDownloadName(stored, known?.extension ?? own ?? 'bin', fallback);
}

/** `attachment` with a plain ASCII name for old clients and the exact name (RFC 6266/5987). */
export function attachmentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/ {2,}/g, ' ')
      .replace(/["\\%;]/g, '_') || 'document';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
