// Starting the real `npm start` (or another npm script) as a child process, as a newcomer would.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { waitFor } from './wait.js';

/** A port nobody is listening on just now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Where a child process keeps its data: a new PostgreSQL database on the PostgreSQL run, a new
 * embedded PGlite folder (the newcomer's default) otherwise.
 */
export async function childDatabaseEnv(): Promise<{ env: NodeJS.ProcessEnv; cleanUp(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const database: TestDatabase = await createTestDatabase();
    return { env: { DATABASE_URL: database.connectionString }, cleanUp: () => database.drop() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehc-process-'));
  return {
    env: { PGLITE_DIR: path.join(dir, 'pglite') },
    cleanUp: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface StartedProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name) when the process has gone. */
  exited: Promise<number | string>;
}

/** Runs `npm <args>` (`npm start`, `npm run cli -- …`) with the given environment on top of a clean one. */
export function startNpm(args: string[], env: NodeJS.ProcessEnv, cwd: string): StartedProcess {
  return startProcess('npm', args, env, cwd);
}

/** Runs a command with the given environment on top of a clean development one (no test settings). */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): StartedProcess {
  const clean: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  delete clean.DATABASE_URL;
  for (const key of Object.keys(clean)) if (key.startsWith('EHC_TEST_')) delete clean[key];
  const child = spawn(command, args, { cwd, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, output: () => text, exited };
}

/** Waits until the output matches (or the process exits, or the time runs out). */
export async function waitForOutput(
  started: StartedProcess,
  pattern: RegExp,
  timeoutMs = 120_000,
): Promise<RegExpExecArray> {
  let gone = false;
  void started.exited.then(() => (gone = true));
  const found = () => {
    const match = pattern.exec(started.output());
    if (!match && gone) throw new Error(`the process exited before printing ${pattern}:\n${started.output()}`);
    return match ?? undefined;
  };
  return waitFor(`${pattern}`, found, timeoutMs, 200).catch((error: Error) => {
    throw new Error(`${error.message}:\n${started.output()}`);
  });
}
