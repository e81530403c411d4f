import fs from 'node:fs';
import pg from 'pg';
import { FolderInUseError, isRunning } from './folder-lock.js';

/**
 * The process that holds the embedded database serves it on a loopback port and says where in a
 * file beside the folder, so that a second process (the operator CLI) can reach the database
 * through it instead of opening the folder itself.
 */
interface ServerFile {
  pid: number;
  connectionString: string;
}

export const serverFileOf = (dataDir: string) => `${dataDir}.server.json`;

/** Writes the file; the returned function removes it (if it is still ours). */
export function announceServer(dataDir: string, connectionString: string): () => void {
  const file = serverFileOf(dataDir);
  const content: ServerFile = { pid: process.pid, connectionString };
  fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
  return () => {
    const current = readServerFile(file);
    if (current?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

function readServerFile(file: string): ServerFile | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ServerFile>;
    if (typeof parsed.pid === 'number' && typeof parsed.connectionString === 'string') return parsed as ServerFile;
  } catch {
    // Missing or half-written: as good as none.
  }
  return undefined;
}

/**
 * The connection string of the running process that holds `dataDir` (`owner`, from its lock),
 * checked by connecting; otherwise an error that says what to do.
 */
export async function runningServerFor(dataDir: string, owner: number | undefined): Promise<string> {
  const announced = readServerFile(serverFileOf(dataDir));
  if (!announced || announced.pid !== owner || !isRunning(announced.pid)) {
    throw new FolderInUseError(
      `The embedded database in ${dataDir} is in use by another process${owner ? ` (pid ${owner})` : ''}, which does not share it ` +
        "(only EHC Hub's server, `npm start`, does). Wait for that process to finish or stop it, then run this command again.",
      owner,
    );
  }
  const client = new pg.Client({ connectionString: announced.connectionString, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return announced.connectionString;
  } catch {
    throw new FolderInUseError(
      `EHC Hub's server (pid ${announced.pid}) holds the embedded database in ${dataDir} but does not answer on ` +
        `${new URL(announced.connectionString).host}. If it is stuck, stop it (kill ${announced.pid}), then run this command again.`,
      owner,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
