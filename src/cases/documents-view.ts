/** Links to download a case's documents. */
import { downloadNameFor } from '../uploads/index.js';
import { paths } from '../web/paths.js';
import type { CaseDocument } from './case-data.js';
import { formatFileSize, formatGuideDateTime } from './date-time.js';

export interface DocumentLink {
  href: string;
  /** The description the council gave it, or the name it downloads as. */
  text: string;
  /** 'PDF, 120 KB' */
  meta: string;
  uploaded: string;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'text/plain': 'Text file',
};

export function documentLink(caseId: string, doc: CaseDocument): DocumentLink {
  const type = TYPE_NAMES[doc.contentType.toLowerCase()] ?? 'File';
  return {
    href: paths.caseDocument(caseId, doc.id),
    text: doc.description?.trim() || downloadNameFor(doc.filename, doc.contentType),
    meta: `${type}, ${formatFileSize(doc.sizeBytes)}`,
    uploaded: formatGuideDateTime(doc.uploadedAt),
  };
}
