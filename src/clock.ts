export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts where it is told and moves only when asked. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(to: Date | string): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(to: Date | string) {
      current = new Date(to).getTime();
    },
  };
}

// Built once: making an Intl.DateTimeFormat costs more than a page's queries.
const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Today's calendar date in the UK, as 'YYYY-MM-DD' (the statutory dates are UK calendar days). */
export function ukToday(clock: Clock): string {
  return UK_DATE.format(clock.now());
}

/**
 * A clock that starts at `start` and runs on in real time from the moment it is made, so log in
 * codes and sessions expire as on any other day (FIXED_CLOCK in development; the screenshots).
 */
export function clockStartingAt(start: Date | string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
