import crypto from 'node:crypto';
import * as oidc from 'openid-client';
import type { StaffSsoSettings } from '../config.js';

/**
 * The council's provider, discovered on first use (and again after a failed discovery, so that a
 * provider down at start does not need a restart). Plain http is allowed only outside production,
 * for a provider on loopback in the tests.
 */
export function staffSsoProvider(settings: StaffSsoSettings, allowHttp: boolean) {
  let discovered: Promise<oidc.Configuration> | undefined;
  return {
    settings,
    configuration(): Promise<oidc.Configuration> {
      discovered ??= oidc
        .discovery(new URL(settings.issuer), settings.clientId, undefined, undefined, {
          execute: allowHttp ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        })
        .then(async (configuration) => {
          const auth = settings.privateKey
            ? oidc.PrivateKeyJwt(await signingKey(settings.privateKey))
            : oidc.ClientSecretPost(settings.clientSecret);
          const withAuth = new oidc.Configuration(
            configuration.serverMetadata(),
            settings.clientId,
            configuration.clientMetadata(),
            auth,
          );
          if (allowHttp) oidc.allowInsecureRequests(withAuth);
          // OpenID Connect lets a client skip the ID token's signature when it comes straight from the
          // token endpoint over TLS; a service holding children's records checks it anyway.
          oidc.enableNonRepudiationChecks(withAuth);
          withAuth.timeout = 10;
          return withAuth;
        })
        .catch((error) => {
          discovered = undefined;
          throw error;
        });
      return discovered;
    },
  };
}

/** The PEM key as Web Crypto needs it, for signing client assertions with RS256. */
async function signingKey(privateKey: { pem: string; keyId?: string }): Promise<oidc.PrivateKey> {
  const der = crypto.createPrivateKey(privateKey.pem).export({ type: 'pkcs8', format: 'der' });
  const key = await crypto.webcrypto.subtle.importKey(
    'pkcs8',
    der,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return { key, kid: privateKey.keyId };
}

export type StaffSsoProvider = ReturnType<typeof staffSsoProvider>;

/** The authentication methods that count as a second factor (RFC 8176), as Entra ID and Google report them. */
const MULTI_FACTOR = new Set(['mfa', 'otp', 'hwk', 'swk', 'sms', 'fpt', 'face', 'iris', 'pop', 'sc']);

export function usedMultiFactor(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((method) => typeof method === 'string' && MULTI_FACTOR.has(method));
}

/** Why a callback could not be trusted, in the words of the page the person sees. */
export type CallbackProblem = 'expired' | 'denied' | 'provider-error' | 'mismatch' | 'unconfirmed' | 'unavailable';

export function problemOf(error: unknown): CallbackProblem {
  if (error instanceof oidc.AuthorizationResponseError)
    return error.error === 'access_denied' ? 'denied' : 'provider-error';
  const { code, cause } = error as { code?: string; cause?: { message?: string } };
  if (code === 'OAUTH_INVALID_RESPONSE' && /"state"/.test(cause?.message ?? '')) return 'mismatch';
  if (code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT') return 'unavailable';
  if (code?.startsWith('OAUTH_') || error instanceof oidc.ResponseBodyError) return 'unconfirmed';
  // fetch failed, a timeout, a refused connection: the provider could not be reached.
  return 'unavailable';
}
