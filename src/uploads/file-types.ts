import { zipEntryNames } from './zip-entries.js';

/**
 * File types told apart by their content (magic bytes), never by the name or the type the
 * browser claims: a program renamed report.pdf is still a program.
 */
export type FileTypeId = 'pdf' | 'doc' | 'docx' | 'jpeg' | 'png' | 'heic';

export interface FileType {
  id: FileTypeId;
  /** The Content-Type stored and sent on download. */
  contentType: string;
  /** The extension a download is given, whatever the uploaded name said. */
  extension: string;
  /** How the type is named to people, e.g. in "must be a PDF, Word document…". */
  label: string;
}

export const FILE_TYPES: Record<FileTypeId, FileType> = {
  pdf: { id: 'pdf', contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  doc: { id: 'doc', contentType: 'application/msword', extension: 'doc', label: 'Word document' },
  docx: {
    id: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    label: 'Word document',
  },
  jpeg: { id: 'jpeg', contentType: 'image/jpeg', extension: 'jpg', label: 'JPG' },
  png: { id: 'png', contentType: 'image/png', extension: 'png', label: 'PNG' },
  heic: { id: 'heic', contentType: 'image/heic', extension: 'heic', label: 'HEIC' },
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// An OLE2 file is Word when its directory has a stream called WordDocument (names are UTF-16LE).
const WORD_STREAM_NAME = Buffer.from('WordDocument', 'utf16le');
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const HEIF_GENERIC_BRANDS = new Set(['mif1', 'msf1']);

const startsWith = (content: Buffer, signature: Buffer) =>
  content.length >= signature.length && content.subarray(0, signature.length).equals(signature);

/**
 * The PDF standard puts `%PDF-` at the very start of the file. Acrobat also accepts it anywhere in
 * the first 1024 bytes, but that tolerance is what lets one file be a web page (or a ZIP) and a
 * PDF at once. PDFs from scanners, Word and phones start with the header, so only a byte-order
 * mark and whitespace (as some mail programs add) may come before it, and a version must follow.
 */
const PDF_HEADER = /^(?:\xEF\xBB\xBF)?[\t\n\r\f ]{0,64}%PDF-[12]\.\d/;

function isPdf(content: Buffer): boolean {
  return PDF_HEADER.test(content.toString('latin1', 0, 80));
}

function isHeic(content: Buffer): boolean {
  if (content.length < 16 || content.toString('latin1', 4, 8) !== 'ftyp') return false;
  const major = content.toString('latin1', 8, 12);
  if (HEIC_BRANDS.has(major)) return true;
  if (!HEIF_GENERIC_BRANDS.has(major)) return false;
  // A generic HEIF brand (also used by AVIF): HEIC only when a compatible brand says so.
  const boxSize = Math.min(content.readUInt32BE(0), content.length, 256);
  for (let at = 16; at + 4 <= boxSize; at += 4) {
    if (HEIC_BRANDS.has(content.toString('latin1', at, at + 4))) return true;
  }
  return false;
}

function isDocx(content: Buffer): boolean {
  if (!startsWith(content, ZIP_SIGNATURE)) return false;
  const names = zipEntryNames(content);
  return names.includes('[Content_Types].xml') && names.includes('word/document.xml');
}

function isDoc(content: Buffer): boolean {
  return startsWith(content, OLE2_SIGNATURE) && content.indexOf(WORD_STREAM_NAME) >= 0;
}

/** The type of a whole file from its bytes, or undefined when it is none of the known types. */
export function detectFileType(content: Buffer): FileType | undefined {
  if (isPdf(content)) return FILE_TYPES.pdf;
  if (startsWith(content, PNG_SIGNATURE)) return FILE_TYPES.png;
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return FILE_TYPES.jpeg;
  if (isHeic(content)) return FILE_TYPES.heic;
  if (isDocx(content)) return FILE_TYPES.docx;
  if (isDoc(content)) return FILE_TYPES.doc;
  return undefined;
}

/** "PDF, Word document, JPG, PNG or HEIC", for error messages and hints. */
export function describeFileTypes(ids: readonly FileTypeId[]): string {
  const labels = [...new Set(ids.map((id) => FILE_TYPES[id].label))];
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
