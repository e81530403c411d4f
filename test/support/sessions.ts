import crypto from 'node:crypto';
import signature from 'cookie-signature';
import supertest from 'supertest';
import type { SessionAuth, SignInStage } from '../../src/auth/session-auth.js';
import { sessionCookieName } from '../../src/web/session.js';
import type { TestApp } from './test-app.js';

/**
 * An agent whose session is already signed in, written straight into the real session store.
 * For tests of pages behind sign-in; the sign-in journeys themselves are tested through the
 * real /sign-in and code pages.
 */
export async function agentSignedInAs(
  t: TestApp,
  userId: string,
  stage: SignInStage = 'full',
  times: { signedInAt?: number; lastSeenAt?: number } = {},
): Promise<supertest.Agent> {
  const { name, value } = await sessionCookieFor(t, userId, stage, times);
  const cookie = `${name}=${value}`;
  const agent = t.agent();
  // Into the agent's cookie jar, so that a cookie the app sets later replaces it, as in a browser.
  (agent as unknown as { jar: { setCookie(cookie: string, domain: string, path: string): void } }).jar.setCookie(
    `${cookie}; Path=/`,
    '127.0.0.1',
    '/',
  );
  return agent;
}

/**
 * A session written straight into the real store, as the cookie a browser would hold (for browser
 * tests: `context.addCookies([{ ...cookie, url: t.baseUrl }])`).
 */
export async function sessionCookieFor(
  t: TestApp,
  userId: string,
  stage: SignInStage = 'full',
  times: { signedInAt?: number; lastSeenAt?: number } = {},
): Promise<{ name: string; value: string }> {
  const now = t.clock.now().getTime();
  const auth: SessionAuth = {
    userId,
    stage,
    signedInAt: times.signedInAt ?? now,
    lastSeenAt: times.lastSeenAt ?? now,
  };
  const sid = crypto.randomBytes(24).toString('base64url');
  const expire = new Date(Date.now() + 12 * 3600 * 1000);
  const sess = {
    cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/', sameSite: 'lax', secure: false },
    auth,
  };
  await t.pool.query('INSERT INTO session (sid, sess, expire) VALUES ($1, $2, $3)', [
    sid,
    JSON.stringify(sess),
    expire,
  ]);
  return {
    name: sessionCookieName(false),
    value: encodeURIComponent(`s:${signature.sign(sid, t.config.sessionSecret)}`),
  };
}
