import { formatDateTime } from '../web/format.js';

/** "20th Aug 2023 at 10am" with who did it, and the same instant as an ISO timestamp for <time>. */
export function timelineEntry(byName: string | null, at: Date) {
  return { byName: byName ?? undefined, when: formatDateTime(at), whenIso: at.toISOString() };
}
