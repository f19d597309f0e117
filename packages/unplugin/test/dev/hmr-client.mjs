// A Vite HMR client that speaks the protocol the browser's `/@vite/client` speaks: a WebSocket
// with the `vite-hmr` subprotocol on the server's base path, carrying one JSON message per frame.
// Node 20 has no global WebSocket (it arrives unflagged in Node 22) and `ws` is not a dependency,
// so this is the few dozen lines of RFC 6455 a receiving client needs. Plain JavaScript, so that
// `bench/hmr.bench.mjs` (run by Node directly) shares it with the tests.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';

const acceptGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const opcode = { continuation: 0x0, text: 0x1, close: 0x8, ping: 0x9, pong: 0xa };

/**
 * @typedef {{ type: string, [key: string]: unknown }} HmrMessage
 * @typedef {{
 *   readonly messages: readonly HmrMessage[],
 *   waitFor(predicate: (message: HmrMessage) => boolean, fromIndex?: number, timeoutMs?: number): Promise<HmrMessage>,
 *   close(): Promise<void>,
 * }} HmrClient
 */

/**
 * Connects to the HMR socket of a listening Vite dev server, as its browser client would: with the
 * server's WebSocket token (`server.config.webSocketToken`) in the query. Resolves once the server
 * has said `connected`.
 *
 * @param {string} serverUrl the dev server's origin, e.g. `http://127.0.0.1:5173`
 * @param {string} token `server.config.webSocketToken`
 * @returns {Promise<HmrClient>}
 */
export async function connectHmr(serverUrl, token) {
  const url = new URL(`/?token=${encodeURIComponent(token)}`, serverUrl);
  const key = randomBytes(16).toString('base64');
  const { socket, head } = await new Promise((resolve, reject) => {
    const req = request(url, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': key,
        'Sec-WebSocket-Protocol': 'vite-hmr',
      },
    });
    // `head` holds whatever the server sent right after its handshake: usually `connected`.
    req.on('upgrade', (response, upgraded, head) => {
      const expected = createHash('sha1')
        .update(key + acceptGuid)
        .digest('base64');
      if (response.headers['sec-websocket-accept'] !== expected) reject(new Error('HMR socket: bad Sec-WebSocket-Accept'));
      else resolve({ socket: upgraded, head });
    });
    req.on('response', (response) => reject(new Error(`HMR socket: HTTP ${response.statusCode} instead of an upgrade`)));
    req.on('error', reject);
    req.end();
  });

  /** @type {HmrMessage[]} */
  const messages = [];
  /** @type {Set<() => void>} */
  const listeners = new Set();
  let closed = false;
  let buffer = Buffer.alloc(0);
  /** @type {Buffer[]} */
  let fragments = [];

  const receive = (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
      buffer = buffer.subarray(frame.length);
      if (frame.opcode === opcode.ping) socket.write(encodeFrame(opcode.pong, frame.payload));
      if (frame.opcode === opcode.close) closed = true;
      if (frame.opcode !== opcode.text && frame.opcode !== opcode.continuation) continue;
      fragments.push(frame.payload);
      if (!frame.fin) continue;
      messages.push(JSON.parse(Buffer.concat(fragments).toString('utf8')));
      fragments = [];
      for (const listener of listeners) listener();
    }
  };
  receive(head);
  socket.on('data', receive);
  socket.on('close', () => {
    closed = true;
    for (const listener of listeners) listener();
  });

  /** @type {HmrClient} */
  const client = {
    messages,
    waitFor(predicate, fromIndex = 0, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.slice(fromIndex).find(predicate);
          if (!found && !closed) return;
          listeners.delete(check);
          clearTimeout(timer);
          if (found) resolve(found);
          else reject(new Error(`HMR socket closed; messages: ${JSON.stringify(messages.slice(fromIndex))}`));
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching HMR message within ${timeoutMs} ms; got: ${JSON.stringify(messages.slice(fromIndex))}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close() {
      return new Promise((resolve) => {
        if (socket.destroyed) return resolve();
        socket.once('close', () => resolve());
        socket.end(encodeFrame(opcode.close, Buffer.from([0x03, 0xe8]))); // 1000: normal closure
      });
    },
  };
  await client.waitFor((message) => message.type === 'connected');
  return client;
}

/** The first complete frame in `buffer` (servers never mask), or `undefined` if it has not all arrived. */
function readFrame(buffer) {
  if (buffer.length < 2) return undefined;
  const fin = (buffer[0] & 0x80) !== 0;
  const code = buffer[0] & 0x0f;
  let length = buffer[1] & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.length < offset + length) return undefined;
  return { fin, opcode: code, payload: buffer.subarray(offset, offset + length), length: offset + length };
}

/** A final client frame (clients must mask) with a payload under 126 bytes: pong and close. */
function encodeFrame(code, payload) {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]));
  return Buffer.concat([Buffer.from([0x80 | code, 0x80 | payload.length]), mask, masked]);
}
