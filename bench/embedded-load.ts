// The embedded database under load, against PostgreSQL (run by hand, prints figures):
//   npx tsx bench/embedded-load.ts
// Starts the app twice in child processes, on PGlite (a temporary folder) and on PostgreSQL
// (a database of its own on BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres),
// then in interleaved rounds: parents reading My cases (BENCH_CONNECTIONS at once), and the same
// with case workers adding notes, every response checked. Prints req/s, p99, wrong responses and
// each app process's memory.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createLogger } from '../src/logger.js';
import { startMessageQueue } from '../src/notify/queue.js';
import { sendersFromConfig } from '../src/senders.js';
import { runMixedLoad, seedMixedLoad, type LoadResult, type MixedLoadUsers } from '../test/support/mixed-load.js';
import { sessionCookieFor } from '../test/support/sessions.js';
import { TEST_ENV, type TestApp } from '../test/support/test-app.js';
import { createServerDatabase } from './support/database.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PARENTS = 5;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface CpuReport {
  pgliteThreadMs: number;
  cpuMs: number;
}

interface Ready {
  port: number;
  users: MixedLoadUsers;
}

/** The child: the app on one database, seeded, served on a free port; reports memory when asked. */
async function serve() {
  const config = loadConfig({
    ...TEST_ENV,
    PGLITE_DIR: process.env.BENCH_PGLITE_DIR,
    DATABASE_URL: process.env.BENCH_CHILD_DATABASE_URL,
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX,
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger('silent');
  const database = await openDatabase(config, logger);
  await migrate(database.pool);
  const queue = await startMessageQueue(database.connectionString, logger);
  await queue.deliverWith(sendersFromConfig(config, database.pool));
  const app = createApp({ config, pool: database.pool, logger, clock: systemClock, queue });
  const server = app.express.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const t = { clock: systemClock, pool: database.pool, config } as unknown as TestApp;
  const users = await seedMixedLoad(
    database.pool,
    async (userId) => {
      const { name, value } = await sessionCookieFor(t, userId);
      return `${name}=${value}`;
    },
    { parents: PARENTS, caseworkerSessions: 2 },
  );
  let mark = { elu: database.embeddedBusy?.(), cpu: process.cpuUsage() };
  let peak = 0;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200).unref();
  process.on('message', (message) => {
    if (message === 'memory')
      process.send!({ rss: process.memoryUsage().rss, peak: Math.max(peak, process.memoryUsage().rss) });
    if (message === 'cpu') {
      // Where the time goes: how busy the app's own thread was, and the CPU of all the process's
      // threads (PGlite's among them, when embedded) since the last time asked.
      const busy = database.embeddedBusy?.(mark.elu);
      const cpu = process.cpuUsage(mark.cpu);
      mark = { elu: database.embeddedBusy?.(), cpu: process.cpuUsage() };
      process.send!({ pgliteThreadMs: busy?.active ?? 0, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies CpuReport);
    }
  });
  const address = server.address() as { port: number };
  process.send!({ port: address.port, users } satisfies Ready);
}

function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (reply) => resolve(reply as T));
    child.once('exit', (code) => reject(new Error(`the app exited (${code})`)));
    if (message) child.send(message);
  });
}

interface Backend {
  name: string;
  child: ChildProcess;
  ready: Ready;
  reads: LoadResult[];
  mixed: LoadResult[];
}

async function start(name: string, env: NodeJS.ProcessEnv): Promise<Backend> {
  const child = fork(fileURLToPath(import.meta.url), ['serve'], {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx'],
  });
  const ready = await ask<Ready>(child);
  return { name, child, ready, reads: [], mixed: [] };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-bench-load-'));
  const database = await createServerDatabase(SERVER_URL);
  const url = new URL(database.connectionString);
  const backends: Backend[] = [];
  try {
    backends.push(await start('PGlite', { BENCH_PGLITE_DIR: path.join(dir, 'pglite') }));
    backends.push(await start('PostgreSQL', { BENCH_CHILD_DATABASE_URL: url.toString() }));
    const readersPerParent = Math.max(1, Math.round(CONNECTIONS / PARENTS));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const backend of backends) {
        const base = `http://127.0.0.1:${backend.ready.port}`;
        await ask(backend.child, 'cpu');
        const reads = await runMixedLoad(
          base,
          { ...backend.ready.users, caseworkers: [] },
          { seconds: SECONDS, readersPerParent },
        );
        backend.reads.push(reads);
        const cpu = await ask<CpuReport>(backend.child, 'cpu');
        const perPage = (ms: number) => `${(ms / reads.reads).toFixed(1)} ms`;
        console.log(
          `round ${round} ${backend.name.padEnd(10)} a page costs the app process ${perPage(cpu.cpuMs)} of CPU` +
            (backend.name === 'PGlite'
              ? `; PGlite's thread was busy ${perPage(cpu.pgliteThreadMs)} a page (${((cpu.pgliteThreadMs / (SECONDS * 1000)) * 100).toFixed(0)} % of the time)`
              : ' (PostgreSQL runs in its own processes)'),
        );
        const mixed = await runMixedLoad(base, backend.ready.users, { seconds: SECONDS, readersPerParent });
        backend.mixed.push(mixed);
        console.log(
          `round ${round} ${backend.name.padEnd(10)} My cases ${(reads.reads / SECONDS).toFixed(0)} req/s p99 ${reads.readLatency.p99.toFixed(0)} ms, ${reads.wrong} wrong | ` +
            `with notes: ${mixed.reads} reads + ${mixed.writes} writes, ${mixed.wrong} wrong${mixed.examples.length ? ` (${mixed.examples[0]})` : ''}`,
        );
      }
    }
    console.log(`\nMy cases, ${readersPerParent * PARENTS} connections, ${SECONDS} s a round, median of ${ROUNDS}:`);
    const postgres = median(backends[1].reads.map((r) => r.reads / SECONDS));
    for (const backend of backends) {
      const rate = median(backend.reads.map((r) => r.reads / SECONDS));
      const p99 = median(backend.reads.map((r) => r.readLatency.p99));
      const wrong = [...backend.reads, ...backend.mixed].reduce((sum, r) => sum + r.wrong, 0);
      const total = [...backend.reads, ...backend.mixed].reduce((sum, r) => sum + r.reads + r.writes, 0);
      const memory = await ask<{ rss: number; peak: number }>(backend.child, 'memory');
      console.log(
        `  ${backend.name.padEnd(10)} ${rate.toFixed(0).padStart(4)} req/s (${((rate / postgres) * 100).toFixed(0)} % of PostgreSQL), p99 ${p99.toFixed(0)} ms, ` +
          `${wrong} wrong of ${total}, app process memory ${mb(memory.rss)} now, ${mb(memory.peak)} peak`,
      );
    }
  } finally {
    for (const backend of backends) backend.child.kill('SIGKILL');
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
