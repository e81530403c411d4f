import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFileSize, formatDateTime, formatTime, ukDateOf } from './format.js';

describe('dates and times on the case pages', () => {
  it('writes times the GOV.UK way', () => {
    assert.equal(formatTime(0, 0), 'midnight');
    assert.equal(formatTime(12, 0), 'midday');
    assert.equal(formatTime(9, 0), '9am');
    assert.equal(formatTime(9, 5), '9:05am');
    assert.equal(formatTime(12, 30), '12:30pm');
    assert.equal(formatTime(0, 15), '12:15am');
    assert.equal(formatTime(23, 59), '11:59pm');
  });

  it('shows an instant in UK time, summer time included', () => {
    assert.equal(formatDateTime('2023-08-09T09:30:00Z'), '9th Aug 2023 at 10:30am');
    assert.equal(formatDateTime('2023-12-01T09:30:00Z'), '1st Dec 2023 at 9:30am');
    // 23:30 UTC on 31 March 2024 is already 1 April in the UK.
    assert.equal(formatDateTime('2024-03-31T23:30:00Z'), '1st Apr 2024 at 12:30am');
    assert.equal(ukDateOf('2024-03-31T23:30:00Z'), '2024-04-01');
    assert.equal(ukDateOf('2024-01-31T23:30:00Z'), '2024-01-31');
  });

  it('gives a document size people can read', () => {
    assert.equal(formatFileSize(45), '45 bytes');
    assert.equal(formatFileSize(2048), '2 KB');
    assert.equal(formatFileSize((1024 * 1024 * 3) / 2), '1.5 MB');
    assert.equal(formatFileSize(1024 * 1024 * 2), '2 MB');
  });
});
