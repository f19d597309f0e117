import net from 'node:net';

/** A loopback TCP proxy in front of a server, whose connections a test can cut as a network failure would. */
export interface CutProxy {
  /** `url` with its host and port replaced by the proxy's. */
  readonly url: string;
  /** Destroys both sockets of every connection through the proxy; returns how many there were. */
  cutAll(): number;
  close(): Promise<void>;
}

export async function startCutProxy(url: string): Promise<CutProxy> {
  const target = new URL(url);
  const pairs = new Set<readonly [net.Socket, net.Socket]>();
  const proxy = net.createServer((client) => {
    const server = net.connect({ host: target.hostname, port: Number(target.port || 5432) });
    const pair = [client, server] as const;
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    for (const socket of pair) socket.on('error', end).on('close', end);
    client.pipe(server);
    server.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((proxy.address() as net.AddressInfo).port);
  const cutAll = () => {
    const count = pairs.size;
    for (const [client, server] of [...pairs]) {
      client.destroy();
      server.destroy();
    }
    pairs.clear();
    return count;
  };
  return {
    url: proxied.toString(),
    cutAll,
    async close() {
      cutAll();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
