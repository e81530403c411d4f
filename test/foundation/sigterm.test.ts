import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { childDatabaseEnv, freePort, startNpm, waitForOutput } from '../support/real-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Sends a POST whose body arrives slowly: the request is in flight until `finish` is called.
 * `accepted` resolves when the server has the request (its 100 Continue to `Expect: 100-continue`).
 */
function slowRequest(port: number): { accepted: Promise<void>; finish(): void; response: Promise<number> } {
  const body = 'email=someone%40example.com&password=not-the-password';
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/sign-in',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': body.length,
      expect: '100-continue',
    },
  });
  const accepted = new Promise<void>((resolve) => request.once('continue', () => resolve()));
  const response = new Promise<number>((resolve, reject) => {
    request.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    request.on('error', reject);
  });
  // Handled here as well, so that a failure is reported by the assertion below, not as an unhandled rejection.
  response.catch(() => undefined);
  request.flushHeaders();
  return {
    accepted: accepted.then(() => void request.write(body.slice(0, 10))),
    finish: () => request.end(body.slice(10)),
    response,
  };
}

describe('npm start and SIGTERM', () => {
  const cleanUps: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanUp of cleanUps) await cleanUp();
  });

  it('finishes the request in flight and exits within 10 seconds', { timeout: 180_000 }, async () => {
    const database = await childDatabaseEnv();
    cleanUps.push(database.cleanUp);
    const port = await freePort();
    const started = startNpm(['start'], { ...database.env, PORT: String(port) }, root);
    cleanUps.push(async () => void started.child.kill('SIGKILL'));
    await waitForOutput(started, /EHC Hub is running at/);

    const slow = slowRequest(port);
    await slow.accepted;
    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    slow.finish();
    // The request was accepted before SIGTERM, so it gets its answer (the form has no CSRF token: 403).
    assert.equal(await slow.response, 403);

    const code = await Promise.race([
      started.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000)),
    ]);
    assert.equal(code, 0, started.output());
    assert.ok(Date.now() - signalledAt < 10_000);
    // Nothing of the server is left listening on its port.
    await assert.rejects(fetch(`http://127.0.0.1:${port}/health`));
  });
});
