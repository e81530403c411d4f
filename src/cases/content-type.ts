/**
 * The Content-Type a stored document is served with. It was stored when the file was uploaded,
 * but it is still sent as a header: only a plain `type/subtype` goes out as it is.
 */

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

/** The stored content type when it is a plain `type/subtype`; anything else is served as bytes. */
export function safeContentType(stored: string): string {
  return CONTENT_TYPE.test(stored.trim()) ? stored.trim().toLowerCase() : 'application/octet-stream';
}
