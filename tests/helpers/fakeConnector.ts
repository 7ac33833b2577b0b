import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/**
 * A fake Bot Connector: a local HTTP server to use as an activity's `serviceUrl`. It records what the bot sends
 * and answers 200 with an id, or the status queued with `failNext` (429/403/500…), so tests see real HTTP.
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  private readonly failures: number[] = [];
  private server: Server | undefined;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((text) => {
        let body: unknown = text;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          // keep the raw text
        }
        this.calls.push({ method: req.method ?? '', path: req.url ?? '', body });
        const status = this.failures.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status < 300 ? { id: `activity-${++this.counter}` } : { error: { code: String(status) } }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  /** The next `count` calls answer `status`. */
  failNext(status: number, count = 1): void {
    for (let i = 0; i < count; i++) this.failures.push(status);
  }

  /** Texts of the activities the bot posted. */
  sentTexts(): string[] {
    return this.calls
      .map((c) => (typeof c.body === 'object' && c.body !== null ? (c.body as { text?: unknown }).text : undefined))
      .filter((t): t is string => typeof t === 'string');
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
