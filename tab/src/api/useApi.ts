import { useCallback, useEffect, useState } from 'react';
import { useApiClient } from '../app/context';
import type { SendMethod } from './client';
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

/** GETs `path` (null: nothing yet) and follows it: loading → data or a coded error; `reload()` to refresh. */
export function useApi<T>(path: string | null): ApiState<T> {
  const client = useApiClient();
  const [state, setState] = useState<{ data: T | undefined; etag: string | null; error: ApiClientError | null; loading: boolean }>({
    data: undefined,
    etag: null,
    error: null,
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return undefined;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    client.getWithEtag<T>(path).then(
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
  }, [client, path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/** The two calls the brief names, bound to the shell's client: `apiGet<T>(path)` and `apiSend<T>(method, path, body, {etag})`. */
export function useApiCalls(): {
  readonly apiGet: <T>(path: string) => Promise<T>;
  readonly apiSend: <T>(method: SendMethod, path: string, body: unknown, options?: { etag?: string }) => Promise<T>;
} {
  const client = useApiClient();
  return {
    apiGet: useCallback(<T,>(path: string) => client.get<T>(path), [client]),
    apiSend: useCallback(<T,>(method: SendMethod, path: string, body: unknown, options?: { etag?: string }) => client.send<T>(method, path, body, options ?? {}), [client]),
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
