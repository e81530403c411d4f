// What the app is built from, and what each feature's routes receive. In a module of its own so
// that features depend on these types, not on the app that wires them together.
import type { Request } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { MessageQueue } from './notify/queue.js';
import type { StaffSsoProvider } from './staff-sso/provider.js';

export interface AppDeps {
  config: Config;
  pool: pg.Pool;
  logger: Logger;
  clock: Clock;
  queue: MessageQueue;
}

/** What every feature's routes receive: the app's dependencies and the shared web helpers. */
export interface FeatureDeps extends AppDeps {
  isCsrfTokenValid: (req: Request, token: string | undefined) => boolean;
  /** The council's identity provider for staff, when STAFF_OIDC_ISSUER is set. */
  staffSso?: StaffSsoProvider;
}
