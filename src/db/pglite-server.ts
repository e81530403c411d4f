import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SessionGate } from './session-gate.js';
import {
  closeStatement,
  finalReadyStatus,
  FrontendReader,
  parsedStatementName,
  simpleQuery,
  SYNC,
  withStatementPrefix,
} from './wire.js';

/** What the server needs of PGlite: run some protocol messages in its one session, return the reply. */
export interface ProtocolBackend {
  execProtocolRaw(message: Uint8Array): Promise<Uint8Array>;
}

export interface PgliteServer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves PGlite's one session to any number of PostgreSQL clients on a loopback port. A client
 * has the session to itself from its first message until the backend is idle again (ReadyForQuery
 * 'I'): a transaction, or an extended query sent in several writes, is never interleaved with
 * another client's messages. (pglite-socket interleaves them, and replies get mixed up.)
 */
export interface ServeOptions {
  host?: string;
  port?: number;
  maxConnections?: number;
  /** Told (once) when a client has waited long for the session: a likely sign of a client waiting for itself. */
  warn?: (message: string) => void;
  slowWaitMs?: number;
}

export const slowWaitWarning = (ms: number) =>
  `A client of the embedded database has waited ${ms / 1000} seconds for its one session while another holds it. ` +
  "Transactions take turns on PGlite: code that queries the pool while it holds a transaction's client waits for itself " +
  "(on PostgreSQL it would not). Use the transaction's client.";

export async function servePglite(backend: ProtocolBackend, options: ServeOptions = {}): Promise<PgliteServer> {
  const gate = new SessionGate();
  let warned = false;
  const enter = async (owner: unknown) => {
    const slowWaitMs = options.slowWaitMs ?? 10_000;
    const timer = setTimeout(() => {
      if (warned) return;
      warned = true;
      options.warn?.(slowWaitWarning(slowWaitMs));
    }, slowWaitMs);
    try {
      await gate.enter(owner);
    } finally {
      clearTimeout(timer);
    }
  };
  const connections = new Set<ClientConnection>();
  let nextId = 1;
  const server = net.createServer((socket) => {
    const connection = new ClientConnection(socket, backend, gate, enter, nextId++);
    connections.add(connection);
    socket.once('close', () => connections.delete(connection));
  });
  if (options.maxConnections) server.maxConnections = options.maxConnections;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  return {
    host,
    port: (server.address() as AddressInfo).port,
    async stop() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const connection of connections) connection.socket.destroy();
      await Promise.all([...connections].map((connection) => connection.finished()));
      await closed;
    },
  };
}

class ClientConnection {
  readonly #reader = new FrontendReader();
  readonly #prefix: string;
  #pending: Buffer[] = [];
  #statements = new Set<string>();
  #work: Promise<void> | undefined;
  #closed = false;
  readonly #socketClosed: Promise<void>;

  constructor(
    readonly socket: net.Socket,
    private readonly backend: ProtocolBackend,
    private readonly gate: SessionGate,
    private readonly enter: (owner: unknown) => Promise<void>,
    id: number,
  ) {
    this.#prefix = `c${id}_`;
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.#receive(chunk));
    socket.on('error', () => socket.destroy());
    this.#socketClosed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('close', () => {
      this.#closed = true;
      this.#pending = [];
      this.#start();
    });
  }

  /** Resolves once the socket has closed and the session is left as it was found. */
  async finished(): Promise<void> {
    await this.#socketClosed;
    while (this.#work) await this.#work;
  }

  #receive(chunk: Buffer) {
    this.#reader.push(chunk);
    for (let message = this.#reader.next(); message; message = this.#reader.next()) {
      if (message.kind === 'encryption-request') this.socket.write('N');
      else if (message.kind === 'cancel' || message.kind === 'terminate') this.socket.end();
      else if (message.kind === 'startup') this.#pending.push(message.bytes);
      else this.#pending.push(this.#named(message.bytes));
    }
    this.#start();
  }

  #named(message: Buffer): Buffer {
    const rewritten = withStatementPrefix(message, this.#prefix);
    const name = parsedStatementName(rewritten);
    if (name) this.#statements.add(name);
    return rewritten;
  }

  #start() {
    this.#work ??= this.#run().finally(() => {
      this.#work = undefined;
      if (this.#pending.length > 0 || (this.#closed && (this.gate.holds(this) || this.#statements.size > 0)))
        this.#start();
    });
  }

  async #run() {
    try {
      while (this.#pending.length > 0 && !this.#closed) {
        await this.enter(this);
        if (this.#closed) break;
        const batch = this.#pending.length === 1 ? this.#pending[0] : Buffer.concat(this.#pending);
        this.#pending = [];
        const reply = await this.backend.execProtocolRaw(batch);
        // PGlite may hand back a view of its own buffer, which the next call overwrites.
        if (reply.length > 0) this.socket.write(Buffer.from(reply));
        // Let the next client in once this one leaves the session idle; if it has more to send,
        // it queues again behind the others.
        if (finalReadyStatus(reply) === 'I') this.gate.leave(this);
      }
      if (this.#closed) await this.#cleanUp();
    } catch {
      this.#closed = true;
      this.socket.destroy();
      await this.#cleanUp().catch(() => undefined);
    }
  }

  /** A client gone mid-transaction or with prepared statements must leave the session as it found it. */
  async #cleanUp() {
    if (!this.gate.holds(this) && this.#statements.size === 0) return;
    await this.gate.enter(this);
    try {
      const closes = [...this.#statements].map(closeStatement);
      this.#statements.clear();
      const reply = await this.backend.execProtocolRaw(Buffer.concat([...closes, SYNC]));
      if (finalReadyStatus(reply) !== 'I') await this.backend.execProtocolRaw(simpleQuery('ROLLBACK'));
    } finally {
      this.gate.leave(this);
    }
  }
}
