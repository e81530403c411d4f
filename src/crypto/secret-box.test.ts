import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { openSecret, sealSecret, SecretBoxError } from './secret-box.js';

const key = crypto.randomBytes(32);

/** Flips one bit in one base64url part of a sealed value. */
function tamper(sealed: string, partIndex: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[partIndex], 'base64url');
  bytes[0] ^= 0x01;
  parts[partIndex] = bytes.toString('base64url');
  return parts.join('.');
}

describe('secret box (AES-256-GCM)', () => {
  it('opens what it sealed', () => {
    const sealed = sealSecret(key, '+447123456984', 'phone:user-1');
    assert.doesNotMatch(sealed, /7123456984/);
    assert.equal(openSecret(key, sealed, 'phone:user-1'), '+447123456984');
    assert.equal(openSecret(key, sealSecret(key, '', 'x'), 'x'), '');
  });

  it('uses a new random IV each time', () => {
    const first = sealSecret(key, 'JBSWY3DPEHPK3PXP', 'totp:u');
    const second = sealSecret(key, 'JBSWY3DPEHPK3PXP', 'totp:u');
    assert.notEqual(first, second);
    assert.notEqual(first.split('.')[1], second.split('.')[1]);
    assert.equal(Buffer.from(first.split('.')[1], 'base64url').length, 12);
  });

  it('refuses a changed ciphertext, tag or IV', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP', 'totp:u');
    for (const part of [1, 2, 3]) {
      assert.throws(() => openSecret(key, tamper(sealed, part), 'totp:u'), SecretBoxError);
    }
    assert.throws(() => openSecret(key, sealed.slice(0, -2), 'totp:u'), SecretBoxError);
    assert.throws(() => openSecret(key, 'not sealed', 'totp:u'), SecretBoxError);
  });

  it('refuses another key or another context', () => {
    const sealed = sealSecret(key, 'secret', 'totp:user-a');
    assert.throws(() => openSecret(crypto.randomBytes(32), sealed, 'totp:user-a'), SecretBoxError);
    assert.throws(() => openSecret(key, sealed, 'totp:user-b'), SecretBoxError);
  });

  it('wants a 32-byte key', () => {
    assert.throws(() => sealSecret(Buffer.alloc(16), 'x', 'c'), SecretBoxError);
  });
});
