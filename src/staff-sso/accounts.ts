import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import type { StaffSsoSettings } from '../config.js';
import { inTransaction } from '../db/pool.js';

/** What the provider said about the person, from the verified ID token. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified?: boolean;
}

export type StaffSignInRefusal = 'domain' | 'unknown' | 'disabled';

export type StaffAccountMatch =
  { ok: true; userId: string; twoFactorMethod: 'app' | 'sms' | null } | { ok: false; reason: StaffSignInRefusal };

interface AccountRow {
  id: string;
  kind: 'staff' | 'family';
  status: 'invited' | 'active' | 'disabled';
  two_factor_method: 'app' | 'sms' | null;
  oidc_subject: string | null;
}

const domainOf = (email: string | undefined) => email?.split('@').pop()?.toLowerCase();

/** Whether an email address is in one of the domains whose staff sign in through the provider. */
export const inAllowedDomain = (settings: StaffSsoSettings, email: string | undefined) =>
  settings.allowedDomains.includes(domainOf(email) ?? '');

/**
 * The staff account this provider identity signs in to. A linked account is found by issuer and
 * subject, whatever its email is now; an invited or registered staff account not yet linked is
 * found by a verified email address in an allowed domain, and linked. Every refusal is audited.
 */
export async function matchStaffAccount(
  deps: Pick<FeatureDeps, 'pool' | 'clock'>,
  settings: StaffSsoSettings,
  identity: ProviderIdentity,
  ip: string | undefined,
): Promise<StaffAccountMatch> {
  const now = deps.clock.now();
  return inTransaction(deps.pool, async (client) => {
    const refuse = async (reason: StaffSignInRefusal, userId?: string): Promise<StaffAccountMatch> => {
      await audit(
        client,
        {
          action: 'sign-in.sso.refused',
          subjectUserId: userId,
          ip,
          details: { reason, domain: domainOf(identity.email) ?? null },
        },
        now,
      );
      return { ok: false, reason };
    };
    if (!inAllowedDomain(settings, identity.email)) return refuse('domain');

    const linked = await client.query<AccountRow>(
      'SELECT id, kind, status, two_factor_method, oidc_subject FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2 FOR UPDATE',
      [identity.issuer, identity.subject],
    );
    let account = linked.rows[0];
    if (!account) {
      if (identity.emailVerified === false) return refuse('unknown');
      const byEmail = await client.query<AccountRow>(
        'SELECT id, kind, status, two_factor_method, oidc_subject FROM users WHERE email = lower($1) FOR UPDATE',
        [identity.email],
      );
      account = byEmail.rows[0];
      // Someone else's identity is already linked to this account: never re-link by email.
      if (!account || account.kind !== 'staff' || account.oidc_subject) return refuse('unknown', account?.id);
      if (account.status === 'disabled') return refuse('disabled', account.id);
      await client.query(
        `UPDATE users SET oidc_issuer = $2, oidc_subject = $3,
                status = 'active', registered_at = coalesce(registered_at, $4)
          WHERE id = $1`,
        [account.id, identity.issuer, identity.subject, now],
      );
      await audit(
        client,
        {
          action: 'sign-in.sso.linked',
          actorUserId: account.id,
          subjectUserId: account.id,
          ip,
          details: { issuer: identity.issuer },
        },
        now,
      );
    }
    if (account.kind !== 'staff') return refuse('unknown', account.id);
    if (account.status === 'disabled') return refuse('disabled', account.id);
    return { ok: true, userId: account.id, twoFactorMethod: account.two_factor_method };
  });
}
