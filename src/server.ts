import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { clockStartingAt, systemClock, type Clock } from './clock.js';
import { ConfigError, emailsToDevMailbox, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { FolderInUseError } from './db/folder-lock.js';
import { migrate, MigrationError } from './db/migrate.js';
import { allowNamedStatements } from './db/statements.js';
import { createLogger } from './logger.js';
import { startMessageQueue } from './notify/queue.js';
import { startDailyDigest } from './staff/digest/digest.js';
import { seedDemoData, type DemoSignIns } from './seed/demo.js';
import { sendersFromConfig } from './senders.js';
import { startAdviceReminders } from './advice/reminders.js';

export interface RunningServer {
  url: string;
  demo?: DemoSignIns;
  stop(): Promise<void>;
}

/** How long in-flight requests may run on after SIGTERM; the queue and pool then have the rest of 10 seconds. */
const REQUESTS_GRACE_MS = 6_000;

/** Opens the database, brings it up to date, starts the queue and serves the app. */
export async function startServer(config: Config, logger: Logger, clock: Clock = systemClock): Promise<RunningServer> {
  const database = await openDatabase(config, logger);
  allowNamedStatements(database.pool);
  const server = http.createServer();
  try {
    const applied = await migrate(database.pool);
    if (applied.length > 0) logger.info({ applied }, 'applied database migrations');
    const demo = config.env === 'development' ? await seedDemoData(database.pool, config, clock) : undefined;
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    const url = addressOf(config.baseUrl, port);
    // With BASE_URL unset, links in emails follow the port the server really listens on.
    const served = config.baseUrlIsSet ? config : { ...config, baseUrl: url };
    const queue = await startMessageQueue(database.connectionString, logger);
    await queue.deliverWith(sendersFromConfig(served, database.pool));
    await startDailyDigest(queue.boss, { pool: database.pool, config: served, queue, clock });
    const app = createApp({ config: served, pool: database.pool, logger, clock, queue });
    await startAdviceReminders({
      config: served,
      pool: database.pool,
      logger,
      clock,
      queue,
      connectionString: database.connectionString,
    });
    server.on('request', app.express);

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Stop taking connections and let requests in flight finish (for a few seconds), then close.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), REQUESTS_GRACE_MS);
        await closed;
        clearTimeout(timer);
        await queue.stop();
        await app.close();
        await database.close();
      })());
    return { url, demo, stop };
  } catch (error) {
    server.close();
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** BASE_URL when it names the port we listen on (or when behind a proxy in production), else localhost. */
function addressOf(baseUrl: string, port: number): string {
  const base = new URL(baseUrl);
  const basePort = Number(base.port || (base.protocol === 'https:' ? 443 : 80));
  return basePort === port || base.hostname !== 'localhost' ? baseUrl : `http://localhost:${port}`;
}

/** What `npm start` prints: where EHC Hub is and, in development, how to sign in as the demo users. */
export function welcomeText(url: string, config: Config, demo: DemoSignIns | undefined): string {
  const lines = [`EHC Hub is running at ${url}`];
  if (!config.database.url)
    lines.push(`Database: embedded PGlite in ${config.database.pgliteDir} (set DATABASE_URL to use PostgreSQL).`);
  if (config.baseUrlIsSet && url !== config.baseUrl)
    lines.push(`Links in emails point to BASE_URL=${config.baseUrl}: set BASE_URL=${url} to make them match.`);
  const mailbox = `${url}/dev/mailbox`;
  if (demo && config.sms.provider !== 'dev-mailbox') {
    lines.push(
      '',
      'The demo accounts cannot sign in while SMS_PROVIDER=notify: their log in codes would go to made-up numbers.',
    );
  } else if (demo) {
    lines.push('', 'Demo sign-ins (development only):');
    for (const account of demo.accounts)
      lines.push(`  ${account.who}: ${account.email}  password: ${account.password}`);
    lines.push(
      '',
      'Signing in takes the password and then a 6-digit log in code (the second factor).',
      `The demo accounts get their code by text message, to made-up numbers ending ${demo.accounts.map((a) => a.phone.slice(-3)).join(' and ')}.`,
      `No text message is really sent: each one appears in the development mailbox, ${mailbox}`,
      `(newest first${emailsToDevMailbox(config) ? ', with every email' : ''}). Open it in another tab after "Sign in",`,
      'copy the code and enter it on the "Enter your log in code" page.',
    );
  } else if (!config.isProduction && (emailsToDevMailbox(config) || config.sms.provider === 'dev-mailbox')) {
    lines.push(`Emails and text messages the app sends appear at ${mailbox}`);
  }
  if (!config.isProduction && config.sms.provider === 'dev-mailbox') {
    lines.push(
      '',
      `Warning: ${mailbox} shows every log in code and email to anyone who can reach this port.`,
      config.host === '127.0.0.1' || config.host === 'localhost' || config.host === '::1'
        ? 'EHC Hub listens on this machine only (127.0.0.1); set HOST to change that.'
        : `EHC Hub listens on ${config.host ?? 'every network interface'}: anyone on the network can sign in as anyone.`,
    );
  }
  if (!config.isProduction && config.logLevel === 'warn')
    lines.push('', 'Only warnings and errors are logged: set LOG_LEVEL=info to see each request.');
  return lines.join('\n');
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`EHC Hub cannot start. Check these settings:\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  try {
    const clock = config.fixedClock ? clockStartingAt(config.fixedClock) : systemClock;
    const running = await startServer(config, logger, clock);
    console.log(welcomeText(running.url, config, running.demo));
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      // Whatever hangs (a stuck query, a job that will not stop), the process is gone within 10 seconds.
      setTimeout(() => {
        logger.error('still shutting down after 9.5 seconds: exiting now');
        process.exit(1);
      }, 9_500).unref();
      running.stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'error while shutting down');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  } catch (error) {
    if (error instanceof MigrationError || error instanceof FolderInUseError) {
      console.error(`EHC Hub cannot start: ${error.message}`);
    } else {
      logger.fatal({ err: error }, 'EHC Hub cannot start');
    }
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void main();
}
