import assert from 'node:assert/strict';
import http from 'node:http';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type supertest from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import * as samples from './samples.js';
import { familyCase } from './family-support.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf } from '../support/forms.js';
import { textOf } from '../support/html.js';

const GB = 1024 * 1024 * 1024;
const BOUNDARY = 'ehc-test-boundary';

function cookieOf(agent: supertest.Agent): string {
  const jar = (agent as unknown as { jar: { getCookies(access: object): { toValueString(): string }[] } }).jar;
  return jar
    .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
    .map((cookie) => cookie.toValueString())
    .join('; ');
}

/** The start of a multipart body: the token, a description, then the head of one file part. */
function bodyStart(csrf: string): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\nA huge file\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="documents"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
}

/** Sends up to 2 GB, produced as it is read, and reports how much was produced before the server answered or hung up. */
function sendHuge(
  url: string,
  headers: Record<string, string>,
  start: Buffer,
): Promise<{ status?: number; body: string; bytesProduced: number }> {
  return new Promise((resolve) => {
    let produced = 0;
    let stopped = false;
    const chunk = Buffer.alloc(256 * 1024, 0x41);
    const source = new Readable({
      read() {
        if (stopped) return this.push(null);
        if (produced === 0) {
          produced += start.length;
          return this.push(start);
        }
        if (produced >= 2 * GB) return this.push(null);
        produced += chunk.length;
        this.push(chunk);
      },
    });
    const req = http.request(url, { method: 'POST', headers });
    const finish = (result: { status?: number; body: string }) => {
      stopped = true;
      source.unpipe(req);
      req.destroy();
      resolve({ ...result, bytesProduced: produced });
    };
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text) => (body += text));
      res.on('end', () => finish({ status: res.statusCode, body }));
      res.on('error', () => finish({ status: res.statusCode, body }));
    });
    req.on('error', () => finish({ body: '' }));
    source.pipe(req);
  });
}

describe('upload limits enforced while streaming', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ deliver: false });
  });
  after(() => t.close());

  it('cuts off a 2 GB upload (chunked, no length given) at the limit, stores nothing, and the app carries on', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const result = await sendHuge(
      `${t.baseUrl}/cases/${family.caseId}/documents/upload`,
      {
        cookie: cookieOf(family.agent),
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'transfer-encoding': 'chunked',
      },
      bodyStart(csrf),
    );
    // The request limit is 10 files of 10 MB and a little for the fields: far short of 2 GB.
    assert.ok(result.bytesProduced < 200 * 1024 * 1024, `read ${result.bytesProduced} bytes`);
    assert.equal(result.status, 413);
    assert.match(
      textOf(result.body),
      /The selected files must each be smaller than 10 MB, and you can upload up to 10 at a time\. Nothing was uploaded/,
    );
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [family.caseId]), 0);
    await family.agent.get(`/cases/${family.caseId}/documents`).expect(200);
  });

  it('refuses a declared 2 GB upload at once, without reading it, with a clear error', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const result = await sendHuge(
      `${t.baseUrl}/cases/${family.caseId}/documents/upload`,
      {
        cookie: cookieOf(family.agent),
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': String(2 * GB),
      },
      bodyStart(csrf),
    );
    assert.ok(result.bytesProduced < 50 * 1024 * 1024, `read ${result.bytesProduced} bytes`);
    assert.equal(result.status, 413);
    assert.match(textOf(result.body), /There is a problem The selected files must each be smaller than 10 MB/);
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [family.caseId]), 0);
  });

  it('still accepts a file of exactly 10 MB', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    const exact = Buffer.concat([samples.pdf(), Buffer.alloc(10 * 1024 * 1024 - samples.pdf().length, 0x20)]);
    await family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'Exactly at the limit')
      .attach('documents', exact, 'exact.pdf')
      .expect(302);
    assert.equal(
      await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1 AND size_bytes = $2`, [
        family.caseId,
        exact.length,
      ]),
      1,
    );
  });

  it('refuses more than 10 files at once, storing none', async () => {
    const family = await familyCase(t);
    const csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/documents/upload`);
    let request = family.agent
      .post(`/cases/${family.caseId}/documents/upload`)
      .field('_csrf', csrf)
      .field('description', 'Many');
    for (let i = 1; i <= 11; i += 1) request = request.attach('documents', samples.png(), `page-${i}.png`);
    const res = await request.expect(400);
    assert.match(textOf(res.text), /There is a problem Select up to 10 files at a time/);
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [family.caseId]), 0);
  });
});
