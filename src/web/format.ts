/**
 * The one way the service writes dates, times and file sizes, on family pages, staff pages and in
 * emails: the parent guide's "8th Aug 2023" and "20th Aug 2023 at 10am", always in UK time.
 * Templates use them as filters: `{{ day | date }}`, `{{ at | dateTime }}`, `{{ bytes | fileSize }}`.
 */
import { formatGuideDate, isIsoDate } from '../ehc/index.js';

const UK_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The UK calendar date and time of an instant. */
function ukParts(at: Date): { date: string; hour: number; minute: number } {
  const parts = UK_PARTS.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    hour: Number(part('hour')),
    minute: Number(part('minute')),
  };
}

/** GOV.UK style times: '9am', '12:30pm', 'midnight', 'midday'. */
export function formatTime(hour: number, minute: number): string {
  if (minute === 0 && hour === 0) return 'midnight';
  if (minute === 0 && hour === 12) return 'midday';
  const suffix = hour < 12 ? 'am' : 'pm';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** '8th Aug 2023': a calendar day ('2023-08-08'), or the UK day of an instant; '' for none. */
export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return '';
  if (typeof date === 'string' && isIsoDate(date)) return formatGuideDate(date);
  const at = new Date(date);
  return Number.isNaN(at.getTime()) ? String(date) : formatGuideDate(ukParts(at).date);
}

/** '20th Aug 2023 at 11:15am' (UK time, summer time included); '' for none. */
export function formatDateTime(at: Date | string | null | undefined): string {
  if (!at) return '';
  const { date, hour, minute } = ukParts(new Date(at));
  return `${formatGuideDate(date)} at ${formatTime(hour, minute)}`;
}

/** '9:26am' (UK time, summer time included). */
export function formatUkTime(at: Date | string): string {
  const { hour, minute } = ukParts(new Date(at));
  return formatTime(hour, minute);
}

/** The UK calendar date of an instant, 'YYYY-MM-DD'. */
export function ukDateOf(at: Date | string): string {
  return ukParts(new Date(at)).date;
}

/** '45 bytes', '120 KB', '1.5 MB': a document's size. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
