/** "Thursday 22 August 2024 at 3:30pm", in UK time, the way GOV.UK writes dates and times. */
export function formatUkDateTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h12',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const period = parts.dayPeriod.toLowerCase();
  let time = `${parts.hour}:${parts.minute}${period}`;
  if (parts.hour === '12' && parts.minute === '00') time = period === 'am' ? 'midnight' : 'midday';
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${time}`;
}
