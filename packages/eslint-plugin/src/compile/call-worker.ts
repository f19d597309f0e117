import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { PostedRequest, WorkerReply, WorkerRequest } from './worker-protocol.js';

/** Long enough for a cold start (worker, the compiler, PostgreSQL's parser) on a loaded machine. */
const replyTimeoutMs = 60_000;

let channel: { readonly worker: Worker; readonly port: MessagePort } | null = null;

/**
 * Asks the plugin's worker thread (`plugin-worker.ts`) and waits for its answer, synchronously,
 * as an ESLint rule must: the worker does what needs an asynchronous load or read (the compiler
 * needs PostgreSQL's parser, `loadSqlParser`; a config is loaded by `loadConfig`), and this
 * thread waits with `Atomics.wait`. One worker per process, started on the first call and
 * unreferenced, so it never keeps ESLint running.
 *
 * @throws Error when the worker cannot answer (not for a bad schema or config: those are values).
 */
export function callWorker(request: WorkerRequest): unknown {
  channel ??= startWorker();
  const { port } = channel;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const posted: PostedRequest = { ...request, signal };
  port.postMessage(posted);
  const waited = Atomics.wait(signal, 0, 0, replyTimeoutMs);
  const received = receiveMessageOnPort(port) as { message: WorkerReply } | undefined;
  if (waited === 'timed-out' || received === undefined) {
    void channel.worker.terminate();
    channel = null;
    throw new Error(`@wesley/eslint-plugin: the compiler did not answer within ${replyTimeoutMs / 1000} s`);
  }
  const reply = received.message;
  if (!reply.ok) throw new Error(`@wesley/eslint-plugin: the compiler could not run: ${reply.message}`);
  return reply.value;
}

function startWorker(): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./plugin-worker.js', import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  port1.unref();
  // A worker that exits (killed, out of memory) is started again by the next call.
  worker.once('exit', () => {
    if (channel?.worker === worker) channel = null;
  });
  return { worker, port: port1 };
}
