/**
 * Where the API's bearer token comes from: Teams SSO (`authentication.getAuthToken()`, through the host) or, locally,
 * the dev sign-in's token kept in sessionStorage (gone when the browser tab closes).
 */
export interface TokenSource {
  readonly kind: 'teams' | 'dev';
  /** The token for the next call, or null when there is none (outside Teams, before the dev sign-in). */
  getToken(): Promise<string | null>;
  /** Forgets a token the server refused. */
  clear(): void;
}

export const DEV_TOKEN_KEY = 'soestainable.devToken';

export class DevTokenSource implements TokenSource {
  readonly kind = 'dev';
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  getToken(): Promise<string | null> {
    return Promise.resolve(this.storage.getItem(DEV_TOKEN_KEY));
  }

  /** Keeps the token `POST /api/dev/session` handed out. */
  save(token: string): void {
    this.storage.setItem(DEV_TOKEN_KEY, token);
  }

  clear(): void {
    this.storage.removeItem(DEV_TOKEN_KEY);
  }
}

/** Teams SSO: the host hands out a fresh token for every call (teams-js caches it until shortly before expiry). */
export class TeamsTokenSource implements TokenSource {
  readonly kind = 'teams';
  constructor(private readonly getAuthToken: () => Promise<string>) {}

  async getToken(): Promise<string | null> {
    return this.getAuthToken();
  }

  clear(): void {
    // Teams owns the token; nothing to forget here.
  }
}
