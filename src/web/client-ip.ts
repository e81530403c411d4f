import type { Request } from 'express';

/** Where a request came from (behind a proxy, as TRUST_PROXY allows): counted by rate limits, written to the audit log. */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
