import { z } from 'zod';
import { isAfter, isBefore, isIsoDate, type IsoDate } from '../../ehc/index.js';
import { formatDate } from '../format.js';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** What a govukDateInput named `name` posts: `name-day`, `name-month`, `name-year`. */
export function datePartsFrom(body: Record<string, unknown>, name: string): DateParts {
  const part = (key: string) =>
    typeof body[`${name}-${key}`] === 'string' ? String(body[`${name}-${key}`]).trim() : '';
  return { day: part('day'), month: part('month'), year: part('year') };
}

export interface DateRules {
  /** How the date is named in a message that starts with it, e.g. 'Date of the decision'. */
  label: string;
  /** The message when nothing is entered, e.g. 'Enter the date of the decision'. */
  missing: string;
  /** Refuse a date after this day (usually today: letters are not sent in the future). */
  notAfter?: IsoDate;
  /** Refuse a date before this day, with what it is, e.g. ['2023-08-08', 'the date the request was received']. */
  notBefore?: [IsoDate, string];
  optional?: boolean;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Accepts 8, 08 or a month name ('Aug', 'August') as the GOV.UK pattern asks. */
function monthNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = MONTH_NAMES.indexOf(text.slice(0, 3).toLowerCase());
  return index >= 0 && /^[a-z]+$/i.test(text) ? index + 1 : NaN;
}

/** The GOV.UK date input pattern's checks, in its order; the result is 'YYYY-MM-DD'. */
export function checkDate(parts: DateParts, rules: DateRules): { date?: IsoDate; error?: string } {
  const missing = (['day', 'month', 'year'] as const).filter((key) => parts[key] === '');
  if (missing.length === 3) return rules.optional ? {} : { error: rules.missing };
  if (missing.length > 0) return { error: `${rules.label} must include a ${missing.join(' and a ')}` };
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const month = monthNumber(parts.month);
  const year = /^\d{4}$/.test(parts.year) ? Number(parts.year) : NaN;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (Number.isNaN(day) || Number.isNaN(month) || Number.isNaN(year) || year < 1900 || !isIsoDate(date)) {
    return { error: `${rules.label} must be a real date` };
  }
  if (rules.notAfter && isAfter(date, rules.notAfter)) return { error: `${rules.label} must be today or in the past` };
  if (rules.notBefore && isBefore(date, rules.notBefore[0])) {
    return {
      error: `${rules.label} must be the same as or after ${rules.notBefore[1]} (${formatDate(rules.notBefore[0])})`,
    };
  }
  return { date };
}

/** A zod field for a date input's parts (put them in the body with `withDateParts`). */
export function govukDate(rules: DateRules & { optional: true }): z.ZodType<IsoDate | undefined>;
export function govukDate(rules: DateRules): z.ZodType<IsoDate>;
export function govukDate(rules: DateRules): z.ZodType<IsoDate | undefined> {
  return z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts, ctx) => {
    const { date, error } = checkDate(parts, rules);
    if (error) {
      ctx.addIssue({ code: 'custom', message: error });
      return z.NEVER;
    }
    return date;
  }) as z.ZodType<IsoDate | undefined>;
}

/** Replaces each date input's three fields in a form body with one `{day, month, year}` value. */
export function withDateParts(body: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const result = { ...body };
  for (const name of names) result[name] = datePartsFrom(body, name);
  return result;
}
