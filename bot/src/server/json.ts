import type { Response } from 'restify';

/** What every JSON answer of our own routes carries: never cached, never sniffed as something else. */
const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * Writes `body` as a JSON answer (UTF-8, with its length, {@link NO_STORE}). The tab API's error boundary and the
 * jobs' trigger route both answer through it.
 */
export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...NO_STORE, ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text, 'utf8')) });
  res.end(text);
}
