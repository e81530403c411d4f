import net from 'node:net';
import { z } from 'zod';

const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-do-not-use-in-production';
const DEVELOPMENT_ENCRYPTION_KEY = '0'.repeat(64);

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** What Express's `trust proxy` setting takes: trust all, none, so many hops, or these addresses. */
export type TrustProxy = boolean | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (net.isIPv4(prefix)) return family === 4;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY as Express needs it: Express reads a string such as "1" as an IP address, not a
 * hop count (so the README's example trusted no one), and "true" as an address it cannot parse.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    if (value === 'true') return true;
    if (value === 'false' || value === '') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isAddressOrSubnet(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a number of proxies, true, false, or addresses and subnets separated by commas (not ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return entries;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Unset in development: http://localhost:PORT, so that links in emails follow the port.
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  HOST: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.:-]+$/, 'must be an IP address or host name to listen on, e.g. 0.0.0.0')
    .optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  ALLOW_EMBEDDED_DATABASE_IN_PRODUCTION: flag.default(false),
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(100).default(10),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (a 32-byte key)')
    .optional(),
  // smtp: through SMTP_URL (the development mailbox when it is unset, outside production); notify: GOV.UK Notify.
  EMAIL_PROVIDER: z.enum(['smtp', 'notify']).default('smtp'),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('EHC Hub <no-reply@ehc-hub.localhost>'),
  SMS_PROVIDER: z.enum(['dev-mailbox', 'notify']).default('dev-mailbox'),
  NOTIFY_API_KEY: z.string().min(1).optional(),
  NOTIFY_BASE_URL: z.url().default('https://api.notifications.service.gov.uk'),
  // The Notify text message template whose whole content is ((body)).
  NOTIFY_SMS_TEMPLATE_ID: z.uuid().optional(),
  // The Notify email template whose subject is ((subject)) and whose content is ((body)).
  NOTIFY_EMAIL_TEMPLATE_ID: z.uuid().optional(),
  COUNCIL_NAME: z.string().min(1).default('Edgehill Council'),
  COUNCIL_TEAM_NAME: z.string().min(1).default('Edgehill SEND Admin'),
  COUNCIL_EMAIL: z.email().default('send.admin@edgehill.example.gov.uk'),
  COUNCIL_PHONE: z.string().min(1).default('01632 960 000'),
  COUNCIL_ADDRESS: z.string().min(1).default('Edgehill Council|County Hall|Edgehill|EH1 1AA'),
  COUNCIL_WEBSITE: z.url().optional(),
  // Staff sign-in with the council's OpenID Connect provider (Entra ID, Google Workspace, …).
  STAFF_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
  STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  // Instead of a secret: an RSA private key (PKCS #8 PEM) for private_key_jwt, and the key ID the provider knows it by.
  STAFF_OIDC_PRIVATE_KEY: z
    .string()
    .includes('-----BEGIN PRIVATE KEY-----', {
      error: 'must be an RSA private key in PKCS #8 PEM form (-----BEGIN PRIVATE KEY-----)',
    })
    .optional(),
  STAFF_OIDC_PRIVATE_KEY_ID: z.string().min(1).optional(),
  STAFF_OIDC_ALLOWED_DOMAINS: z.string().min(1).optional(),
  STAFF_OIDC_NAME: z.string().min(1).optional(),
  STAFF_OIDC_ONLY: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  // Development only: the app's clock starts at this date (or date and time) and runs on from there.
  FIXED_CLOCK: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'must be a date like 2023-08-20 or 2023-08-20T09:30:00Z',
    })
    .optional(),
  TRUST_PROXY: trustProxy.optional(),
});

export type Environment = z.infer<typeof schema>;

export interface Council {
  name: string;
  teamName: string;
  email: string;
  phone: string;
  addressLines: string[];
  website?: string;
}

export interface Config {
  env: Environment['NODE_ENV'];
  isProduction: boolean;
  port: number;
  /** Where the server listens: every interface in production, only this machine otherwise (see HOST). */
  host?: string;
  baseUrl: string;
  /** False when BASE_URL was not set and baseUrl was made from PORT (the server then uses the port it got). */
  baseUrlIsSet: boolean;
  database: { url?: string; pgliteDir: string; poolMax: number };
  sessionSecret: string;
  encryptionKey: Buffer;
  mail: { provider: 'smtp' | 'notify'; smtpUrl?: string; from: string; notifyEmailTemplateId?: string };
  sms: {
    provider: 'dev-mailbox' | 'notify';
    notifyApiKey?: string;
    notifyBaseUrl: string;
    notifySmsTemplateId?: string;
  };
  council: Council;
  /** Staff single sign-on, when STAFF_OIDC_ISSUER is set. */
  staffSso?: StaffSsoSettings;
  logLevel: NonNullable<Environment['LOG_LEVEL']>;
  /** Development only: when the app's clock starts (it runs on in real time from there). */
  fixedClock?: Date;
  trustProxy: TrustProxy;
  /** True when development stand-ins are in use (dev mailbox, fixed secrets). */
  usesDevelopmentDefaults: boolean;
}

export interface StaffSsoSettings {
  issuer: string;
  clientId: string;
  /** The client authenticates with this secret (client_secret_post)… */
  clientSecret?: string;
  /** …or with a JWT signed by this key (private_key_jwt). */
  privateKey?: { pem: string; keyId?: string };
  /** Lower-case email domains whose people may sign in through the provider. */
  allowedDomains: string[];
  /** The button says "Sign in with <name>". */
  name: string;
  /** Password sign-in refused for staff: the provider is the only way in. */
  only: boolean;
}

export class ConfigError extends Error {}

function staffSsoProblems(env: Environment): string[] {
  if (!env.STAFF_OIDC_ISSUER) return env.STAFF_OIDC_ONLY ? ['STAFF_OIDC_ONLY needs STAFF_OIDC_ISSUER'] : [];
  const missing = (['STAFF_OIDC_CLIENT_ID', 'STAFF_OIDC_ALLOWED_DOMAINS'] as const).filter((name) => !env[name]);
  const problems = missing.map((name) => `${name} is required when STAFF_OIDC_ISSUER is set`);
  if (!env.STAFF_OIDC_CLIENT_SECRET === !env.STAFF_OIDC_PRIVATE_KEY)
    problems.push('Set one of STAFF_OIDC_CLIENT_SECRET or STAFF_OIDC_PRIVATE_KEY when STAFF_OIDC_ISSUER is set');
  if (env.NODE_ENV === 'production' && !env.STAFF_OIDC_ISSUER.startsWith('https://'))
    problems.push('STAFF_OIDC_ISSUER must start with https:// when NODE_ENV=production');
  return problems;
}

function staffSsoSettings(env: Environment): StaffSsoSettings | undefined {
  if (!env.STAFF_OIDC_ISSUER) return undefined;
  return {
    issuer: env.STAFF_OIDC_ISSUER,
    clientId: env.STAFF_OIDC_CLIENT_ID!,
    clientSecret: env.STAFF_OIDC_CLIENT_SECRET,
    privateKey: env.STAFF_OIDC_PRIVATE_KEY
      ? { pem: env.STAFF_OIDC_PRIVATE_KEY.replace(/\\n/g, '\n'), keyId: env.STAFF_OIDC_PRIVATE_KEY_ID }
      : undefined,
    allowedDomains: env
      .STAFF_OIDC_ALLOWED_DOMAINS!.split(',')
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean),
    name: env.STAFF_OIDC_NAME ?? env.COUNCIL_NAME,
    only: env.STAFF_OIDC_ONLY,
  };
}

function productionProblems(env: Environment): string[] {
  const problems: string[] = [];
  if (!env.SESSION_SECRET) problems.push('SESSION_SECRET is required when NODE_ENV=production');
  if (env.SESSION_SECRET === DEVELOPMENT_SESSION_SECRET)
    problems.push('SESSION_SECRET must not be the development secret when NODE_ENV=production');
  if (!env.ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY is required when NODE_ENV=production');
  if (env.ENCRYPTION_KEY === DEVELOPMENT_ENCRYPTION_KEY)
    problems.push('ENCRYPTION_KEY must not be the development key when NODE_ENV=production');
  if (!env.DATABASE_URL && !env.ALLOW_EMBEDDED_DATABASE_IN_PRODUCTION)
    problems.push(
      'DATABASE_URL is required when NODE_ENV=production (or set ALLOW_EMBEDDED_DATABASE_IN_PRODUCTION=true to run on the embedded database)',
    );
  if (env.FIXED_CLOCK) problems.push('FIXED_CLOCK must not be set when NODE_ENV=production');
  if (env.EMAIL_PROVIDER === 'smtp' && !env.SMTP_URL)
    problems.push('SMTP_URL is required when NODE_ENV=production (or set EMAIL_PROVIDER=notify)');
  if (env.SMS_PROVIDER !== 'notify') problems.push('SMS_PROVIDER must be "notify" when NODE_ENV=production');
  if (!env.BASE_URL?.startsWith('https://'))
    problems.push('BASE_URL must start with https:// when NODE_ENV=production');
  return problems;
}

/** Parses the environment; throws a ConfigError whose message is one line per bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const env = parsed.data;
  const problems = env.NODE_ENV === 'production' ? productionProblems(env) : [];
  if (env.SMS_PROVIDER === 'notify' && !env.NOTIFY_API_KEY)
    problems.push('NOTIFY_API_KEY is required when SMS_PROVIDER=notify');
  if (env.EMAIL_PROVIDER === 'notify' && !env.NOTIFY_API_KEY && env.SMS_PROVIDER !== 'notify')
    problems.push('NOTIFY_API_KEY is required when EMAIL_PROVIDER=notify');
  if (env.EMAIL_PROVIDER === 'notify' && !env.NOTIFY_EMAIL_TEMPLATE_ID)
    problems.push('NOTIFY_EMAIL_TEMPLATE_ID is required when EMAIL_PROVIDER=notify');
  if (env.SMS_PROVIDER === 'notify' && !env.NOTIFY_SMS_TEMPLATE_ID)
    problems.push('NOTIFY_SMS_TEMPLATE_ID is required when SMS_PROVIDER=notify');
  problems.push(...staffSsoProblems(env));
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));

  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    baseUrlIsSet: env.BASE_URL !== undefined,
    // In development /dev/mailbox shows every code and email to anyone who can reach the port.
    host: env.HOST ?? (env.NODE_ENV === 'production' ? undefined : '127.0.0.1'),
    database: { url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolMax: env.DATABASE_POOL_MAX },
    sessionSecret: env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    encryptionKey: Buffer.from(env.ENCRYPTION_KEY ?? DEVELOPMENT_ENCRYPTION_KEY, 'hex'),
    mail: {
      provider: env.EMAIL_PROVIDER,
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      notifyEmailTemplateId: env.NOTIFY_EMAIL_TEMPLATE_ID,
    },
    sms: {
      provider: env.SMS_PROVIDER,
      notifyApiKey: env.NOTIFY_API_KEY,
      notifyBaseUrl: env.NOTIFY_BASE_URL.replace(/\/$/, ''),
      notifySmsTemplateId: env.NOTIFY_SMS_TEMPLATE_ID,
    },
    council: {
      name: env.COUNCIL_NAME,
      teamName: env.COUNCIL_TEAM_NAME,
      email: env.COUNCIL_EMAIL,
      phone: env.COUNCIL_PHONE,
      addressLines: env.COUNCIL_ADDRESS.split('|')
        .map((line) => line.trim())
        .filter(Boolean),
      website: env.COUNCIL_WEBSITE,
    },
    staffSso: staffSsoSettings(env),
    // A line per request buries the start-up instructions in development; set LOG_LEVEL=info to see them.
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'production' ? 'info' : 'warn'),
    fixedClock: env.FIXED_CLOCK
      ? new Date(env.FIXED_CLOCK.length === 10 ? `${env.FIXED_CLOCK}T09:30:00Z` : env.FIXED_CLOCK)
      : undefined,
    trustProxy: env.TRUST_PROXY ?? false,
    usesDevelopmentDefaults:
      !env.SESSION_SECRET ||
      !env.ENCRYPTION_KEY ||
      (env.EMAIL_PROVIDER === 'smtp' && !env.SMTP_URL) ||
      env.SMS_PROVIDER === 'dev-mailbox',
  };
}

/** Outside production, with no mail server set, emails land in the development mailbox. */
export function emailsToDevMailbox(config: Config): boolean {
  return config.mail.provider === 'smtp' && !config.mail.smtpUrl;
}
