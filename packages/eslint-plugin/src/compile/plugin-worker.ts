/**
 * The worker behind {@link callWorker}: ESLint calls rules synchronously, and the compiler needs
 * PostgreSQL's parser, which loads asynchronously (`loadSqlParser`), as a config file loads
 * (`loadConfig`). This thread does both and answers each request; the rules' thread waits on
 * `signal` until the reply is posted.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { PostedRequest, ProjectConfig, WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = (workerData as { readonly port: MessagePort }).port;

port.on('message', (request: PostedRequest) => {
  void answer(request);
});

async function answer(request: PostedRequest): Promise<void> {
  let reply: WorkerReply;
  try {
    reply = { ok: true, value: await valueOf(request) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(request.signal, 0, 1);
  Atomics.notify(request.signal, 0);
}

// Imported when asked, not at the top: a failed import is then a reply the rule reports, not a
// worker that dies while the rules' thread waits for it.
async function valueOf(request: WorkerRequest): Promise<unknown> {
  switch (request.kind) {
    case 'compile': {
      const core = await import('@wesley/core');
      await core.loadSqlParser();
      return core.compileSchema(request.sources, request.options);
    }
    case 'config':
      return projectConfig(request.directory);
  }
}

async function projectConfig(directory: string): Promise<ProjectConfig | null> {
  const { findConfigFile } = await import('@wesley/config/files');
  const file = await findConfigFile(directory);
  if (file === null) return null;
  const { ConfigError, loadConfig } = await import('@wesley/config');
  try {
    const config = await loadConfig(file, directory);
    return { kind: 'config', file, directory: config.directory, schema: config.schema, scalars: config.scalars };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { kind: 'error', file, message: error.message, help: error.help };
  }
}
