// The embedded database's own thread: PGlite and the server in front of it (pglite-server.ts).
// PGlite runs queries synchronously; here they no longer stop the app's thread from rendering
// pages meanwhile, so the app and its database use two cores as they would with PostgreSQL.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { servePglite } from './pglite-server.js';

export interface WorkerOptions {
  dataDir: string;
  loadFrom?: Blob;
  maxConnections?: number;
  /** Only create the database (initdb) and stop. */
  createOnly?: boolean;
}

export type WorkerReport = { ready: { host: string; port: number } } | { failed: string } | { stopped: true };

const port = parentPort!;
const options = workerData as WorkerOptions;
const report = (message: WorkerReport) => port.postMessage(message);

async function run() {
  const db = await PGlite.create(options.dataDir, options.loadFrom ? { loadDataDir: options.loadFrom } : {});
  if (options.createOnly) {
    await db.close();
    report({ stopped: true });
    port.close();
    return;
  }
  const server = await servePglite(db, {
    maxConnections: options.maxConnections,
    warn: (message) => console.warn(message),
  });
  port.once('message', async () => {
    await server.stop();
    await db.close();
    report({ stopped: true });
    port.close();
  });
  report({ ready: { host: server.host, port: server.port } });
}

run().catch((error: Error) => {
  report({ failed: error.message });
  port.close();
});
