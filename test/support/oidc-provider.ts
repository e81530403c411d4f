// A real OpenID Connect provider (oidc-provider) on loopback, standing in for a council's Entra ID:
// the test says who signs in next (and with which authentication methods) or that they refuse.
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

export async function startOidcProvider(client: { clientId: string; clientSecret: string; redirectUri: string }) {
  const accounts = new Map<string, ProviderAccount>();
  let next: NextSignIn | 'deny' | undefined;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: client.clientId, client_secret: client.clientSecret, redirect_uris: [client.redirectUri], post_logout_redirect_uris: [client.redirectUri.replace(/\/sign-in\/council\/callback$/, '/signed-out')], token_endpoint_auth_method: 'client_secret_post' }],
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['a test key that is long enough to sign cookies'] },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      return account && { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true }) };
    },
  });
  provider.on('server_error', () => undefined);

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    if (next === 'deny') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person said no' }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === 'login') {
      if (!next) throw new Error('say who signs in next');
      accounts.set(next.account.sub, next.account);
      return provider.interactionFinished(req, res, { login: { accountId: next.account.sub, amr: next.amr } }, { mergeWithLastSubmission: false });
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  return {
    issuer,
    /** Who signs in at the provider next, or that they refuse to share their details. */
    signInNext(sign: NextSignIn | 'deny') {
      next = sign;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
