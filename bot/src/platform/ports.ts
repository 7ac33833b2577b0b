import { createServer, connect } from 'node:net';

/** Asks the OS for a free TCP port on the host (Azurite cannot report the port it got for `--tablePort 0`). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Polls until host:port accepts connections, or rejects after `timeoutMs` or when `abort` says so. */
export async function waitForPort(
  port: number,
  options: { host?: string; timeoutMs?: number; abort?: () => string | undefined } = {},
): Promise<void> {
  const { host = '127.0.0.1', timeoutMs = 15_000, abort } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await isPortOpen(port, host)) return;
    const reason = abort?.();
    if (reason !== undefined) throw new Error(reason);
    if (Date.now() > deadline) throw new Error(`Nothing listened on ${host}:${port} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
