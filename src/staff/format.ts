import { formatLongDate, isIsoDate } from '../ehc/index.js';
import { ukDateTimeParts } from '../notify/templates/format.js';

/** '2023-08-08' → '8 August 2023' (GOV.UK style); anything else as it is. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  return isIsoDate(date) ? formatLongDate(date) : String(date);
}

/** An instant as '8 August 2023, 3:05pm' in UK time, for timelines and the audit trail. */
export function formatDateTime(at: Date | string | null | undefined): string {
  if (!at) return '';
  const { day, month, year, hour, minute, period } = ukDateTimeParts(at);
  return `${day} ${month} ${year}, ${hour}:${minute}${period}`;
}
