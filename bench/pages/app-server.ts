// The app as `npm start` runs it (config from the environment bench/pages.ts sets), in a process
// of its own, after seeding what the benchmark needs. Counts the queries it sends (every
// round trip through pg's Client, the pool's included) and answers over IPC.
import http from 'node:http';
import pg from 'pg';
import { createApp } from '../../src/app.js';
import { systemClock, ukToday } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { allowNamedStatements } from '../../src/db/statements.js';
import { createLogger } from '../../src/logger.js';
import { startMessageQueue } from '../../src/notify/queue.js';
import { sendersFromConfig } from '../../src/senders.js';
import { seed } from './seed.js';

let queries = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await openDatabase(config, logger);
if (!database.embedded) allowNamedStatements(database.pool);
await migrate(database.pool);
const seeded = await seed(database.pool, {
  councilName: config.council.name,
  secret: config.sessionSecret,
  production: config.isProduction,
  today: ukToday(systemClock),
  trayCases: Number(process.env.BENCH_TRAY_CASES ?? 0),
});
const queue = await startMessageQueue(database.connectionString, logger, undefined, database.embedded ? 1 : 3);
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
});
// Nothing to keep: the bench drops the database (or the PGlite folder) afterwards.
process.on('disconnect', () => process.exit(0));
