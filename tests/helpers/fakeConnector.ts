import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  /** How the fake answered: an HTTP status, or `'hung'` (it never answered; the call did not get through). */
  readonly answer?: number | 'hung';
}

/** What the fake does with one incoming call. */
type Behaviour = { readonly status: number; readonly retryAfter?: string } | 'hang';

/**
 * A fake Bot Connector: a local HTTP server to use as an activity's `serviceUrl`. It records what the bot sends
 * and answers 200 with an id, or what was queued: a status (`failNext`, `failFor` with a `Retry-After`), or no
 * answer at all (`hangNext`: the request is held open until the caller gives up or the fake stops), so tests see
 * real HTTP. Every attempt is recorded, the failed and hung ones too, with its answer.
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  private readonly queue: Behaviour[] = [];
  private readonly held = new Set<ServerResponse>();
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
        const behaviour = this.queue.shift() ?? { status: 200 };
        const base = { method: req.method ?? '', path: req.url ?? '', body };
        if (behaviour === 'hang') {
          this.calls.push({ ...base, answer: 'hung' });
          this.held.add(res);
          res.once('close', () => this.held.delete(res));
          return;
        }
        const { status, retryAfter } = behaviour;
        this.calls.push({ ...base, answer: status });
        res.writeHead(status, { 'content-type': 'application/json', ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) });
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
    for (let i = 0; i < count; i++) this.queue.push({ status });
  }

  /** The next `count` calls answer `status`, with a `Retry-After` header (seconds, or an HTTP date) when given. */
  failFor(status: number, count: number, options: { retryAfter?: number | string } = {}): void {
    const retryAfter = options.retryAfter === undefined ? undefined : String(options.retryAfter);
    for (let i = 0; i < count; i++) this.queue.push(retryAfter === undefined ? { status } : { status, retryAfter });
  }

  /** The next `count` calls get no answer at all (held open until the caller aborts or {@link stop}). */
  hangNext(count = 1): void {
    for (let i = 0; i < count; i++) this.queue.push('hang');
  }

  /** Forgets queued failures and hangs: from now on every call is answered 200 (the connector has recovered). */
  recover(): void {
    this.queue.length = 0;
  }

  /** Failures and hangs still queued. */
  pending(): number {
    return this.queue.length;
  }

  /** Forgets the record and the queue (between scenarios). */
  reset(): void {
    this.calls.length = 0;
    this.queue.length = 0;
  }

  /** Calls whose request line matches (method, and a path test), in order: the attempts of one reply. */
  attempts(method: string, path: RegExp | string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path)));
  }

  /** The calls that got through (answered 2xx). */
  delivered(): RecordedCall[] {
    return this.calls.filter((c) => typeof c.answer === 'number' && c.answer >= 200 && c.answer < 300);
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
    for (const res of this.held) res.destroy();
    this.held.clear();
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
