// The pages of issue 20 against the render floor, in interleaved rounds (run by hand, prints a table):
//   npm run bench -- pages.ts
// Starts the floors (bare Express + Nunjucks rendering a GOV.UK form page; bare Express sending
// 12 KB), the app in production mode on PostgreSQL (a database of its own, dropped afterwards)
// and on PGlite (production and development), seeds each, then runs autocannon against every page.
// Settings (environment):
//   DATABASE_URL       PostgreSQL server to make the bench database on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_SECONDS=5    per page per round       BENCH_ROUNDS=2        rounds
//   BENCH_CONNECTIONS=10                        BENCH_TRAY_CASES=100000 cases in the staff member's council
//   BENCH_PGLITE=false to skip the PGlite rows  BENCH_GZIP=true       send Accept-Encoding: gzip
//   BENCH_CPU_PROF=dir write a CPU profile (node --cpu-prof) of each app process into dir
//   BENCH_FROM=src     run the app from src/ through tsx instead of building dist/ first
//   BENCH_APP_NODE_ARGS="--max-old-space-size=128"  node options for the app processes (the Dockerfile's by default)
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { summariseProfile } from './pages/profile-summary.js';
import { createServerDatabase } from './support/database.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TRAY_CASES = Number(process.env.BENCH_TRAY_CASES ?? 100_000);
const WITH_PGLITE = process.env.BENCH_PGLITE !== 'false';
const GZIP = process.env.BENCH_GZIP === 'true';
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CPU_PROF = process.env.BENCH_CPU_PROF;
// As the Dockerfile runs it.
const APP_NODE_ARGS = process.env.BENCH_APP_NODE_ARGS ?? '--max-old-space-size=128';

/** A folder per app process: tsx's loader thread writes a profile of its own beside the main one. */
const profileDir = (serverName: string) => path.join(CPU_PROF ?? '', serverName.replace(/\W+/g, '-'));

interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  ready: Record<string, unknown>;
}

async function start(name: string, script: string, env: Record<string, string>): Promise<Server> {
  const execArgv = ['--import', 'tsx', ...(script === 'app-server.ts' ? APP_NODE_ARGS.split(' ').filter(Boolean) : [])];
  if (CPU_PROF && script === 'app-server.ts') execArgv.push('--cpu-prof', `--cpu-prof-dir=${profileDir(name)}`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === '') delete childEnv[key];
  const child = fork(path.join(here, 'pages', script), [], {
    env: childEnv,
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    child.on('message', (message: Record<string, unknown>) => {
      if (message.type === 'ready') resolve(message);
    });
  });
  return { name, child, port: ready.port as number, ready };
}

function askQueries(server: Server): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; queries: number }) => {
      if (message.type !== 'queries') return;
      server.child.off('message', onMessage);
      resolve(message.queries);
    };
    server.child.on('message', onMessage);
    server.child.send({ type: 'queries' });
  });
}

function memory(pid: number | undefined): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

interface Page {
  name: string;
  server: Server;
  path: string;
  cookie?: string;
  floor?: boolean;
  results: { rps: number; p99: number; bytes: number; bad: number; rss: number }[];
  queries?: number;
}

function headersOf(page: Page): Record<string, string> {
  const headers: Record<string, string> = { 'x-forwarded-proto': 'https' };
  if (page.cookie) headers.cookie = page.cookie;
  if (GZIP) headers['accept-encoding'] = 'gzip';
  return headers;
}

async function check(page: Page) {
  const response = await fetch(`http://127.0.0.1:${page.server.port}${page.path}`, {
    headers: headersOf(page),
    redirect: 'manual',
  });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`${page.name}: ${page.path} answered ${response.status} ${body.slice(0, 200)}`);
}

async function countQueries(page: Page): Promise<number> {
  const before = await askQueries(page.server);
  for (let i = 0; i < 20; i += 1) await check(page);
  return ((await askQueries(page.server)) - before) / 20;
}

async function load(page: Page) {
  const result = await autocannon({
    url: `http://127.0.0.1:${page.server.port}${page.path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: headersOf(page),
  });
  page.results.push({
    rps: result.requests.average,
    p99: result.latency.p99,
    bytes: result.requests.total ? result.throughput.total / result.requests.total : 0,
    bad: result.non2xx + result.errors + result.timeouts,
    rss: memory(page.server.child.pid).rss,
  });
}

function printProfiles(servers: Server[]) {
  for (const server of servers.filter((s) => fs.existsSync(profileDir(s.name)))) {
    const dir = profileDir(server.name);
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const main = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    if (main) console.log(`\nCPU profile of ${server.name} (${main}), seeding included:\n${summariseProfile(main)}`);
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** The middle value (the mean of the two middle ones for an even count). */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const secret = crypto.randomBytes(32).toString('hex');
  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: secret,
    ENCRYPTION_KEY: crypto.randomBytes(32).toString('hex'),
    BASE_URL: 'https://ehc-hub.bench.localhost',
    SMTP_URL: 'smtp://127.0.0.1:9',
    SMS_PROVIDER: 'notify',
    NOTIFY_API_KEY: 'bench-key',
    NOTIFY_BASE_URL: 'http://127.0.0.1:9',
    NOTIFY_SMS_TEMPLATE_ID: crypto.randomUUID(),
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const database = await createServerDatabase(SERVER_URL);
  const dbUrl = new URL(database.connectionString);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-bench-pages-'));
  const servers: Server[] = [];
  try {
    const started = Date.now();
    if (process.env.BENCH_FROM !== 'src') {
      // As production runs it (Dockerfile: npm run build, node dist/server.js).
      execFileSync('npm', ['run', 'build'], { cwd: path.resolve(here, '..'), stdio: 'ignore' });
    }
    const floor = await start('floor', 'floor-server.ts', {});
    servers.push(floor);
    const onPg = await start('app, PostgreSQL, production', 'app-server.ts', {
      ...production,
      DATABASE_URL: dbUrl.toString(),
      BENCH_TRAY_CASES: String(TRAY_CASES),
    });
    servers.push(onPg);
    const pgCookies = onPg.ready.cookies as Record<string, string>;
    const pages: Page[] = [
      { name: 'render floor (Express + Nunjucks form page)', server: floor, path: '/render', floor: true, results: [] },
      { name: 'static floor (Express, 12 KB from memory)', server: floor, path: '/static', results: [] },
      { name: '/sign-in (anonymous)', server: onPg, path: '/sign-in', results: [] },
      { name: 'My cases, 2 cases', server: onPg, path: '/cases', cookie: pgCookies.parent2, results: [] },
      {
        name: 'a case page',
        server: onPg,
        path: `/cases/${onPg.ready.caseId as string}`,
        cookie: pgCookies.parent2,
        results: [],
      },
      {
        name: `staff work tray, ${TRAY_CASES.toLocaleString('en-GB')} cases`,
        server: onPg,
        path: '/staff',
        cookie: pgCookies.staff,
        results: [],
      },
      { name: 'My cases, 50 cases', server: onPg, path: '/cases', cookie: pgCookies.parent50, results: [] },
    ];
    if (WITH_PGLITE) {
      const embedded = { ALLOW_EMBEDDED_DATABASE_IN_PRODUCTION: 'true', DATABASE_URL: '' };
      const lite = await start('app, PGlite, production', 'app-server.ts', {
        ...production,
        ...embedded,
        PGLITE_DIR: path.join(tmp, 'prod'),
      });
      servers.push(lite);
      const dev = await start('app, PGlite, development', 'app-server.ts', {
        ...embedded,
        NODE_ENV: 'development',
        PGLITE_DIR: path.join(tmp, 'dev'),
        LOG_LEVEL: 'warn',
      });
      servers.push(dev);
      pages.push({
        name: 'My cases on PGlite, production',
        server: lite,
        path: '/cases',
        cookie: (lite.ready.cookies as Record<string, string>).parent2,
        results: [],
      });
      pages.push({
        name: 'My cases on PGlite, development',
        server: dev,
        path: '/cases',
        cookie: (dev.ready.cookies as Record<string, string>).parent2,
        results: [],
      });
    }
    console.log(
      `Built, started and seeded in ${((Date.now() - started) / 1000).toFixed(0)} s; ${ROUNDS} rounds of ${SECONDS} s per page, ${CONNECTIONS} connections${GZIP ? ', gzip' : ''}.`,
    );
    const idle = new Map(servers.map((server) => [server, memory(server.child.pid).rss]));

    for (const page of pages) {
      await check(page);
      if (page.server !== floor) page.queries = await countQueries(page);
    }
    // The render floor runs at the start and at the end of each round, and each page is compared
    // with the mean of the two, round by round: other work on a shared machine moves the floor too.
    const floorPage = pages[0];
    const floorOfRound: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const page of pages) await load(page);
      await load(floorPage);
      const [start, end] = floorPage.results.splice(-2, 2);
      floorPage.results.push({ ...start, rps: (start.rps + end.rps) / 2, p99: Math.max(start.p99, end.p99) });
      floorOfRound.push((start.rps + end.rps) / 2);
      process.stderr.write(
        `round ${round} of ${ROUNDS} done (render floor ${start.rps.toFixed(0)} then ${end.rps.toFixed(0)} req/s)\n`,
      );
    }

    const rows = pages.map((page) => {
      const rps = mean(page.results.map((r) => r.rps));
      return [
        page.name,
        rps.toFixed(0),
        `${median(page.results.map((r) => r.p99)).toFixed(0)} ms`,
        `${(median(page.results.map((r, round) => r.rps / floorOfRound[round])) * 100).toFixed(0)} %`,
        page.queries === undefined ? '' : page.queries.toFixed(1),
        `${(median(page.results.map((r) => r.bytes)) / 1024).toFixed(1)}`,
        `${Math.max(...page.results.map((r) => r.rss)).toFixed(0)} MB`,
        String(page.results.reduce((sum, r) => sum + r.bad, 0)),
      ];
    });
    const header = [
      'page',
      'req/s',
      'p99',
      'share of the render floor (median of rounds)',
      'queries/page',
      'KB/response',
      "RSS after the page's run",
      'not 2xx',
    ];
    console.log(`\n| ${header.join(' | ')} |\n|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log('\n| process | RSS idle (after seeding) | RSS peak |\n|---|---:|---:|');
    for (const server of servers)
      console.log(
        `| ${server.name} | ${idle.get(server)!.toFixed(0)} MB | ${memory(server.child.pid).peak.toFixed(0)} MB |`,
      );
    console.log(
      `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${os.type()} ${os.release()}`,
    );
  } finally {
    for (const server of servers) server.child.disconnect();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise((resolve) =>
            server.child.exitCode === null ? server.child.once('exit', resolve) : resolve(null),
          ),
      ),
    );
    if (CPU_PROF) printProfiles(servers);
    await database.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
