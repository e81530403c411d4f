import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateToken, hashToken, looksLikeToken, tokenState } from './tokens.js';

describe('link tokens', () => {
  it('are 256 random bits in base64url, different every time, stored as a SHA-256 hash', () => {
    const token = generateToken();
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    assert.ok(looksLikeToken(token));
    assert.notEqual(generateToken(), token);
    assert.match(hashToken(token), /^[0-9a-f]{64}$/);
    assert.equal(hashToken(token), hashToken(token));
    assert.ok(!looksLikeToken(`${token}x`));
    assert.ok(!looksLikeToken('../../etc/passwd'));
  });

  it('says whether a link is valid, used, replaced, expired or unknown', () => {
    const now = new Date('2024-01-01T12:00:00Z');
    const later = new Date('2024-01-01T13:00:00Z');
    const fresh = { expiresAt: later, usedAt: null, replacedAt: null };
    assert.equal(tokenState(fresh, now), 'valid');
    assert.equal(tokenState(fresh, later), 'expired');
    assert.equal(tokenState({ ...fresh, usedAt: now }, now), 'used');
    assert.equal(tokenState({ ...fresh, replacedAt: now }, now), 'replaced');
    assert.equal(tokenState({ ...fresh, usedAt: now, replacedAt: now }, later), 'used');
    assert.equal(tokenState(undefined, now), 'unknown');
  });
});
