import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import type { Logger } from 'pino';
import supertest from 'supertest';
import { createApp, type App } from '../../src/app.js';
import { systemClock, type Clock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createPool } from '../../src/db/pool.js';
import { allowNamedStatements } from '../../src/db/statements.js';
import { createLogger } from '../../src/logger.js';
import { startMessageQueue, type MessageQueue, type RetryPolicy, type Senders } from '../../src/notify/queue.js';
import { sendersFromConfig } from '../../src/senders.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface TestAppOptions {
  clock?: Clock;
  env?: Record<string, string>;
  /** Replace the configured senders (the dev mailbox table by default). */
  senders?: (config: Config, pool: pg.Pool) => Senders;
  /** Leave out the queue's workers, for tests that look at queued jobs themselves. */
  deliver?: boolean;
  retry?: RetryPolicy;
  /** Listen on this loopback port (for a BASE_URL that names it); any free port by default. */
  port?: number;
  /** Where the app logs (silent unless LOG_LEVEL is set). */
  logger?: Logger;
}

export interface TestApp {
  config: Config;
  pool: pg.Pool;
  clock: Clock;
  queue: MessageQueue;
  app: App;
  /** The app served on a loopback port (for supertest agents and the browser). */
  baseUrl: string;
  connectionString: string;
  /** A cookie-keeping client, like one browser. */
  agent(): supertest.Agent;
  /** Builds a second app process over the same database (restarts, several processes). */
  restart(): Promise<void>;
  /** Starts another app process over the same database, served on a port of its own. */
  twin(): Promise<{ baseUrl: string; agent(): supertest.Agent; close(): Promise<void> }>;
  close(): Promise<void>;
}

export const TEST_ENV = {
  NODE_ENV: 'test',
  BASE_URL: 'http://localhost:3000',
  SESSION_SECRET: 'test-session-secret-that-is-long-enough-1234',
  ENCRYPTION_KEY: '1f'.repeat(32),
  LOG_LEVEL: 'silent',
};

/** The real app over a real database of its own, with the real queue, served on loopback. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({ ...TEST_ENV, ...(options.env ?? {}) });
  const logger = options.logger ?? createLogger(process.env.LOG_LEVEL ?? 'silent');
  const clock = options.clock ?? systemClock;
  let pool = createPool(database.connectionString, 8, logger);
  // As src/server.ts does: named statements on a PostgreSQL server, never on PGlite's socket.
  allowNamedStatements(pool);
  let queue = await startMessageQueue(database.connectionString, logger, options.retry);
  const senders = () => (options.senders ?? sendersFromConfig)(config, pool);
  if (options.deliver !== false) await queue.deliverWith(senders());
  let app = createApp({ config, pool, logger, clock, queue });
  let server = await listen(app, options.port);

  const testApp: TestApp = {
    config,
    get pool() {
      return pool;
    },
    clock,
    get queue() {
      return queue;
    },
    get app() {
      return app;
    },
    get baseUrl() {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    connectionString: database.connectionString,
    agent: () => supertest.agent(testApp.baseUrl),
    async restart() {
      const port = (server.address() as AddressInfo).port;
      await stopServing();
      pool = createPool(database.connectionString, 8, logger);
      allowNamedStatements(pool);
      queue = await startMessageQueue(database.connectionString, logger, options.retry);
      if (options.deliver !== false) await queue.deliverWith(senders());
      app = createApp({ config, pool, logger, clock, queue });
      server = await listen(app, port);
    },
    async twin() {
      const twinPool = createPool(database.connectionString, 8, logger);
      const twinApp = createApp({ config, pool: twinPool, logger, clock, queue });
      const twinServer = await listen(twinApp);
      const baseUrl = `http://127.0.0.1:${(twinServer.address() as AddressInfo).port}`;
      return {
        baseUrl,
        agent: () => supertest.agent(baseUrl),
        async close() {
          twinServer.closeAllConnections();
          await new Promise((resolve) => twinServer.close(resolve));
          await twinApp.close();
          await twinPool.end();
        },
      };
    },
    async close() {
      await stopServing();
      await database.drop();
    },
  } as TestApp;

  async function stopServing() {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await queue.stop();
    await app.close();
    await pool.end();
  }
  return testApp;
}

async function listen(app: App, port = 0): Promise<http.Server> {
  const server = http.createServer(app.express);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
