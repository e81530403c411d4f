/** The words the case pages use for roles, decisions and stages of a case. */
import type { StageId } from '../ehc/index.js';

import type { CaseRole } from './access.js';

/** The order people are listed in under "Who has access". */
export const ROLE_ORDER: readonly CaseRole[] = [
  'young-person',
  'parent',
  'coordinator',
  'education-setting',
  'adviser',
];

export type DecisionKind = 'assess' | 'issue' | 'review';

export const DECISION_OUTCOME_LABELS: Record<string, string> = {
  assess: 'We decided to carry out an EHC needs assessment',
  'not-assess': 'We decided not to carry out an EHC needs assessment',
  issue: 'We decided to issue an EHC plan',
  'not-issue': 'We decided not to issue an EHC plan',
  keep: 'We decided to keep the plan as it is',
  amend: 'We decided to change (amend) the plan',
  cease: 'We decided to stop (cease) the plan',
};

export const DECISION_TITLES: Record<DecisionKind, string> = {
  assess: 'Decision whether to carry out an EHC needs assessment',
  issue: 'Decision whether to issue an EHC plan',
  review: 'Decision after the annual review',
};

/** Which documents belong to which stage page (a decision's own letter is shown with the decision). */
export const STAGE_DOCUMENT_KINDS: Record<StageId, readonly string[]> = {
  request: ['request', 'family-upload', 'other'],
  decision: ['decision-letter'],
  assessment: [],
  'draft-plan': ['draft-plan'],
  'final-plan': ['final-plan'],
  'annual-review': ['review'],
};
