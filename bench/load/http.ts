/**
 * The load's HTTP clients, on node:http with keep-alive agents of bounded size: the Bot Framework Service talks
 * to a bot over a pool of kept-alive connections (not one new TCP connection per activity), and each tab user's
 * browser keeps its own connection. A request that finds every connection of its pool busy waits for one, and
 * that wait is part of its measured latency (it starts when the request is due).
 */
import { Agent, request } from 'node:http';

export interface HttpClient {
  /** Sends and reads the whole answer; rejects on a connection failure or after `timeoutMs`. */
  send(method: 'GET' | 'POST', url: string, options: { body?: unknown; headers?: Record<string, string>; timeoutMs: number }): Promise<{ status: number; text: string }>;
  close(): void;
}

export function httpClient(maxSockets: number): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 1000 });
  return {
    send(method, url, { body, headers = {}, timeoutMs }) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const req = request(
          url,
          {
            method,
            agent,
            signal: AbortSignal.timeout(timeoutMs),
            headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
