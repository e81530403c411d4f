import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  addWeeks,
  compareDates,
  daysBetween,
  daysInMonth,
  earliestOf,
  formatGuideDate,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  ordinalSuffix,
  parseIsoDate,
  toDayNumber,
} from './dates.js';

describe('parsing and validating YYYY-MM-DD', () => {
  it('accepts real dates, leap days included', () => {
    assert.deepEqual(parseIsoDate('2023-08-08'), { year: 2023, month: 8, day: 8 });
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2000-02-29'), true);
  });

  it('rejects impossible dates and other forms', () => {
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-08-00',
      '2023-8-8',
      '08/08/2023',
      '2023-08-08T00:00',
      '',
      ' 2023-08-08',
    ]) {
      assert.equal(isIsoDate(bad), false, bad);
    }
    assert.equal(isIsoDate(20230808), false);
    assert.throws(() => parseIsoDate('2023-02-30'), RangeError);
  });

  it('knows leap years and month lengths', () => {
    assert.equal(isLeapYear(2024), true);
    assert.equal(isLeapYear(2023), false);
    assert.equal(isLeapYear(1900), false);
    assert.equal(isLeapYear(2000), true);
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2023, 2), 28);
    assert.equal(daysInMonth(2023, 9), 30);
    assert.equal(daysInMonth(2023, 12), 31);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    assert.equal(toDayNumber('1970-01-01'), 0);
    assert.equal(toDayNumber('1969-12-31'), -1);
    assert.equal(toDayNumber('2000-03-01'), 11017);
  });

  it('agrees with Date.UTC and round-trips every day from 1999 to 2031', () => {
    const start = toDayNumber('1999-01-01');
    for (let n = start; n < start + 33 * 366; n++) {
      const iso = fromDayNumber(n);
      assert.equal(toDayNumber(iso), n);
      assert.equal(
        Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000,
        n,
      );
    }
  });
});

describe('adding days, weeks and months', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2023-08-08', 41), '2023-09-18');
    assert.equal(addDays('2023-12-31', 1), '2024-01-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('1900-02-28', 1), '1900-03-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addWeeks('2023-08-08', 6), '2023-09-19');
  });

  it('clamps month ends', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
    assert.equal(addMonths('2023-12-31', 2), '2024-02-29');
    assert.equal(addMonths('2024-12-31', 2), '2025-02-28');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2024-03-31', 1), '2024-04-30');
    assert.equal(addMonths('2023-11-15', 3), '2024-02-15');
    assert.equal(addMonths('2024-03-31', -1), '2024-02-29');
  });

  it('compares and measures', () => {
    assert.ok(compareDates('2023-09-18', '2023-09-19') < 0);
    assert.equal(compareDates('2023-09-18', '2023-09-18'), 0);
    assert.equal(daysBetween('2023-08-08', '2023-09-18'), 41);
    assert.equal(earliestOf(['2024-02-01', '2023-12-31', '2024-01-15']), '2023-12-31');
    assert.equal(earliestOf([]), undefined);
  });
});

describe('formatting as in the guide', () => {
  it('writes "8th Aug 2023"', () => {
    assert.equal(formatGuideDate('2023-08-08'), '8th Aug 2023');
    assert.equal(formatGuideDate('2023-09-18'), '18th Sep 2023');
    assert.equal(formatGuideDate('2024-02-29'), '29th Feb 2024');
  });

  it('gives every day of the month the right suffix', () => {
    const expected: Record<number, string> = {
      1: 'st',
      2: 'nd',
      3: 'rd',
      4: 'th',
      10: 'th',
      11: 'th',
      12: 'th',
      13: 'th',
      14: 'th',
      20: 'th',
      21: 'st',
      22: 'nd',
      23: 'rd',
      24: 'th',
      30: 'th',
      31: 'st',
    };
    for (const [day, suffix] of Object.entries(expected)) assert.equal(ordinalSuffix(Number(day)), suffix, day);
    assert.equal(formatGuideDate('2023-01-01'), '1st Jan 2023');
    assert.equal(formatGuideDate('2023-05-02'), '2nd May 2023');
    assert.equal(formatGuideDate('2023-06-03'), '3rd Jun 2023');
    assert.equal(formatGuideDate('2023-07-11'), '11th Jul 2023');
    assert.equal(formatGuideDate('2023-10-12'), '12th Oct 2023');
    assert.equal(formatGuideDate('2023-11-13'), '13th Nov 2023');
    assert.equal(formatGuideDate('2023-03-21'), '21st Mar 2023');
    assert.equal(formatGuideDate('2023-04-22'), '22nd Apr 2023');
    assert.equal(formatGuideDate('2023-12-23'), '23rd Dec 2023');
    assert.equal(formatGuideDate('2023-12-31'), '31st Dec 2023');
  });
});
