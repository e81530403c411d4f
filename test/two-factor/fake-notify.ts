import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NotifyRequest {
  method: string;
  path: string;
  authorization: string;
  body: {
    phone_number?: string;
    email_address?: string;
    template_id?: string;
    personalisation?: { body?: string; subject?: string };
    reference?: string;
  };
}

/**
 * A stand-in for GOV.UK Notify's REST API on loopback: it records every request and answers
 * a text message the way Notify does (201 and the notification).
 */
export async function startFakeNotify() {
  const requests: NotifyRequest[] = [];
  // Email addresses Notify refuses for good (a 400), and ones it fails once with a 500 before accepting.
  const refused = new Set<string>();
  const failOnce = new Set<string>();
  const answer = (res: http.ServerResponse, status: number, error: string, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status_code: status, errors: [{ error, message }] }));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : {};
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization ?? '',
        body,
      });
      if (req.method === 'POST' && req.url === '/v2/notifications/email') {
        const to = body.email_address ?? '';
        if (refused.has(to))
          return answer(res, 400, 'BadRequestError', "Can't send to this recipient using a team-only API key");
        if (failOnce.delete(to)) return answer(res, 500, 'Exception', 'Internal server error');
        const id = crypto.randomUUID();
        res.writeHead(201, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({
            id,
            reference: body.reference ?? null,
            content: {
              subject: body.personalisation?.subject ?? '',
              body: body.personalisation?.body ?? '',
              from_email: 'ehc-hub@notifications.service.gov.uk',
            },
            uri: `http://notify.test/v2/notifications/${id}`,
            template: { id: body.template_id, version: 1, uri: 'http://notify.test/template' },
          }),
        );
      }
      if (req.method !== 'POST' || req.url !== '/v2/notifications/sms')
        return answer(res, 404, 'NotFound', 'Not found');
      const id = crypto.randomUUID();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id,
          reference: body.reference ?? null,
          content: { body: body.personalisation?.body ?? '', from_number: 'EHCHub' },
          uri: `http://notify.test/v2/notifications/${id}`,
          template: {
            id: body.template_id,
            version: 1,
            uri: `http://notify.test/services/x/templates/${body.template_id}`,
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    requests,
    refuseEmailTo: (address: string) => refused.add(address),
    failEmailOnceTo: (address: string) => failOnce.add(address),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Checks a Notify bearer token: HS256, signed with the API key's secret part, issued by the service. */
export function verifyNotifyToken(
  authorization: string,
  serviceId: string,
  secret: string,
): { iss: string; iat: number } {
  const token = authorization.replace(/^Bearer /, '');
  const [header, payload, signature] = token.split('.');
  const expected = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  if (signature !== expected) throw new Error('The Notify token is not signed with the API key');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')).alg !== 'HS256') throw new Error('not HS256');
  if (claims.iss !== serviceId) throw new Error(`The token names service ${claims.iss}`);
  return claims;
}
