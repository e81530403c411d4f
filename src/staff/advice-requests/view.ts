import type { Addendum, AdviceRequest } from '../../advice/data.js';
import { staffAdvicePaths } from '../../advice/paths.js';
import { adviceView } from '../../advice/view.js';
import { staffPaths } from '../paths.js';

/** A request as staff's pages show it, with its links. */
export function staffRequestView(
  request: AdviceRequest,
  today: string,
  extra: { addenda?: Addendum[]; documents?: { id: string; filename: string }[] } = {},
) {
  return {
    ...adviceView(request, today, extra.addenda),
    href: staffAdvicePaths.request(request.caseId, request.id),
    withdrawHref: staffAdvicePaths.withdraw(request.caseId, request.id),
    shareHref: staffAdvicePaths.share(request.caseId, request.id),
    exemptionHref: staffAdvicePaths.exemption(request.caseId, request.id),
    removeExemptionHref: staffAdvicePaths.removeExemption(request.caseId, request.id),
    recordHref: staffAdvicePaths.record(request.caseId, request.id),
    documents: (extra.documents ?? []).map((document) => ({
      ...document,
      href: staffPaths.caseDocument(request.caseId, document.id),
    })),
  };
}
