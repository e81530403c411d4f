import crypto from 'node:crypto';

export type TokenPurpose = 'invitation' | 'password-reset';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  invitation: 14 * 24 * 60 * 60 * 1000,
  'password-reset': 60 * 60 * 1000,
};

/** What a link's token turned out to be when someone followed it. */
export type TokenState = 'valid' | 'used' | 'replaced' | 'expired' | 'unknown';

// 32 random bytes (256 bits) in base64url: 43 characters, safe in a URL path.
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return crypto.randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Tokens are stored only as this hash. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export interface TokenTimes {
  expiresAt: Date;
  usedAt: Date | null;
  replacedAt: Date | null;
}

export function tokenState(token: TokenTimes | undefined, now: Date): TokenState {
  if (!token) return 'unknown';
  if (token.usedAt) return 'used';
  if (token.replacedAt) return 'replaced';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
