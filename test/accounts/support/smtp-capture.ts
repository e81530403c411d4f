import net from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface SmtpCapture {
  port: number;
  url: string;
  messages: CapturedEmail[];
  /** Waits for a message matching `match` (default: any) and returns it. */
  waitFor(match?: (message: CapturedEmail) => boolean, timeoutMs?: number): Promise<CapturedEmail>;
  close(): Promise<void>;
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function splitHeadersAndBody(raw: string): [Record<string, string>, string] {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return [parseHeaders(raw), ''];
  return [parseHeaders(raw.slice(0, match.index)), raw.slice(match.index + match[0].length)];
}

function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** Just enough MIME for nodemailer's messages: a text part and an HTML part, maybe in multipart/alternative. */
export function parseEmail(raw: string, to: string[]): CapturedEmail {
  const [headers, body] = splitHeadersAndBody(raw);
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const [partHeaders, partBody] = splitHeadersAndBody(chunk.replace(/^\r?\n/, ''));
      parts.push({
        type: partHeaders['content-type'] ?? '',
        content: decodeBody(partHeaders, partBody.replace(/\r?\n$/, '')),
      });
    }
  } else {
    parts.push({ type: headers['content-type'] ?? 'text/plain', content: decodeBody(headers, body) });
  }
  const find = (type: string) => parts.find((part) => part.type.startsWith(type))?.content ?? '';
  return {
    to,
    subject: headers.subject ?? '',
    text: find('text/plain').replace(/\r\n/g, '\n'),
    html: find('text/html'),
    raw,
  };
}

/** A real SMTP server on loopback that keeps every message it is sent. */
export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const messages: CapturedEmail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push(
          parseEmail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        waiters.forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.server.address() as net.AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    waitFor(match = () => true, timeoutMs = 45_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`No matching email within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening on it (for a mail server that is down). */
export { freePort } from '../../support/real-process.js';

/** The path of the first link to this app in an email's text, e.g. /register/abc… */
export function linkPath(text: string, prefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${prefix}[^\\s]*)`).exec(text);
  if (!match) throw new Error(`No ${prefix} link in the email:\n${text}`);
  return match[1];
}
