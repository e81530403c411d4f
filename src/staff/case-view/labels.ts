export const DECISION_LABELS: Record<string, { title: string; outcomes: Record<string, string> }> = {
  assess: {
    title: 'Decision whether to assess',
    outcomes: { assess: 'Carry out an EHC needs assessment', 'not-assess': 'Do not carry out an EHC needs assessment' },
  },
  issue: {
    title: 'Decision after the assessment',
    outcomes: { issue: 'Issue an EHC plan', 'not-issue': 'Do not issue an EHC plan' },
  },
  review: {
    title: 'Decision after the annual review',
    outcomes: { keep: 'Keep the plan as it is', amend: 'Amend the plan', cease: 'Stop maintaining the plan' },
  },
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  request: 'Request',
  'decision-letter': 'Decision letter',
  'draft-plan': 'Draft plan',
  'final-plan': 'Final plan',
  review: 'Annual review',
  'family-upload': 'Uploaded by the family',
  other: 'Other',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
