// The app (config from the environment bench/pages.ts sets), in a process of its own, after
// seeding what the benchmark needs. Counts the queries it sends (every
// round trip through pg's Client, the pool's included) and answers over IPC.
import http from 'node:http';
import pg from 'pg';
import { seed } from './seed.js';

// The app as production runs it, compiled to dist/ (bench/pages.ts builds it first), unless
// BENCH_FROM=src: tsx compiling src/ holds about 110 MB more than the compiled app.
const root = process.env.BENCH_FROM === 'src' ? '../../src' : '../../dist';
const load = <T>(module: string) => import(`${root}/${module}`) as Promise<T>;
const { createApp } = await load<typeof import('../../src/app.js')>('app.js');
const { systemClock, ukToday } = await load<typeof import('../../src/clock.js')>('clock.js');
const { loadConfig } = await load<typeof import('../../src/config.js')>('config.js');
const { openDatabase } = await load<typeof import('../../src/db/database.js')>('db/database.js');
const { migrate } = await load<typeof import('../../src/db/migrate.js')>('db/migrate.js');
const { allowNamedStatements } = await load<typeof import('../../src/db/statements.js')>('db/statements.js');
const { createLogger } = await load<typeof import('../../src/logger.js')>('logger.js');
const { startMessageQueue } = await load<typeof import('../../src/notify/queue.js')>('notify/queue.js');
const { sendersFromConfig } = await load<typeof import('../../src/senders.js')>('senders.js');
const { refreshCaseSummary } =
  await load<typeof import('../../src/cases/case-facts-from-db.js')>('cases/case-facts-from-db.js');
const { sessionCookieName } = await load<typeof import('../../src/web/session.js')>('web/session.js');

let queries = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await openDatabase(config, logger);
// As src/server.ts does, on PostgreSQL and PGlite alike.
allowNamedStatements(database.pool);
await migrate(database.pool);
const seeded = await seed(database.pool, {
  councilName: config.council.name,
  secret: config.sessionSecret,
  production: config.isProduction,
  today: ukToday(systemClock),
  trayCases: Number(process.env.BENCH_TRAY_CASES ?? 0),
  refreshCaseSummary,
  sessionCookieName,
});
const queue = await startMessageQueue(database.connectionString, logger);
await queue.deliverWith(sendersFromConfig(config, database.pool));
const app = createApp({ config, pool: database.pool, logger, clock: systemClock, queue });
const server = http.createServer(app.express);
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0, ...seeded });
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'queries') process.send?.({ type: 'queries', queries });
  if (message.type === 'memory') process.send?.({ type: 'memory', ...process.memoryUsage() });
});
// Nothing to keep: the bench drops the database (or the PGlite folder) afterwards.
process.on('disconnect', () => process.exit(0));
