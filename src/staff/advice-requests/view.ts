import type { Addendum, AdviceRequest } from '../../advice/data.js';
import { ADVICE_KIND_LABELS, ADVICE_STATUS_LABELS, ADVICE_STATUS_TAGS, adviceStatus } from '../../advice/kinds.js';
import { staffAdvicePaths } from '../../advice/paths.js';
import { formatDateTime } from '../format.js';
import { staffPaths } from '../paths.js';

/** A request as staff's pages show it: its words, status and links. */
export function staffRequestView(request: AdviceRequest, today: string, extra: { addenda?: Addendum[]; documents?: { id: string; filename: string }[] } = {}) {
  const status = adviceStatus(request, today);
  return {
    ...request,
    status,
    kindLabel: ADVICE_KIND_LABELS[request.kind],
    statusLabel: ADVICE_STATUS_LABELS[status],
    statusTag: ADVICE_STATUS_TAGS[status],
    href: staffAdvicePaths.request(request.caseId, request.id),
    withdrawHref: staffAdvicePaths.withdraw(request.caseId, request.id),
    shareHref: staffAdvicePaths.share(request.caseId, request.id),
    recordHref: staffAdvicePaths.record(request.caseId, request.id),
    addenda: (extra.addenda ?? []).map((addendum) => ({ ...addendum, createdAtText: formatDateTime(addendum.createdAt) })),
    documents: (extra.documents ?? []).map((document) => ({ ...document, href: staffPaths.caseDocument(request.caseId, document.id) })),
  };
}
