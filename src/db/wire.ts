// Just enough of PostgreSQL's wire protocol (version 3) for the embedded database's server: where
// one client message ends, and what the backend says about its transaction after a reply.
// https://www.postgresql.org/docs/current/protocol-message-formats.html

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export type FrontendMessage =
  | { kind: 'encryption-request' }
  | { kind: 'cancel' }
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'terminate' }
  | { kind: 'message'; bytes: Buffer };

/**
 * Cuts what a client sends into whole messages. The first messages of a connection have no type
 * byte (SSL or GSS requests, cancel requests, the startup message); every later one does.
 */
export class FrontendReader {
  #buffer: Buffer = Buffer.alloc(0);
  #started = false;

  push(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
  }

  next(): FrontendMessage | undefined {
    const buffer = this.#buffer;
    if (!this.#started) {
      if (buffer.length < 8) return undefined;
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) return undefined;
      const code = buffer.readInt32BE(4);
      const bytes = buffer.subarray(0, length);
      this.#buffer = buffer.subarray(length);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { kind: 'encryption-request' };
      if (code === CANCEL_REQUEST) return { kind: 'cancel' };
      this.#started = true;
      return { kind: 'startup', bytes };
    }
    if (buffer.length < 5) return undefined;
    const length = 1 + buffer.readInt32BE(1);
    if (buffer.length < length) return undefined;
    const bytes = buffer.subarray(0, length);
    this.#buffer = buffer.subarray(length);
    return bytes[0] === 0x58 /* X */ ? { kind: 'terminate' } : { kind: 'message', bytes };
  }
}

/**
 * The transaction status of the backend's last message when that message is ReadyForQuery
 * ('I' idle, 'T' in a transaction, 'E' in a failed one), or undefined when the reply ends with
 * anything else (the client is part-way through an extended query).
 */
export function finalReadyStatus(reply: Uint8Array): 'I' | 'T' | 'E' | undefined {
  // ReadyForQuery is exactly 6 bytes: 'Z', int32 length 5, status. Walk the messages rather than
  // peek at the tail, so that a data row ending in those bytes cannot fool us.
  let offset = 0;
  let last = -1;
  while (offset + 5 <= reply.length) {
    last = offset;
    offset +=
      1 + ((reply[offset + 1] << 24) | (reply[offset + 2] << 16) | (reply[offset + 3] << 8) | reply[offset + 4]);
  }
  if (last < 0 || offset !== reply.length || reply[last] !== 0x5a /* Z */) return undefined;
  return String.fromCharCode(reply[last + 5]) as 'I' | 'T' | 'E';
}

const PARSE = 0x50; // P: statement name first
const BIND = 0x42; // B: portal name, then statement name
const DESCRIBE = 0x44; // D: 'S' or 'P', then a name
const CLOSE = 0x43; // C: 'S' or 'P', then a name

/**
 * Every connection shares PGlite's one session, so a named prepared statement one client makes
 * would clash with another's of the same name: each connection's names get its own prefix.
 */
export function withStatementPrefix(message: Buffer, prefix: string): Buffer {
  const type = message[0];
  let at: number;
  if (type === PARSE) at = 5;
  else if (type === BIND) at = message.indexOf(0, 5) + 1;
  else if ((type === DESCRIBE || type === CLOSE) && message[5] === 0x53 /* S */) at = 6;
  else return message;
  if (message[at] === 0) return message; // the unnamed statement
  const added = Buffer.from(prefix, 'utf8');
  const rewritten = Buffer.concat([message.subarray(0, at), added, message.subarray(at)]);
  rewritten.writeInt32BE(rewritten.length - 1, 1);
  return rewritten;
}

/** The name a Parse message gives its statement ('' for the unnamed one); undefined for other messages. */
export function parsedStatementName(message: Buffer): string | undefined {
  if (message[0] !== PARSE) return undefined;
  return message.toString('utf8', 5, message.indexOf(0, 5));
}

function typed(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

export const SYNC = typed('S', Buffer.alloc(0));

export function closeStatement(name: string): Buffer {
  return typed('C', Buffer.concat([Buffer.from('S'), Buffer.from(`${name}\0`, 'utf8')]));
}

export function simpleQuery(sql: string): Buffer {
  return typed('Q', Buffer.from(`${sql}\0`, 'utf8'));
}
