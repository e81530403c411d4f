import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import signature from 'cookie-signature';
import supertest from 'supertest';
import { createApp, type App } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createPool } from '../../src/db/pool.js';
import { createLogger } from '../../src/logger.js';
import { startMessageQueue, type MessageQueue } from '../../src/notify/queue.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { TEST_ENV } from '../support/test-app.js';

describe('when the database goes away', () => {
  let db: TestDatabase;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let app: App;
  let queue: MessageQueue;
  let pool: ReturnType<typeof createPool>;

  before(async () => {
    db = await createTestDatabase();
    const target = new URL(db.connectionString);
    proxy = await startTcpProxy(target.hostname, Number(target.port));
    const viaProxy = new URL(db.connectionString);
    viaProxy.port = String(proxy.port);
    const logger = createLogger('silent');
    pool = createPool(viaProxy.toString(), 4, logger);
    // The queue talks to the database directly: this test is about the web app.
    queue = await startMessageQueue(db.connectionString, logger);
    app = createApp({ config: loadConfig(TEST_ENV), pool, logger, clock: systemClock, queue });
  });
  after(async () => {
    await app.close();
    await queue.stop();
    await pool.end();
    await proxy.close();
    await db.drop();
  });

  it('reports the database state on /healthz, answers "service unavailable" pages, and recovers by itself', async () => {
    const http = supertest(app.express);
    const up = await http.get('/healthz').expect(200);
    assert.deepEqual(up.body, { status: 'ok', database: 'up' });

    await proxy.cut();
    const down = await http.get('/healthz').expect(503);
    assert.deepEqual(down.body, { status: 'unavailable', database: 'down' });
    // A signed session cookie makes the page read the session store.
    const cookie = `ehc-session=${encodeURIComponent(`s:${signature.sign('some-session-id', TEST_ENV.SESSION_SECRET)}`)}`;
    // A page that needs the session store gets the GOV.UK unavailable page, not a stack trace.
    const page = await http.get('/help').set('Cookie', cookie).expect(503);
    assert.match(page.text, /Sorry, the service is unavailable/);
    assert.doesNotMatch(page.text, /at .*\.ts:\d+/);

    await proxy.restore();
    await http.get('/healthz').expect(200);
    await http.get('/help').set('Cookie', cookie).expect(200);
  });
});
