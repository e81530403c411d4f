import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDate, type DateRules } from './dates.js';

const rules: DateRules = {
  label: 'Date of the decision letter',
  missing: 'Enter the date of the decision letter',
  notAfter: '2023-09-12',
  notBefore: ['2023-08-08', 'the date the request was received'],
};
const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('checkDate (the GOV.UK date input pattern)', () => {
  it('accepts a real date, with a month as a number or a name', () => {
    assert.deepEqual(checkDate(parts('8', '8', '2023'), rules), { date: '2023-08-08' });
    assert.deepEqual(checkDate(parts('08', 'Aug', '2023'), rules), { date: '2023-08-08' });
    assert.deepEqual(checkDate(parts('12', 'September', '2023'), rules), { date: '2023-09-12' });
  });

  it('says what is missing', () => {
    assert.deepEqual(checkDate(parts('', '', ''), rules), { error: 'Enter the date of the decision letter' });
    assert.deepEqual(checkDate(parts('1', '', '2023'), rules), {
      error: 'Date of the decision letter must include a month',
    });
    assert.deepEqual(checkDate(parts('', '', '2023'), rules), {
      error: 'Date of the decision letter must include a day and a month',
    });
    assert.deepEqual(checkDate(parts('', '', ''), { ...rules, optional: true }), {});
  });

  it('refuses dates that do not exist', () => {
    for (const bad of [
      parts('29', '2', '2023'),
      parts('31', '4', '2023'),
      parts('1', '13', '2023'),
      parts('1', '1', '23'),
      parts('x', '1', '2023'),
      parts('1', 'Smarch', '2023'),
    ]) {
      assert.deepEqual(
        checkDate(bad, rules),
        { error: 'Date of the decision letter must be a real date' },
        JSON.stringify(bad),
      );
    }
    assert.deepEqual(checkDate(parts('29', '2', '2024'), { ...rules, notAfter: undefined }), { date: '2024-02-29' });
  });

  it('refuses a date in the future, or before the request', () => {
    assert.deepEqual(checkDate(parts('13', '9', '2023'), rules), {
      error: 'Date of the decision letter must be today or in the past',
    });
    assert.deepEqual(checkDate(parts('7', '8', '2023'), rules), {
      error:
        'Date of the decision letter must be the same as or after the date the request was received (8th Aug 2023)',
    });
  });
});
