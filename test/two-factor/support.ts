import { generate } from 'otplib';
import type { Clock } from '../../src/clock.js';
import { sealPhone, sealTotpSecret } from '../../src/two-factor/secrets.js';
import { newTotpSecret } from '../../src/two-factor/totp.js';
import type { TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait.js';

export const totpAt = (secret: string, clock: Clock, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + offsetSeconds });

/** The key as the app page shows it, spaces taken out. */
export function keyFromPage(html: string): string {
  const match = /id="app-key"><span class="govuk-visually-hidden">Key: <\/span>([A-Z2-7 ]+)</.exec(html);
  if (!match) throw new Error('No key on the page');
  return match[1].replace(/ /g, '');
}

/** Gives an account the app method directly, with a secret the test knows. */
export async function giveAppMethod(t: TestApp, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await t.pool.query(`UPDATE users SET two_factor_method = 'app', totp_secret_encrypted = $2 WHERE id = $1`, [
    userId,
    sealTotpSecret(t.config.encryptionKey, userId, secret),
  ]);
  return secret;
}

export async function giveSmsMethod(t: TestApp, userId: string, e164: string): Promise<void> {
  await t.pool.query(`UPDATE users SET two_factor_method = 'sms', phone_encrypted = $2 WHERE id = $1`, [
    userId,
    sealPhone(t.config.encryptionKey, userId, e164),
  ]);
}

const CODE_TEXT = /^(\d{6}) is your EHC Hub log in code\. It expires in 10 minutes\.$/;

/** The code in the `n`th text (1-based) delivered to the development mailbox for a number. */
export async function devMailboxCode(t: TestApp, e164: string, n: number): Promise<string> {
  const text = await waitFor(`text ${n} to ${e164}`, async () => {
    const { rows } = await t.pool.query(
      `SELECT text_body FROM dev_mailbox WHERE channel = 'sms' AND recipient = $1 ORDER BY id`,
      [e164],
    );
    return rows[n - 1]?.text_body as string | undefined;
  });
  return codeInText(text);
}

export function codeInText(text: string): string {
  const match = CODE_TEXT.exec(text);
  if (!match) throw new Error(`Not a log in code text: ${text}`);
  return match[1];
}

/** A code that is certainly not this one. */
export const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

export function expectRedirect(res: { status: number; headers: Record<string, unknown> }, location: string) {
  if (res.status !== 302 || res.headers.location !== location)
    throw new Error(`Expected a redirect to ${location}, got ${res.status} ${String(res.headers.location ?? '')}`);
}
