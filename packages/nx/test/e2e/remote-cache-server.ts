import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running self-hosted Nx remote cache, in memory. */
export interface RemoteCacheServer {
  readonly url: string;
  /** Every request, as `METHOD /path status`. */
  readonly requests: string[];
  /** The stored artifacts by task hash. */
  readonly entries: Map<string, Buffer>;
  close(): Promise<void>;
}

function body(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Nx's self-hosted remote cache HTTP spec: `PUT /v1/cache/{hash}` stores the tar body (200;
 * 409 when the hash is already stored, as artifacts are immutable), `GET /v1/cache/{hash}`
 * returns it or 404; every request carries `Authorization: Bearer <token>` (else 401 with a
 * text/plain reason, which Nx requires).
 */
export async function remoteCacheServer(token: string): Promise<RemoteCacheServer> {
  const requests: string[] = [];
  const entries = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const answer = (status: number, payload?: Buffer) => {
      requests.push(`${request.method} ${request.url} ${status}`);
      response.statusCode = status;
      if (payload !== undefined) response.setHeader('content-type', 'application/octet-stream');
      // The spec: refusals explain themselves in text/plain.
      if (status === 401) response.setHeader('content-type', 'text/plain');
      response.end(status === 401 ? 'invalid access token' : payload);
    };
    const hash = /^\/v1\/cache\/([^/?]+)$/.exec(request.url ?? '')?.[1];
    if (hash === undefined) return answer(404);
    if (request.headers.authorization !== `Bearer ${token}`) return answer(401);
    if (request.method === 'GET') {
      const entry = entries.get(hash);
      return entry === undefined ? answer(404) : answer(200, entry);
    }
    if (request.method === 'PUT') {
      void body(request).then((data) => {
        if (entries.has(hash)) return answer(409);
        entries.set(hash, data);
        answer(200);
      });
      return;
    }
    answer(405);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    entries,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
