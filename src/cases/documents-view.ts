/** Links to download a case's documents. */
import { downloadNameFor } from '../uploads/index.js';
import { paths } from '../web/paths.js';
import { documentTypeLabel } from '../documents/labels.js';
import type { CaseDocument } from './case-data.js';
import { formatFileSize, formatDateTime } from '../web/format.js';

export interface DocumentLink {
  href: string;
  /** The description the council gave it, or the name it downloads as. */
  text: string;
  /** 'PDF, 120 KB' */
  meta: string;
  uploaded: string;
}

export function documentLink(caseId: string, doc: CaseDocument): DocumentLink {
  const type = documentTypeLabel(doc.contentType);
  return {
    href: paths.caseDocument(caseId, doc.id),
    text: doc.description?.trim() || downloadNameFor(doc.filename, doc.contentType),
    meta: `${type}, ${formatFileSize(doc.sizeBytes)}`,
    uploaded: formatDateTime(doc.uploadedAt),
  };
}
