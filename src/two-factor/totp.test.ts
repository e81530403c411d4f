import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate } from 'otplib';
import { checkTotp, formatKeyForReading, newTotpSecret, totpUri } from './totp.js';

// RFC 6238 appendix B, SHA-1 with the ASCII secret "12345678901234567890": the 8-digit values'
// last 6 digits are the 6-digit codes the apps show.
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');
const RFC_SHA1_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP check', () => {
  it('accepts the RFC 6238 SHA-1 test vectors (6 digits) at their times', async () => {
    for (const [seconds, eightDigits] of RFC_SHA1_VECTORS) {
      const code = eightDigits.slice(-6);
      const result = await checkTotp(RFC_SECRET, code, new Date(seconds * 1000), null);
      assert.deepEqual(result, { ok: true, step: Math.floor(seconds / 30) }, `T=${seconds}`);
    }
  });

  it('refuses an RFC code outside the previous, current and next step', async () => {
    const [seconds, eightDigits] = RFC_SHA1_VECTORS[3];
    const code = eightDigits.slice(-6);
    assert.equal((await checkTotp(RFC_SECRET, code, new Date((seconds + 30) * 1000), null)).ok, true);
    assert.equal((await checkTotp(RFC_SECRET, code, new Date((seconds - 30) * 1000), null)).ok, true);
    assert.deepEqual(await checkTotp(RFC_SECRET, code, new Date((seconds + 61) * 1000), null), {
      ok: false,
      reason: 'wrong',
    });
    assert.deepEqual(await checkTotp(RFC_SECRET, code, new Date((seconds - 60) * 1000), null), {
      ok: false,
      reason: 'wrong',
    });
    assert.deepEqual(await checkTotp(RFC_SECRET, '000000', new Date(seconds * 1000), null), {
      ok: false,
      reason: 'wrong',
    });
  });

  it('refuses a step already used, and any step before it', async () => {
    const secret = newTotpSecret();
    const now = new Date('2025-09-01T09:00:00Z');
    const epoch = now.getTime() / 1000;
    const code = await generate({ secret, epoch });
    const first = await checkTotp(secret, code, now, null);
    assert.equal(first.ok, true);
    const step = (first as { step: number }).step;
    assert.deepEqual(await checkTotp(secret, code, now, step), { ok: false, reason: 'used' });
    const previous = await generate({ secret, epoch: epoch - 30 });
    assert.deepEqual(await checkTotp(secret, previous, now, step), { ok: false, reason: 'used' });
    const next = await generate({ secret, epoch: epoch + 30 });
    assert.deepEqual(await checkTotp(secret, next, now, step), { ok: true, step: step + 1 });
  });

  it('makes 160-bit secrets, shown in groups of four, in an otpauth URI', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.notEqual(secret, newTotpSecret());
    assert.match(formatKeyForReading(secret), /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const uri = new URL(totpUri(secret, 'EHC Hub – Edgehill Council', 'sam@example.com'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), secret);
    assert.equal(uri.searchParams.get('issuer'), 'EHC Hub – Edgehill Council');
    assert.equal(uri.host, 'totp');
    assert.equal(decodeURIComponent(uri.pathname), '/EHC Hub – Edgehill Council:sam@example.com');
  });
});
