import { STAFF_PDF_MAX_BYTES, type FileProblem } from './request-form.js';
import { formatFileSize } from '../../web/format.js';

/** The GOV.UK file upload pattern's messages. */
export function fileProblemMessage(problem: FileProblem, maxFiles = 1): string {
  switch (problem) {
    case 'not-pdf':
      return 'The selected file must be a PDF';
    case 'too-large':
      return `The selected file must be smaller than ${formatFileSize(STAFF_PDF_MAX_BYTES)}`;
    case 'empty':
      return 'The selected file is empty';
    case 'too-many':
      return `Select no more than ${maxFiles} files`;
  }
}
