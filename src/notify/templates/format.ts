export interface UkDateTimeParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
  /** 'am' or 'pm'. */
  period: string;
}

const UK_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** An instant's date and 12-hour time in UK time (GMT or BST), as words and numbers to put together. */
export function ukDateTimeParts(at: Date | string): UkDateTimeParts {
  const parts = Object.fromEntries(UK_DATE_TIME.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return {
    weekday: parts.weekday,
    day: parts.day,
    month: parts.month,
    year: parts.year,
    hour: parts.hour,
    minute: parts.minute,
    period: String(parts.dayPeriod).toLowerCase(),
  };
}

/** "Thursday 22 August 2024 at 3:30pm", in UK time, the way GOV.UK writes dates and times. */
export function formatUkDateTime(at: Date): string {
  const { weekday, day, month, year, hour, minute, period } = ukDateTimeParts(at);
  let time = `${hour}:${minute}${period}`;
  if (hour === '12' && minute === '00') time = period === 'am' ? 'midnight' : 'midday';
  return `${weekday} ${day} ${month} ${year} at ${time}`;
}
