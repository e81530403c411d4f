import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUkMobile, PHONE_MESSAGES, phoneEnding } from './phone-number.js';

describe('UK mobile phone numbers', () => {
  it('accepts the usual ways of writing a UK mobile', () => {
    for (const input of [
      '07123456984',
      '07123 456984',
      ' 07123 456 984 ',
      '+44 7123 456984',
      '+447123456984',
      '0044 7123 456984',
      '07123-456-984',
      '(07123) 456984',
    ]) {
      assert.deepEqual(parseUkMobile(input), { ok: true, e164: '+447123456984' }, input);
    }
    assert.deepEqual(parseUkMobile('07781 123456'), { ok: true, e164: '+447781123456' });
  });

  it('accepts what GOV.UK Notify accepts as a UK mobile, including ranges a numbering plan calls unallocated', () => {
    for (const input of [
      '07911 555321',
      '07911555321',
      '+44 7911 555321',
      '+44 (0)7911 555321',
      '0044 7911 555321',
      '447911555321',
      '44 7911 555321',
      '7911 555321',
      '07911-555-321',
      '(07911) 555 321',
      '07911.555.321',
    ]) {
      assert.deepEqual(parseUkMobile(input), { ok: true, e164: '+447911555321' }, input);
    }
    for (const [input, e164] of [
      ['07700 900123', '+447700900123'],
      ['07624 123456', '+447624123456'],
      ['07000 123456', '+447000123456'],
    ]) {
      assert.deepEqual(parseUkMobile(input), { ok: true, e164 }, input);
    }
  });

  it('refuses landlines, foreign, short, long and made-up numbers, saying why', () => {
    const cases: [string, string][] = [
      ['', PHONE_MESSAGES.empty],
      ['   ', PHONE_MESSAGES.empty],
      ['020 7946 0018', PHONE_MESSAGES.landline],
      ['0114 496 0123', PHONE_MESSAGES.landline],
      ['+33 6 12 34 56 78', PHONE_MESSAGES.foreign],
      ['+1 212 555 0100', PHONE_MESSAGES.foreign],
      ['0033 612345678', PHONE_MESSAGES.foreign],
      ['07123 45', PHONE_MESSAGES.tooShort],
      ['07123 456 984 12', PHONE_MESSAGES.tooLong],
      ['my phone', PHONE_MESSAGES.format],
      ['07123 456abc', PHONE_MESSAGES.format],
      ['+44 20 7946 0018', PHONE_MESSAGES.landline],
      ['0800 123 4567', PHONE_MESSAGES.format],
      ['07911 5553211', PHONE_MESSAGES.tooLong],
      ['0791 155 532', PHONE_MESSAGES.tooShort],
      ['07911 +555321', PHONE_MESSAGES.format],
    ];
    for (const [input, error] of cases) assert.deepEqual(parseUkMobile(input), { ok: false, error }, input);
  });

  it('shows only the last three digits', () => {
    assert.equal(phoneEnding('+447123456984'), '984');
  });
});
