import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { CompileOptions, CompileResult, SchemaSource } from '@wesley/core';
import type { CompileReply, CompileRequest } from './compile-protocol.js';

/** Long enough for a cold start (worker, the compiler, PostgreSQL's parser) on a loaded machine. */
const replyTimeoutMs = 60_000;

let channel: { readonly worker: Worker; readonly port: MessagePort } | null = null;

/**
 * `compileSchema` called synchronously, as an ESLint rule must: the compiler runs in a worker
 * thread (`compile-worker.ts`), which has PostgreSQL's parser loaded (an asynchronous load that
 * a rule cannot await), and this thread waits for its reply with `Atomics.wait`. One worker per
 * process, started on the first call and unreferenced, so it never keeps ESLint running.
 *
 * @throws Error when the compiler cannot run at all (not for a bad schema: that is diagnostics).
 */
export function compileSync(sources: readonly SchemaSource[], options: CompileOptions): CompileResult {
  channel ??= startWorker();
  const { port } = channel;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const request: CompileRequest = { signal, sources, options };
  port.postMessage(request);
  const waited = Atomics.wait(signal, 0, 0, replyTimeoutMs);
  const received = receiveMessageOnPort(port) as { message: CompileReply } | undefined;
  if (waited === 'timed-out' || received === undefined) {
    void channel.worker.terminate();
    channel = null;
    throw new Error(`@wesley/eslint-plugin: the compiler did not answer within ${replyTimeoutMs / 1000} s`);
  }
  const reply = received.message;
  if (!reply.ok) throw new Error(`@wesley/eslint-plugin: the compiler could not run: ${reply.message}`);
  return reply.result;
}

function startWorker(): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./compile-worker.js', import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  port1.unref();
  // A worker that exits (killed, out of memory) is started again by the next call.
  worker.once('exit', () => {
    if (channel?.worker === worker) channel = null;
  });
  return { worker, port: port1 };
}
