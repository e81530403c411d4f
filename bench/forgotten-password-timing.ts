// Does "Forgotten password?" answer known and unknown addresses in the same time? (Run by hand.)
//   npx tsx bench/forgotten-password-timing.ts                   (embedded PGlite in a temporary folder)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/forgotten-password-timing.ts
// Times BENCH_TRIES (50) POSTs for registered addresses and as many for unknown ones, interleaved,
// through the real app over HTTP, and compares the two samples with a Mann-Whitney U test: a
// small p-value (< 0.01) means the answer's timing tells whether an address has an account.
// The email is queued just after the answer, so that work can still slow a request sent straight
// after it (most on PGlite, with its one connection): the pause between tries keeps that out.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { createLogger } from '../src/logger.js';
import { startMessageQueue } from '../src/notify/queue.js';
import { sendersFromConfig } from '../src/senders.js';
import { mannWhitneyU } from './statistics.js';
import { openBenchDatabase } from './support/database.js';

const TRIES = Number(process.env.BENCH_TRIES ?? 50);

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** One "Forgotten password?" form, from an address of its own (so the per-address limit stays out of it); the POST is timed. */
async function timedRequest(baseUrl: string, email: string, from: string): Promise<number> {
  const page = await fetch(`${baseUrl}/forgotten-password`, { headers: { 'x-forwarded-for': from } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const start = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}/forgotten-password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(page), 'x-forwarded-for': from },
    body: new URLSearchParams({ _csrf: csrf, email }).toString(),
  });
  await res.arrayBuffer();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 302) throw new Error(`Expected 302, got ${res.status}`);
  return ms;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_PAUSE_MS ?? 100)));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const database = await openBenchDatabase();
  const logger = createLogger('silent');
  const pool = createPool(database.connectionString, 8, logger);
  await migrate(pool);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', TRUST_PROXY: 'true' });
  const queue = await startMessageQueue(database.connectionString, logger, undefined, 1);
  await queue.deliverWith(sendersFromConfig(config, pool));
  const app = createApp({ config, pool, logger, clock: systemClock, queue });
  const server = http.createServer(app.express);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  try {
    // A registered account for each try, so that the per-address limit of 3 emails an hour never applies.
    const known: string[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      const email = `known${i}.${Date.now()}@example.com`;
      await pool.query(
        `INSERT INTO users (email, full_name, kind, status, password_hash, registered_at)
         VALUES ($1, 'Bench Parent', 'family', 'active', '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA', now())`,
        [email],
      );
      known.push(email);
    }
    await timedRequest(baseUrl, 'warm.up@example.com', '10.0.0.1');

    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      // Interleaved, so that drift (the machine getting busier) falls on both samples alike.
      // Each pause lets the work done after the previous answer (the email queued) finish first, so
      // that it is not timed as part of the next request.
      knownTimes.push(await timedRequest(baseUrl, known[i], `10.1.${i >> 8}.${i & 255}`));
      await pause();
      unknownTimes.push(
        await timedRequest(baseUrl, `unknown${i}.${Date.now()}@example.com`, `10.2.${i >> 8}.${i & 255}`),
      );
      await pause();
    }
    const test = mannWhitneyU(knownTimes, unknownTimes);
    console.log(`forgotten password, ${TRIES} tries each (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}):`);
    console.log(`  registered address: median ${median(knownTimes).toFixed(2)} ms`);
    console.log(`  unknown address:    median ${median(unknownTimes).toFixed(2)} ms`);
    console.log(
      `  Mann-Whitney U = ${test.u.toFixed(1)}, z = ${test.z.toFixed(2)}, two-sided p = ${test.p.toFixed(3)}`,
    );
    console.log(
      test.p < 0.01 ? '  The two can be told apart (p < 0.01).' : '  The two cannot be told apart at p < 0.01.',
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await queue.stop();
    await app.close();
    await pool.end();
    await database.close();
  }
}

await main();
