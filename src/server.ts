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
    const url = config.port === port ? config.baseUrl : `http://localhost:${port}`;

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

function printWelcome(url: string, demo: DemoSignIns | undefined, embedded: boolean) {
  const lines = [`EHC Hub is running at ${url}`];
  if (embedded) lines.push('Database: embedded PGlite in ./data/pglite (set DATABASE_URL to use PostgreSQL).');
  if (demo) {
    lines.push('', 'Demo sign-ins (development only):', ...demo.lines);
    lines.push(`Emails and text messages the app sends appear at ${url}/dev/mailbox`);
  }
  console.log(lines.join('\n'));
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
    printWelcome(running.url, running.demo, !config.database.url);
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
