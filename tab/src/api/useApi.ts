import { useCallback, useEffect, useState } from 'react';
import { apiPath, type GetRouteName, type ResponseOf, type RouteArgsTuple, type SendRouteName } from '@soestainable/shared/api/routes';
import { useApiClient } from '../app/context';
import type { SendRequest } from './client';
import { ApiClientError } from './errors';

export interface ApiState<T> {
  readonly loading: boolean;
  readonly error: ApiClientError | null;
  readonly data: T | undefined;
  /** The answer's ETag header, if the server sent one. */
  readonly etag: string | null;
  /** Fetches again (keeps the old data on screen until the new answer arrives). */
  readonly reload: () => void;
}

function asClientError(err: unknown): ApiClientError {
  return err instanceof ApiClientError ? err : new ApiClientError('BAD_RESPONSE', 0, err instanceof Error ? err.message : 'unknown failure');
}

/**
 * GETs route `name` of the route table (`useApi('me.get')`, `useApi('dashboard.get', { params: { teamId } })`) and
 * follows it: loading → data (the route's response type) or a coded error; `reload()` to refresh.
 */
export function useApi<N extends GetRouteName>(name: N, ...args: RouteArgsTuple<N>): ApiState<ResponseOf<N>> {
  type T = ResponseOf<N>;
  const client = useApiClient();
  const [state, setState] = useState<{ data: T | undefined; etag: string | null; error: ApiClientError | null; loading: boolean }>({
    data: undefined,
    etag: null,
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  // The path stands for the route and its arguments: a new path asks again, a new but equal arguments object does not.
  const path = apiPath(name, ...args);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    client.getWithEtag(name, ...args).then(
      ({ data, etag }) => {
        if (current) setState({ data, etag, error: null, loading: false });
      },
      (err: unknown) => {
        if (current) setState((s) => ({ ...s, error: asClientError(err), loading: false }));
      },
    );
    return () => {
      current = false;
    };
    // `name` and `args` are what `path` was made of.
  }, [client, path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/**
 * The two calls the brief names, bound to the shell's client and typed by the route table: `apiGet(name, {params})`
 * and `apiSend(name, { params, body, etag })` (method and path come from the table; `etag` is sent as `If-Match`).
 */
export function useApiCalls(): {
  readonly apiGet: <N extends GetRouteName>(name: N, ...args: RouteArgsTuple<N>) => Promise<ResponseOf<N>>;
  readonly apiSend: <N extends SendRouteName>(name: N, request: SendRequest<N>) => Promise<ResponseOf<N>>;
} {
  const client = useApiClient();
  return {
    apiGet: useCallback(<N extends GetRouteName>(name: N, ...args: RouteArgsTuple<N>) => client.get(name, ...args), [client]),
    apiSend: useCallback(<N extends SendRouteName>(name: N, request: SendRequest<N>) => client.send(name, request), [client]),
  };
}

/**
 * A change the user starts (save, delete): `run` calls the API, `busy` while it is under way, `error` the coded
 * failure to show. `run` resolves to the answer, or undefined when it failed.
 */
export function useMutation<A extends unknown[], T>(call: (...args: A) => Promise<T>): {
  readonly run: (...args: A) => Promise<T | undefined>;
  readonly busy: boolean;
  readonly error: ApiClientError | null;
  readonly clearError: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await call(...args);
      } catch (err) {
        setError(asClientError(err));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [call],
  );
  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
