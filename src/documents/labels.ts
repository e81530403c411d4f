import { FILE_TYPES } from '../uploads/index.js';

/** What a stored document is, in words: its type (from the content type stored when it was uploaded) and its kind. */

const TYPE_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(FILE_TYPES).map((type) => [type.contentType, type.label]),
);

/** 'PDF', 'PNG', 'Word document'… (the names the upload rules use); 'File' for any other type. */
export function documentTypeLabel(contentType: string | null | undefined): string {
  return TYPE_LABELS[(contentType ?? '').trim().toLowerCase()] ?? 'File';
}

const KIND_LABELS: Record<string, string> = {
  request: 'Request',
  'decision-letter': 'Decision letter',
  'draft-plan': 'Draft plan',
  'final-plan': 'Final plan',
  review: 'Annual review',
  'family-upload': 'Added by the family',
  other: 'Other',
};

/** 'Decision letter', 'Added by the family'… */
export function documentKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? 'Other';
}
