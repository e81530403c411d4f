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
