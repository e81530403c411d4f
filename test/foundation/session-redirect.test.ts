import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import express from 'express';
import session from 'express-session';
import { sessionMiddleware } from '../../src/web/session.js';

/** express-session's memory store, whose saves wait until the test lets them through. */
class GatedStore extends session.MemoryStore {
  private waiting: (() => void)[] = [];
  gateOpen = true;

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void) {
    const save = () => super.set(sid, data, callback);
    if (this.gateOpen) save();
    else this.waiting.push(save);
  }

  close() {
    this.gateOpen = false;
  }

  open() {
    this.gateOpen = true;
    for (const save of this.waiting.splice(0)) save();
  }
}

interface Arrival {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Promise<string>;
}

/** A GET that resolves on the response's headers, as a browser acts on a redirect, not on its body. */
function headersOf(url: string, cookie?: string): Promise<Arrival> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: cookie ? { cookie } : {} }, (res) => {
      const body = new Promise<string>((done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(text));
      });
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
    });
    request.on('error', reject);
  });
}

const settled = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('sessions: a redirect is sent only once the session is stored', () => {
  const store = new GatedStore();
  let server: http.Server;
  let base: string;
  let releaseDownload: () => void = () => undefined;

  before(async () => {
    const app = express();
    app.use(sessionMiddleware(store, 'a test secret of enough length', false));
    app.get('/notice', (req, res) => {
      (req.session as unknown as Record<string, string>).notice = 'Your comment has been saved';
      res.redirect('/next');
    });
    app.get('/sign-in', (req, res, next) => {
      req.session.regenerate((error) => {
        if (error) return next(error);
        (req.session as unknown as Record<string, string>).user = 'jo';
        req.session.save(() => {
          // Only the save express-session makes as the response ends is held.
          store.close();
          res.redirect('/next');
        });
      });
    });
    app.get('/next', (req, res) => res.send(JSON.stringify(req.session)));
    app.get('/plain-redirect', (_req, res) => res.redirect('/next'));
    app.get('/download', (req, res) => {
      (req.session as unknown as Record<string, string>).downloaded = 'yes';
      res.type('text/plain').write('first part ');
      releaseDownload = () => res.end('last part');
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => store.open());

  it('holds back a redirect that changed the session until the store has saved it', async () => {
    store.close();
    const arrival = headersOf(`${base}/notice`);
    assert.equal(await settled(arrival, 300), false, 'no headers while the save waits');
    store.open();
    const { status, headers } = await arrival;
    assert.equal(status, 302);
    assert.equal(headers.location, '/next');
    const next = await headersOf(`${base}/next`, headers['set-cookie']![0]!.split(';')[0]);
    assert.match(await next.body, /Your comment has been saved/);
  });

  it('after a new session id and a save by the route, still waits for the save express-session makes at the end', async () => {
    // express-session saves a regenerated session again as the response ends (expressjs/session#935).
    // When that save landed after the browser's next request, it undid what that request stored.
    const arrival = headersOf(`${base}/sign-in`);
    assert.equal(await settled(arrival, 300), false, 'no headers while the save waits');
    store.open();
    const { status, headers } = await arrival;
    assert.equal(status, 302);
    const next = await headersOf(`${base}/next`, headers['set-cookie']![0]!.split(';')[0]);
    assert.match(await next.body, /"user":"jo"/);
  });

  it('sends a redirect that changed nothing at once, and streams other responses as they are written', async () => {
    store.close();
    const plain = await headersOf(`${base}/plain-redirect`);
    assert.equal(plain.status, 302);
    const download = await headersOf(`${base}/download`);
    assert.equal(download.status, 200);
    releaseDownload();
    store.open();
    assert.equal(await download.body, 'first part last part');
  });
});
