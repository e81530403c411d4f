import { downloadNameFor } from '../../uploads/index.js';
import type { CaseDocument } from './data.js';
import { paths } from '../../web/paths.js';
import { documentKindLabel, documentTypeLabel } from '../../documents/labels.js';
import { casePaths } from '../paths.js';
import { timelineEntry } from '../view-format.js';
import { formatFileSize } from '../../web/format.js';

/** A document as the list shows it: its name to download, what it is, who added it and when. */
export function documentRows(caseId: string, documents: CaseDocument[], councilName: string, viewerId?: string) {
  return documents.map((document) => {
    const name = downloadNameFor(document.originalFilename, document.contentType);
    const by = document.uploadedByStaff
      ? `${document.uploadedByName} (${councilName})`
      : (document.uploadedByName ?? councilName);
    return {
      id: document.id,
      name,
      href: paths.caseDocument(caseId, document.id),
      size: formatFileSize(document.sizeBytes),
      kind: documentKindLabel(document.kind),
      type: documentTypeLabel(document.contentType),
      description: document.description ?? '',
      // The family member who uploaded it may remove it until the council has opened it.
      removeHref:
        viewerId && document.kind === 'family-upload' && document.uploadedById === viewerId && !document.openedByCouncil
          ? casePaths.removeDocument(caseId, document.id)
          : undefined,
      ...timelineEntry(by, document.uploadedAt),
    };
  });
}
