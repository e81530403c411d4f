// A real OpenID Connect provider (oidc-provider) on loopback, standing in for a council's Entra ID:
// the test says who signs in next (and with which authentication methods) or that they refuse.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface ProviderAccount {
  sub: string;
  email: string;
  emailVerified?: boolean;
}

export interface NextSignIn {
  account: ProviderAccount;
  /** RFC 8176 methods, e.g. ['pwd', 'mfa']. */
  amr: string[];
}

/** The client authenticates with a secret, or (with `publicKey`) with a JWT signed by its private key. */
export async function startOidcProvider(client: {
  clientId: string;
  clientSecret?: string;
  publicKey?: JsonWebKey & { kid: string };
  redirectUri: string;
}) {
  const accounts = new Map<string, ProviderAccount>();
  let next: NextSignIn | 'deny' | undefined;
  // The provider signs ID tokens with this key, so that a test can forge one (a skewed clock) too.
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingJwk = {
    ...(privateKey.export({ format: 'jwk' }) as JsonWebKey),
    kid: 'provider-1',
    alg: 'RS256',
    use: 'sig',
  };
  let tamperIdToken: ((idToken: string) => string) | undefined;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.redirectUri.replace(/\/sign-in\/council\/callback$/, '/signed-out')],
        ...(client.publicKey
          ? {
              token_endpoint_auth_method: 'private_key_jwt',
              token_endpoint_auth_signing_alg: 'RS256',
              jwks: { keys: [client.publicKey as never] },
            }
          : { token_endpoint_auth_method: 'client_secret_post', client_secret: client.clientSecret }),
      },
    ],
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['a test key that is long enough to sign cookies'] },
    jwks: { keys: [signingJwk as never] },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      return (
        account && {
          accountId: id,
          claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true }),
        }
      );
    },
  });
  provider.on('server_error', () => undefined);

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (req.url === '/token' && tamperIdToken) changeIdTokenIn(res, tamperIdToken);
    if (!match) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    if (next === 'deny') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person said no' },
        { mergeWithLastSubmission: false },
      );
    }
    if (details.prompt.name === 'login') {
      if (!next) throw new Error('say who signs in next');
      accounts.set(next.account.sub, next.account);
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: next.account.sub, amr: next.amr } },
        { mergeWithLastSubmission: false },
      );
    }
    const grant = new provider.Grant({
      accountId: details.session!.accountId,
      clientId: details.params.client_id as string,
    });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  return {
    issuer,
    /** Change the next ID tokens on their way out (until called with undefined). */
    tamperIdTokens(tamper: ((idToken: string) => string) | undefined) {
      tamperIdToken = tamper;
    },
    /** An ID token with its claims changed and signed again with the provider's own key. */
    resign(idToken: string, change: (claims: Record<string, unknown>) => void): string {
      const [header, payload] = idToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      change(claims);
      const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      return `${body}.${crypto.sign('sha256', Buffer.from(body), privateKey).toString('base64url')}`;
    },
    /** Who signs in at the provider next, or that they refuse to share their details. */
    signInNext(sign: NextSignIn | 'deny') {
      next = sign;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Rewrites the id_token in the JSON body the token endpoint is about to send. */
function changeIdTokenIn(res: http.ServerResponse, tamper: (idToken: string) => string) {
  const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
  res.end = ((chunk?: unknown) => {
    const body = chunk ? JSON.parse(String(chunk)) : undefined;
    if (!body?.id_token) return end(chunk);
    body.id_token = tamper(body.id_token);
    const changed = JSON.stringify(body);
    res.setHeader('content-length', Buffer.byteLength(changed));
    return end(changed);
  }) as typeof res.end;
}
