/** Every PDF starts with these bytes; the name and the browser's content type prove nothing. */
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export function startsLikePdf(firstBytes: Buffer): boolean {
  return firstBytes.length >= PDF_MAGIC.length && firstBytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The name shown and used on download: no path, no control characters, not too long. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(base)
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && !'"<>|:*?'.includes(c))
    .join('')
    .trim()
    .slice(0, 150);
  return cleaned || 'document.pdf';
}
