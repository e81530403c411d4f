import { formatGuideDate } from '../ehc/index.js';
import { formatUkDateTime } from '../notify/templates/format.js';

/** "Sunday 20 August 2023 at 10:00am", with the same date as an ISO timestamp for <time>. */
export function timelineEntry(byName: string | null, at: Date) {
  return { byName: byName ?? undefined, when: formatUkDateTime(at), whenIso: at.toISOString() };
}

/** A calendar date the way the guide writes it: "8th Aug 2023". */
export const guideDate = (date: string) => formatGuideDate(date);

/** "1.2 MB", "340 KB": sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
