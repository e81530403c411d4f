import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { notifySmsSender } from './notify-sms-sender.js';

describe('GOV.UK Notify text message sender', () => {
  let server: http.Server;
  let baseUrl: string;
  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            status_code: 400,
            errors: [{ error: 'ValidationError', message: 'phone_number Not a UK mobile number' }],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('throws (so the queue retries) with Notify’s reason, but not the token or the number', async () => {
    const sender = notifySmsSender({
      apiKey: `test-${crypto.randomUUID()}-${crypto.randomUUID()}`,
      baseUrl,
      smsTemplateId: crypto.randomUUID(),
    });
    await assert.rejects(
      sender.send(
        { to: '+447123456984', text: '123456 is your EHC Hub log in code. It expires in 10 minutes.' },
        'job-1',
      ),
      (error: Error) => {
        assert.equal(
          error.message,
          'GOV.UK Notify answered 400 (ValidationError: phone_number Not a UK mobile number)',
        );
        return true;
      },
    );
  });

  it('says when Notify cannot be reached', async () => {
    const sender = notifySmsSender({
      apiKey: `test-${crypto.randomUUID()}-${crypto.randomUUID()}`,
      baseUrl: 'http://127.0.0.1:9',
      smsTemplateId: crypto.randomUUID(),
    });
    await assert.rejects(
      sender.send({ to: '+447123456984', text: 'x' }, 'job-2'),
      /GOV.UK Notify could not be reached \(ECONNREFUSED\)/,
    );
  });
});
