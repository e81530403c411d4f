import { describeFileTypes, type RefusedFile, type UploadOutcome, type UploadRules } from '../../uploads/index.js';
import type { FieldError } from '../../web/forms/errors.js';
import { normaliseText, requiredLongText } from '../../web/forms/fields.js';
import { formatFileSize } from '../../web/format.js';

const MB = 1024 * 1024;

/** What a family may upload: PDF, Word, JPEG, PNG, HEIC; 10 MB a file; 10 files at a time. */
export const FAMILY_UPLOAD_RULES: UploadRules = {
  fileField: 'documents',
  maxFileBytes: 10 * MB,
  maxFiles: 10,
  allowedTypes: ['pdf', 'doc', 'docx', 'jpeg', 'png', 'heic'],
  maxFields: 10,
  maxFieldBytes: 16 * 1024,
};

const TYPES = describeFileTypes(FAMILY_UPLOAD_RULES.allowedTypes);
const SIZE = formatFileSize(FAMILY_UPLOAD_RULES.maxFileBytes);
export const MAX_DESCRIPTION_LENGTH = 500;

const descriptionField = requiredLongText(
  'Enter a description of the documents',
  MAX_DESCRIPTION_LENGTH,
  `The description must be ${MAX_DESCRIPTION_LENGTH} characters or fewer`,
);

export const UPLOAD_HINT = `Each file must be a ${TYPES} file, and smaller than ${SIZE}. You can upload up to ${FAMILY_UPLOAD_RULES.maxFiles} files at a time.`;

export interface UploadFormErrors {
  errors: Record<string, FieldError>;
  errorList: { text: string; href: string }[];
  /** One line for each file refused, shown by the file input. */
  fileErrors: string[];
}

const named = (file: RefusedFile) => (file.originalFilename ? `“${file.originalFilename}”` : 'The selected file');

function refusalMessage(file: RefusedFile): string {
  switch (file.reason) {
    case 'wrong-type':
      return `${named(file)} must be a ${TYPES} file`;
    case 'too-large':
      return `${named(file)} must be smaller than ${SIZE}`;
    case 'empty':
      return `${named(file)} is empty`;
  }
}

/** The error summary and messages: for the description, then one for each refused file. */
export function uploadErrors(
  refused: RefusedFile[],
  other: { description?: string; documents?: string; tooLarge?: boolean } = {},
): UploadFormErrors {
  const fileErrors = refused.map(refusalMessage);
  if (other.documents) fileErrors.unshift(other.documents);
  if (other.tooLarge) {
    fileErrors.unshift(
      `The selected files must each be smaller than ${SIZE}, and you can upload up to ${FAMILY_UPLOAD_RULES.maxFiles} at a time. Nothing was uploaded`,
    );
  }
  const errors: Record<string, FieldError> = {};
  const errorList: UploadFormErrors['errorList'] = [];
  if (other.description) {
    errors.description = { text: other.description };
    errorList.push({ text: other.description, href: '#description' });
  }
  if (fileErrors.length > 0) {
    errors.documents = { text: fileErrors.join('. ') };
    for (const text of fileErrors) errorList.push({ text, href: '#documents' });
  }
  return { errors, errorList, fileErrors };
}

/** Checks the form around the files; the files themselves were checked while they streamed in. */
export function checkUploadForm(
  outcome: Extract<UploadOutcome, { status: 'received' }>,
): { ok: true; description: string } | { ok: false; description: string; errors: UploadFormErrors } {
  const description = normaliseText(outcome.fields.description);
  const checked = descriptionField.safeParse(description);
  const descriptionError = checked.success ? undefined : checked.error.issues[0]?.message;
  let documentsError: string | undefined;
  if (outcome.tooManyFiles) documentsError = `Select up to ${FAMILY_UPLOAD_RULES.maxFiles} files at a time`;
  else if (outcome.files.length === 0 && outcome.refused.length === 0) documentsError = 'Select a file to upload';

  if (!descriptionError && !documentsError && outcome.files.length > 0) return { ok: true, description };
  return {
    ok: false,
    description,
    errors: uploadErrors(outcome.refused, { description: descriptionError, documents: documentsError }),
  };
}
