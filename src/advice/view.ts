import { EXEMPTION_LABELS } from '../ehc/index.js';
import { formatDate, formatDateTime } from '../web/format.js';
import type { Addendum, AdviceRequest } from './data.js';
import { ADVICE_KIND_LABELS, ADVICE_STATUS_LABELS, ADVICE_STATUS_TAGS, adviceStatus } from './kinds.js';

/** A request as every page shows it: its kind and status in words, and its addenda. */
export function adviceView(request: AdviceRequest, today: string, addenda: Addendum[] = []) {
  const status = adviceStatus(request, today);
  return {
    ...request,
    status,
    kindLabel: ADVICE_KIND_LABELS[request.kind],
    statusLabel: ADVICE_STATUS_LABELS[status],
    statusTag: ADVICE_STATUS_TAGS[status],
    dueOnText: formatDate(request.dueOn),
    requestedOnText: formatDate(request.requestedOn),
    receivedOnText: formatDate(request.receivedOn),
    childDateOfBirthText: formatDate(request.childDateOfBirth),
    exemptionText: request.exemption ? `Exemption: ${EXEMPTION_LABELS[request.exemption.kind]}` : undefined,
    draftSavedAtText: formatDateTime(request.draftSavedAt),
    addenda: addenda.map((addendum) => ({ ...addendum, createdAtText: formatDateTime(addendum.createdAt) })),
  };
}
