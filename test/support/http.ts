import type { Response } from 'superagent';

/** supertest's parser for a binary body (a download), with `.buffer(true).parse(binary)`. */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands a parser the response stream itself.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
