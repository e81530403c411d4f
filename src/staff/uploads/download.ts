import type { Response } from 'express';
import type { StoredDocument } from './documents-data.js';

/** Sends a stored document as a download, never shown inline (a PDF can carry script). */
export function sendDocument(res: Response, document: StoredDocument): void {
  const ascii = document.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.setHeader('Content-Type', document.contentType);
  res.setHeader('Content-Length', String(document.content.length));
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(document.content);
}
