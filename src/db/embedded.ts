import fs from 'node:fs';
import type { EventLoopUtilization } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { acquireFolderLock, type FolderLock } from './folder-lock.js';
import type { WorkerOptions, WorkerReport } from './pglite-worker.js';
import { announceServer } from './running-server.js';

export interface EmbeddedDatabase {
  connectionString: string;
  /** How busy PGlite's thread has been (for benchmarks). */
  busy(since?: EventLoopUtilization): EventLoopUtilization;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Client connections beyond this many are refused (none by default). */
  maxConnections?: number;
  /** A dump made by `dumpDataDir`, to start from instead of an empty folder (tests use a migrated template). */
  loadFrom?: Blob;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) in this process, served on a loopback port so that
 * the app talks to it through the same pg.Pool it uses for a real server. PGlite and its server
 * (pglite-server.ts) run on a thread of their own (pglite-worker.ts).
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lock: FolderLock = acquireFolderLock(`${dataDir}.lock`, dataDir);
  try {
    if (!options.loadFrom && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      // Creating the database (initdb) takes hundreds of MB that PGlite's thread, idle between
      // queries, would hold on to for hours: create it on a thread that then ends.
      const creator = startWorker({ dataDir, createOnly: true });
      const created = await nextReport(creator);
      await creator.terminate();
      if ('failed' in created)
        throw new Error(`The embedded database could not be created in ${dataDir}: ${created.failed}`);
    }
    const worker = startWorker({ dataDir, loadFrom: options.loadFrom, maxConnections: options.maxConnections });
    const first = await nextReport(worker);
    if (!('ready' in first))
      throw new Error(`The embedded database could not start: ${'failed' in first ? first.failed : 'no reason given'}`);
    const { host, port } = first.ready;
    const connectionString = `postgres://postgres@${host}:${port}/postgres?sslmode=disable`;
    const withdraw = announceServer(dataDir, connectionString);
    let stopping: Promise<void> | undefined;
    return {
      connectionString,
      busy: (since) => worker.performance.eventLoopUtilization(since),
      stop: () =>
        (stopping ??= (async () => {
          withdraw();
          const stopped = nextReport(worker).catch(() => undefined);
          worker.postMessage('stop');
          await stopped;
          await worker.terminate();
          lock.release();
        })()),
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The worker runs its own file: JavaScript once built, or TypeScript through tsx (which Node 20 does not pass on to workers). */
function startWorker(workerData: WorkerOptions): Worker {
  const built = path.extname(fileURLToPath(import.meta.url)) === '.js';
  const file = new URL(`./pglite-worker${built ? '.js' : '.ts'}`, import.meta.url);
  if (built) return new Worker(file, { workerData });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function nextReport(worker: Worker): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerReport) => {
      worker.off('error', onError).off('exit', onExit);
      resolve(message);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage).off('exit', onExit);
      reject(error);
    };
    const onExit = (code: number) => {
      worker.off('message', onMessage).off('error', onError);
      reject(new Error(`The embedded database's thread stopped (exit code ${code}).`));
    };
    worker.once('message', onMessage).once('error', onError).once('exit', onExit);
  });
}
