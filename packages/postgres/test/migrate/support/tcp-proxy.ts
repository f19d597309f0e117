import net from 'node:net';

/** A loopback TCP proxy in front of a PostgreSQL server, whose connections a test can cut. */
export interface TcpProxy {
  /** `url` with its host and port replaced by the proxy's. */
  readonly url: string;
  /**
   * Cuts the connection whose server-side socket has local port `clientPort` (the backend's
   * `pg_stat_activity.client_port`), or every connection: both sockets are destroyed, as a
   * network failure or a pooler restart would end them. Returns how many were cut.
   */
  cut(clientPort?: number): number;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 forwarding to the host and port of `url`. */
export async function startTcpProxy(url: string): Promise<TcpProxy> {
  const target = new URL(url);
  const pairs = new Set<{ client: net.Socket; server: net.Socket }>();
  const proxy = net.createServer((client) => {
    const server = net.connect({ host: target.hostname, port: Number(target.port || 5432) });
    const pair = { client, server };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
    client.pipe(server);
    server.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address() as net.AddressInfo;
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(address.port);
  return {
    url: proxied.toString(),
    cut(clientPort) {
      let cut = 0;
      for (const pair of [...pairs]) {
        if (clientPort !== undefined && pair.server.localPort !== clientPort) continue;
        pairs.delete(pair);
        pair.client.destroy();
        pair.server.destroy();
        cut++;
      }
      return cut;
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.server.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
