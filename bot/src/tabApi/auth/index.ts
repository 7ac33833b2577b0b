import type { Request } from 'restify';
import { isJoined } from '@soestainable/shared/domain/organisation';
import type { Role } from '@soestainable/shared/domain/types';
import type { Config } from '../../config';
import type { Logger } from '../../platform/logger';
import type { Repositories } from '../../storage/repositories';
import { ApiError, type Authenticator, type Principal } from '../http';
import { DevTokens } from './dev';
import { SsoValidator, TokenRefused } from './sso';

export { DevTokens } from './dev';
export { SsoValidator, TokenRefused } from './sso';

/** Longest Authorization header we read (Entra access tokens are 1–3 KB). */
const MAX_TOKEN_LENGTH = 8192;
const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/;

export interface TabAuthenticator extends Authenticator {
  /** The dev sign-in's token issuer; `undefined` unless `config.tabAuth.devSignIn` (never in production). */
  readonly dev: DevTokens | undefined;
}

export interface AuthDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly repos: Repositories;
  /** Real time for token lifetimes (not the app's DEV_CLOCK: Entra's tokens live in real time). */
  readonly tokenClock?: () => Date;
  /** The SSO validator (tests of the wiring may pass their own key set). */
  readonly sso?: SsoValidator;
}

/**
 * Builds the tab API's authenticator: Teams SSO when an Entra app is configured, else — outside production only —
 * the dev sign-in. Either way the token says who the caller is; what they may do (roles, team) comes from the
 * stored participant. An unknown user is an authenticated employee without a team. Refusals are logged with a
 * reason code only: never the token, never a claim.
 */
export function createAuthenticator(deps: AuthDeps): TabAuthenticator {
  const { config, logger, repos } = deps;
  const tokenClock = deps.tokenClock ?? (() => new Date());
  const { clientId } = config.tabAuth;
  const sso =
    deps.sso ??
    (clientId === undefined
      ? undefined
      : new SsoValidator({ clientId, appIdUri: config.tabAuth.appIdUri, allowedTenants: config.tabAuth.allowedTenants, jwksUrl: config.tabAuth.jwksUrl }));
  const dev = sso === undefined && config.tabAuth.devSignIn && !config.isProduction ? new DevTokens(tokenClock) : undefined;

  async function principalOf(userId: string, tenantId: string | undefined, name: string, via: 'sso' | 'dev', asRole?: Role | 'employee'): Promise<Principal> {
    const participant = await repos.participants.get(userId);
    const joined = isJoined(participant);
    // The dev sign-in acts in the role picked; SSO in the roles stored on the participant.
    const roles = new Set<Role>(via === 'dev' ? (asRole === undefined || asRole === 'employee' ? [] : [asRole]) : joined ? participant.roles : []);
    return {
      userId,
      tenantId: tenantId ?? participant?.tenantId ?? '',
      name,
      roles,
      teamId: joined ? participant.teamId : undefined,
      via,
    };
  }

  function bearer(req: Request): string {
    const header = req.headers.authorization;
    if (header === undefined || header === '') throw new TokenRefused('missing');
    if (header.length > MAX_TOKEN_LENGTH) throw new TokenRefused('malformed');
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw new TokenRefused('malformed');
    return token;
  }

  return {
    dev,
    async authenticate(req: Request): Promise<Principal> {
      try {
        const token = bearer(req);
        if (sso) {
          const who = await sso.validate(token);
          return await principalOf(who.userId, who.tenantId, who.name ?? who.userId, 'sso');
        }
        if (dev) {
          const who = await dev.validate(token);
          return await principalOf(who.userId, undefined, who.userId, 'dev', who.role);
        }
        throw new TokenRefused('not_configured');
      } catch (err) {
        if (err instanceof TokenRefused) logger.info('tab api: token refused', { reason: err.reason, path: req.getPath() });
        else if (err instanceof ApiError) logger.warn('tab api: sign-in unavailable', { code: err.code });
        throw err;
      }
    },
  };
}
