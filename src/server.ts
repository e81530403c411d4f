import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { FolderInUseError } from './db/folder-lock.js';
import { migrate, MigrationError } from './db/migrate.js';
import { allowNamedStatements } from './db/statements.js';
import { createLogger } from './logger.js';
import { startMessageQueue } from './notify/queue.js';
import { seedDemoData, type DemoSignIns } from './seed/demo.js';
import { sendersFromConfig } from './senders.js';

export interface RunningServer {
  url: string;
  demo?: DemoSignIns;
  stop(): Promise<void>;
}

/** Opens the database, brings it up to date, starts the queue and serves the app. */
export async function startServer(config: Config, logger: Logger, clock: Clock = systemClock): Promise<RunningServer> {
  const database = await openDatabase(config, logger);
  if (!database.embedded) allowNamedStatements(database.pool);
  try {
    const applied = await migrate(database.pool);
    if (applied.length > 0) logger.info({ applied }, 'applied database migrations');
    const demo = config.env === 'development' ? await seedDemoData(database.pool, config, clock) : undefined;
    const queue = await startMessageQueue(database.connectionString, logger, undefined, database.embedded ? 1 : 3);
    await queue.deliverWith(sendersFromConfig(config, database.pool));
    const app = createApp({ config, pool: database.pool, logger, clock, queue });
    const server = http.createServer(app.express);
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, resolve);
    });
    const { port } = server.address() as AddressInfo;
    const url = addressOf(config.baseUrl, port);

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Stop taking connections, let requests in flight finish (up to 10 seconds), then close.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), 10_000);
        await closed;
        clearTimeout(timer);
        await queue.stop();
        await app.close();
        await database.close();
      })());
    return { url, demo, stop };
  } catch (error) {
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
  if (!config.database.url) lines.push(`Database: embedded PGlite in ${config.database.pgliteDir} (set DATABASE_URL to use PostgreSQL).`);
  if (url !== config.baseUrl) lines.push(`Links in emails point to BASE_URL=${config.baseUrl}: set BASE_URL=${url} to make them match.`);
  const mailbox = `${url}/dev/mailbox`;
  if (demo && config.sms.provider !== 'dev-mailbox') {
    lines.push('', 'The demo accounts cannot sign in while SMS_PROVIDER=notify: their log in codes would go to made-up numbers.');
  } else if (demo) {
    lines.push('', 'Demo sign-ins (development only):');
    for (const account of demo.accounts) lines.push(`  ${account.who}: ${account.email}  password: ${account.password}`);
    lines.push(
      '',
      'Signing in takes the password and then a 6-digit log in code (the second factor).',
      `The demo accounts get their code by text message, to made-up numbers ending ${demo.accounts.map((a) => a.phone.slice(-3)).join(' and ')}.`,
      `No text message is really sent: each one appears in the development mailbox, ${mailbox}`,
      `(newest first${config.mail.smtpUrl ? '' : ', with every email'}). Open it in another tab after "Sign in",`,
      'copy the code and enter it on the "Enter your log in code" page.',
    );
  } else if (!config.isProduction && (!config.mail.smtpUrl || config.sms.provider === 'dev-mailbox')) {
    lines.push(`Emails and text messages the app sends appear at ${mailbox}`);
  }
  if (!config.isProduction && config.logLevel === 'warn') lines.push('', 'Only warnings and errors are logged: set LOG_LEVEL=info to see each request.');
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
    const running = await startServer(config, logger);
    console.log(welcomeText(running.url, config, running.demo));
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
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
