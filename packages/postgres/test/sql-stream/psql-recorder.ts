import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** What psql sent for one query: its text, and for a COPY FROM STDIN the data it streamed. */
export interface SentQuery {
  readonly sql: string;
  readonly data?: string;
}

/** Decides which queries the recorder answers with CopyInResponse, as a server would for COPY FROM STDIN. */
export type CopyRule = (sql: string) => boolean;

const run = promisify(execFile);

/** psql of the system PostgreSQL 15, whose split the realsql references recorded. */
const psql = '/usr/lib/postgresql/15/bin/psql';

/**
 * A stand-in server speaking just enough of the v3 wire protocol (trust auth, simple queries,
 * COPY IN) to record exactly what the real psql sends for a script: `psql -X -q -f FILE`
 * against it. The server's only decision that shapes psql's split, whether a query starts a
 * COPY IN, is the caller's `copyRule`.
 */
export class PsqlRecorder {
  private server: net.Server | null = null;
  private port = 0;
  private directory = '';
  private sessions = 0;
  private readonly recorded = new Map<number, SentQuery[]>();

  constructor(private readonly copyRule: CopyRule) {}

  async start(): Promise<void> {
    if (!existsSync(psql)) throw new Error(`psql of PostgreSQL 15 not found at ${psql}: the psql agreement tests need it`);
    this.directory = await mkdtemp(path.join(tmpdir(), 'wesley-psql-'));
    const server = net.createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server === null ? resolve() : this.server.close(() => resolve())));
    await rm(this.directory, { recursive: true, force: true });
  }

  /** Runs `script` through psql; what psql sent, in order. The user name tells sessions apart. */
  async send(script: string): Promise<SentQuery[]> {
    const session = ++this.sessions;
    const file = path.join(this.directory, `${session}.sql`);
    await writeFile(file, script);
    this.recorded.set(session, []);
    // Statement errors are the server's business; psql's exit status says nothing about the split.
    await run(psql, ['-X', '-q', '-h', '127.0.0.1', '-p', String(this.port), '-U', `s${session}`, '-d', 'x', '-f', file], {
      env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
    }).catch(() => undefined);
    const sent = this.recorded.get(session) ?? [];
    this.recorded.delete(session);
    await rm(file, { force: true });
    return sent;
  }

  private serve(socket: net.Socket): void {
    let buffer = Buffer.alloc(0);
    let started = false;
    let sent: SentQuery[] = [];
    let copy: Buffer[] | null = null;
    const startup = (body: Buffer): void => {
      started = true;
      // The user name is the session number: it finds the list this connection records into.
      sent = this.recorded.get(Number((startupParameter(body, 'user') ?? '').slice(1))) ?? [];
      socket.write(
        Buffer.concat([
          message('R', int32(0)),
          parameter('server_version', '15.0'),
          parameter('server_encoding', 'UTF8'),
          parameter('client_encoding', 'UTF8'),
          parameter('standard_conforming_strings', 'on'),
          message('K', Buffer.concat([int32(1), int32(1)])),
          ready(),
        ]),
      );
    };
    const frontend = (type: string, body: Buffer): void => {
      if (type === 'Q') {
        const sql = body.subarray(0, body.length - 1).toString('utf8');
        sent.push({ sql });
        if (this.copyRule(sql)) {
          copy = [];
          socket.write(message('G', Buffer.from([0, 0, 0])));
        } else {
          socket.write(Buffer.concat([message('C', cstring('OK')), ready()]));
        }
      } else if (type === 'd') {
        copy?.push(Buffer.from(body));
      } else if (type === 'c' || type === 'f') {
        const last = sent.pop();
        if (last !== undefined) sent.push({ sql: last.sql, data: Buffer.concat(copy ?? []).toString('utf8') });
        copy = null;
        socket.write(Buffer.concat([message('C', cstring('COPY 0')), ready()]));
      } else if (type === 'X') {
        socket.end();
      }
    };
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8 || buffer.length < buffer.readInt32BE(0)) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          const body = buffer.subarray(8, length);
          buffer = buffer.subarray(length);
          if (code === 80877103 || code === 80877104)
            socket.write('N'); // no SSL, no GSS encryption
          else startup(body);
          continue;
        }
        if (buffer.length < 5 || buffer.length < buffer.readInt32BE(1) + 1) return;
        const length = buffer.readInt32BE(1);
        const type = String.fromCharCode(buffer[0] as number);
        const body = buffer.subarray(5, length + 1);
        buffer = buffer.subarray(length + 1);
        frontend(type, body);
      }
    });
  }
}

function message(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(5 + body.length);
  out.write(type, 0, 'latin1');
  out.writeInt32BE(body.length + 4, 1);
  body.copy(out, 5);
  return out;
}

function cstring(text: string): Buffer {
  return Buffer.concat([Buffer.from(text), Buffer.from([0])]);
}

function int32(n: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32BE(n);
  return out;
}

function parameter(name: string, value: string): Buffer {
  return message('S', Buffer.concat([cstring(name), cstring(value)]));
}

function ready(): Buffer {
  return message('Z', Buffer.from('I'));
}

function startupParameter(body: Buffer, name: string): string | undefined {
  const parts = body.toString('utf8').split('\0');
  const index = parts.indexOf(name);
  return index >= 0 && index % 2 === 0 ? parts[index + 1] : undefined;
}
