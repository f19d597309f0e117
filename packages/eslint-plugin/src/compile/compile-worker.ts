/**
 * The worker behind {@link compileSync}: ESLint calls rules synchronously, and the compiler needs
 * PostgreSQL's parser, which loads asynchronously (`loadSqlParser`). This thread loads it once
 * and compiles each request; the rule's thread waits on `signal` until the reply is posted.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { CompileReply, CompileRequest } from './compile-protocol.js';

const port = (workerData as { readonly port: MessagePort }).port;

port.on('message', (request: CompileRequest) => {
  void answer(request);
});

async function answer({ signal, sources, options }: CompileRequest): Promise<void> {
  let reply: CompileReply;
  try {
    // Imported here, not at the top: a failed import is then a reply the rule reports, not a
    // worker that dies while the rule's thread waits for it.
    const core = await import('@wesley/core');
    await core.loadSqlParser();
    reply = { ok: true, result: core.compileSchema(sources, options) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
