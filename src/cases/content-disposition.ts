/**
 * `Content-Disposition: attachment` for a stored document. The original name came from a user,
 * so it is reduced to a safe base name: no path, no control characters, no quotes, bounded length;
 * non-ASCII names travel in RFC 5987's filename* with an ASCII fallback for old clients.
 */

const FALLBACK_NAME = 'document';
const MAX_LENGTH = 150;

/** Control characters (CR and LF among them), quotes, characters Windows refuses, and invisible direction marks. */
function isUnsafeCharacter(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || '"<>:|?*;'.includes(ch) || /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u.test(ch);
}

/** The name to offer for download, without directories or characters that could break a header or a file system. */
export function safeFilename(original: string): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const cleaned = Array.from(base.normalize('NFC'))
    .filter((ch) => !isUnsafeCharacter(ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return FALLBACK_NAME;
  return truncateKeepingExtension(cleaned, MAX_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const extensionChars = Array.from(extension).length;
  return Array.from(name.slice(0, name.length - extension.length)).slice(0, max - extensionChars).join('').trimEnd() + extension;
}

/** RFC 5987 value-chars: percent-encode everything but attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function attachmentHeader(originalFilename: string): string {
  const name = safeFilename(originalFilename);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

/** The stored content type when it is a plain `type/subtype`; anything else is served as bytes. */
export function safeContentType(stored: string): string {
  return CONTENT_TYPE.test(stored.trim()) ? stored.trim().toLowerCase() : 'application/octet-stream';
}
