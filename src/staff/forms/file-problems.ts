import type { FileProblem } from './request-form.js';

/** The GOV.UK file upload pattern's messages. */
export function fileProblemMessage(problem: FileProblem, maxFiles = 1): string {
  switch (problem) {
    case 'not-pdf':
      return 'The selected file must be a PDF';
    case 'too-large':
      return 'The selected file must be smaller than 10MB';
    case 'empty':
      return 'The selected file is empty';
    case 'too-many':
      return `Select no more than ${maxFiles} files`;
  }
}
