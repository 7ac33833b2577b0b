import {
  API_ROUTES,
  apiPath,
  type GetRouteName,
  type RequestOf,
  type ResponseOf,
  type RouteArgs,
  type RouteArgsTuple,
  type SendRouteName,
} from '@soestainable/shared/api/routes';
import { ApiClientError, errorFromBody } from './errors';
import type { TokenSource } from './tokens';

/** A change: the route's body, its path parameters and query, and the `If-Match` version (the ETag read). */
export type SendRequest<N extends SendRouteName> = RouteArgs<N> & {
  readonly body: RequestOf<N>;
  readonly etag?: string | undefined;
};

export interface ApiClientDeps {
  /** The browser's fetch (tests pass a stand-in for the network). */
  readonly fetch: typeof fetch;
  readonly tokens: TokenSource;
  /** Called once a call was refused with 401 (the shell sends a dev sign-in user back to `#/signin`). */
  readonly onUnauthenticated: () => void;
  /** Prefix of every path; `''` when the tab is served by the API's own server. */
  readonly baseUrl?: string;
}

/** An answer with the ETag the server sent along (for `If-Match` on a later change). */
export interface WithEtag<T> {
  readonly data: T;
  readonly etag: string | null;
}

/** How long a prefetched answer may stand in for a fresh one (the first view; afterwards pages ask anew). */
export const PREFETCH_FRESH_MS = 10_000;

/**
 * The tab's only way to the server: JSON in and out, the bearer token on every call, and every failure an
 * {@link ApiClientError} with the server's code (or NETWORK / BAD_RESPONSE). Calls name a route of the shared
 * route table (shared/src/api/routes.ts), which gives the method, the path and the answer's type:
 * `client.get('me.get')` is a `Promise<MeResponse>`, `client.send('actions.update', { params, body, etag })`.
 */
export class ApiClient {
  /** Answers asked for ahead of time (`prefetch`), each handed out once, and only while fresh. */
  private readonly early = new Map<string, { readonly at: number; readonly answer: Promise<WithEtag<unknown>> }>();

  constructor(private readonly deps: ApiClientDeps) {}

  /**
   * Starts a GET now whose answer the next `getWithEtag` of the same route and arguments (within
   * {@link PREFETCH_FRESH_MS}) takes instead of asking again: the shell asks for the opened dashboard while it
   * still waits for the session. A failure is kept for that call to report, so nothing is lost or shown twice.
   */
  prefetch<N extends GetRouteName>(name: N, ...args: RouteArgsTuple<N>): void {
    const path = apiPath(name, ...args);
    const answer = this.request<unknown>('GET', path, undefined, undefined);
    answer.catch(() => undefined); // reported by the call that takes it
    this.early.set(path, { at: Date.now(), answer });
  }

  async get<N extends GetRouteName>(name: N, ...args: RouteArgsTuple<N>): Promise<ResponseOf<N>> {
    return (await this.request<ResponseOf<N>>('GET', apiPath(name, ...args), undefined, undefined)).data;
  }

  /** GET that also returns the answer's ETag header. */
  async getWithEtag<N extends GetRouteName>(name: N, ...args: RouteArgsTuple<N>): Promise<WithEtag<ResponseOf<N>>> {
    const path = apiPath(name, ...args);
    const early = this.early.get(path);
    this.early.delete(path);
    // The prefetch asked the same server for the same path, so its answer has this route's type.
    if (early !== undefined && Date.now() - early.at <= PREFETCH_FRESH_MS) return early.answer as Promise<WithEtag<ResponseOf<N>>>;
    return this.request<ResponseOf<N>>('GET', path, undefined, undefined);
  }

  async send<N extends SendRouteName>(name: N, request: SendRequest<N>): Promise<ResponseOf<N>> {
    // A SendRequest is the route's RouteArgs plus body and etag; apiPath reads only params and query.
    const path = apiPath(name, ...([request] as RouteArgsTuple<N>));
    return (await this.request<ResponseOf<N>>(API_ROUTES[name].method, path, request.body, request.etag)).data;
  }

  /** Downloads a file answer (an export), with the same token and error handling. */
  async download<N extends GetRouteName>(name: N, ...args: RouteArgsTuple<N>): Promise<{ blob: Blob; fileName: string | null }> {
    const path = apiPath(name, ...args);
    const res = await this.fetchWithToken('GET', path, undefined, undefined);
    if (!res.ok) throw await this.failure(res);
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const match = /filename="?([^";]+)"?/i.exec(disposition);
    return { blob: await res.blob(), fileName: match?.[1] ?? null };
  }

  private async request<T>(method: string, path: string, body: unknown, etag: string | undefined): Promise<WithEtag<T>> {
    const res = await this.fetchWithToken(method, path, body, etag);
    if (!res.ok) throw await this.failure(res);
    const text = await res.text();
    let data: unknown;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ApiClientError('BAD_RESPONSE', res.status, `${method} ${path}: the answer is not JSON`);
    }
    return { data: data as T, etag: res.headers.get('ETag') };
  }

  private async fetchWithToken(method: string, path: string, body: unknown, etag: string | undefined): Promise<Response> {
    let token: string | null;
    try {
      token = await this.deps.tokens.getToken();
    } catch {
      // Teams could not hand out a token (consent missing, or the app is not registered in Entra).
      throw new ApiClientError('UNAUTHENTICATED', 401, 'no token from the host');
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (etag !== undefined) headers['If-Match'] = etag;
    const init: RequestInit = { method, headers, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) init.body = JSON.stringify(body);
    try {
      return await this.deps.fetch(`${this.deps.baseUrl ?? ''}${path}`, init);
    } catch {
      throw new ApiClientError('NETWORK', 0, `${method} ${path}: no answer`);
    }
  }

  private async failure(res: Response): Promise<ApiClientError> {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    const err = errorFromBody(res.status, body);
    if (res.status === 401) {
      this.deps.tokens.clear();
      this.deps.onUnauthenticated();
    }
    return err;
  }
}
