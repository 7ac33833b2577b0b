// restify 11 ships no types and @types/restify stops at restify 8: this declares the part we use.
declare module 'restify' {
  import type { IncomingMessage, ServerResponse, Server as HttpServer } from 'node:http';
  import type { AddressInfo } from 'node:net';

  export interface Request extends IncomingMessage {
    body?: unknown;
    params?: Record<string, string>;
    /** qs's parse: text, or a list (`?a=1&a=2`) or an object (`?a[b]=c`), which createServer refuses on /api/. */
    query?: Record<string, unknown>;
    getPath(): string;
    getQuery(): string;
  }
  export interface Response extends ServerResponse {
    send(code: number, body?: unknown, headers?: Record<string, string>): void;
    send(body?: unknown): void;
    status(code: number): number;
    header(name: string, value: string | number): void;
    redirect(code: number, url: string, next: Next): void;
  }
  export type Next = (err?: unknown) => void;
  export type CallbackHandler = (req: Request, res: Response, next: Next) => void;
  /** restify 9+ takes async handlers of arity 2 (no `next`) or callback handlers of arity 3. */
  export type RequestHandler = (req: Request, res: Response, next: Next) => void | Promise<void>;

  export interface Server {
    readonly server: HttpServer;
    readonly url: string;
    address(): AddressInfo;
    listen(port: number, host: string, callback: () => void): void;
    close(callback?: () => void): void;
    get(path: string | RegExp, ...handlers: RequestHandler[]): void;
    post(path: string | RegExp, ...handlers: RequestHandler[]): void;
    put(path: string | RegExp, ...handlers: RequestHandler[]): void;
    patch(path: string | RegExp, ...handlers: RequestHandler[]): void;
    del(path: string | RegExp, ...handlers: RequestHandler[]): void;
    pre(...handlers: RequestHandler[]): void;
    use(...handlers: RequestHandler[]): void;
    on(event: string, listener: (...args: unknown[]) => void): void;
  }
  export interface ServerOptions {
    name?: string;
    handleUncaughtExceptions?: boolean;
    ignoreTrailingSlash?: boolean;
    maxParamLength?: number;
  }
  export function createServer(options?: ServerOptions): Server;

  export namespace plugins {
    function bodyParser(options?: { maxBodySize?: number; mapParams?: boolean; rejectUnknown?: boolean }): CallbackHandler;
    function queryParser(options?: { mapParams?: boolean }): CallbackHandler;
    function serveStaticFiles(directory: string, options?: { maxAge?: number; etag?: boolean }): CallbackHandler;
  }
}
