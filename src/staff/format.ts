import { formatLongDate, isIsoDate } from '../ehc/index.js';

/** '2023-08-08' → '8 August 2023' (GOV.UK style); anything else as it is. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  return isIsoDate(date) ? formatLongDate(date) : String(date);
}

/** An instant as '8 August 2023, 3:05pm' in UK time, for timelines and the audit trail. */
export function formatDateTime(at: Date | string | null | undefined): string {
  if (!at) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h12',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`;
}
