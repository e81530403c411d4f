import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback reverse proxy like a council's load balancer ending TLS: it passes each request to
 * the app with `X-Forwarded-For` (the client's address, as given) and `X-Forwarded-Proto: https`.
 */
export async function startReverseProxy(target: string, clientAddress: string) {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': clientAddress, 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A client that keeps cookies by hand, because the app sets `Secure` ones that HTTP clients keep to themselves. */
export function cookieClient(baseUrl: string) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  async function request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const res = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const cookie of res.headers.getSetCookie()) {
      setCookies.push(cookie);
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  }
  return { request, setCookies };
}
