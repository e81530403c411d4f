import { isAfter, type IsoDate } from '../ehc/index.js';

/** The advice a council must seek (SEND Regulations 2014, reg. 6(1)), and a setting's consultation. */
export const ADVICE_KINDS = ['educational', 'medical', 'psychological', 'social-care', 'other'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number] | 'placement';

export const ADVICE_KIND_LABELS: Record<AdviceKind, string> = {
  educational: 'Educational advice',
  medical: 'Medical advice',
  psychological: 'Psychological advice',
  'social-care': 'Social care advice',
  other: 'Other advice',
  placement: 'Consultation on a school or setting',
};

export const ADVICE_KIND_HINTS: Partial<Record<AdviceKind, string>> = {
  educational: 'Usually from the school, college or nursery',
  medical: 'From a health professional',
  psychological: 'From an educational psychologist',
  'social-care': 'From the social care team',
};

export type AdviceStatus = 'requested' | 'overdue' | 'received' | 'withdrawn';

export const ADVICE_STATUS_LABELS: Record<AdviceStatus, string> = {
  requested: 'Requested',
  overdue: 'Overdue',
  received: 'Received',
  withdrawn: 'Withdrawn',
};

export const ADVICE_STATUS_TAGS: Record<AdviceStatus, string> = {
  requested: 'govuk-tag--blue',
  overdue: 'govuk-tag--red',
  received: 'govuk-tag--green',
  withdrawn: 'govuk-tag--grey',
};

/** A request's status: it is overdue from the day after its due date (the due date itself is in time), unless exempt. */
export function adviceStatus(
  request: { withdrawnAt: Date | null; receivedOn: string | null; dueOn: IsoDate; exemption?: { kind: string } | null },
  today: IsoDate,
): AdviceStatus {
  if (request.withdrawnAt) return 'withdrawn';
  if (request.receivedOn) return 'received';
  // An exemption (reg. 8(2)) lifts the 6-week limit: the request is not overdue while it applies.
  return !request.exemption && isAfter(today, request.dueOn) ? 'overdue' : 'requested';
}
