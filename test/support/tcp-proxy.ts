import net from 'node:net';

/**
 * A loopback TCP proxy that can be cut and restored, to play a database that goes away and
 * comes back.
 */
export async function startTcpProxy(targetHost: string, targetPort: number, port = 0) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let listenPort = port;
  const open = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(targetPort, targetHost);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server!.listen(listenPort, '127.0.0.1', resolve));
    listenPort = (server.address() as net.AddressInfo).port;
  };
  await open();
  return {
    get port() {
      return listenPort;
    },
    /** Drops every connection and refuses new ones. */
    async cut() {
      const closing = new Promise((resolve) => server!.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closing;
    },
    restore: open,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server?.close(resolve));
    },
  };
}
