/** What node-postgres says when the socket of a session closed under it, or was already closed. */
const driverMessages = [
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/** Socket errors of a connection that was open: the server or the network went away. */
const socketCodes = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ECONNABORTED']);

/**
 * Whether `error` (or an error it was caused by) says the session to the server is gone: the
 * server restarted or shut down (SQLSTATE class 08, 57P01-57P03), the session was terminated
 * (`pg_terminate_backend`, `idle_session_timeout`), or the socket was cut. Nothing about the
 * statement it was running is wrong then; the work is to be run again once the server is back.
 */
export function connectionLost(error: unknown): boolean {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 8; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || socketCodes.has(code))) return true;
    if (typeof message === 'string' && driverMessages.includes(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
