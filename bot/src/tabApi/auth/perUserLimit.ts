import type { Request } from 'restify';
import type { KeyedRateLimit } from '../../platform/keyedRateLimit';
import type { Logger } from '../../platform/logger';
import { ApiError, type Principal } from '../http';
import type { TabAuthenticator } from './index';

/**
 * The tab API's per-user rate limit, where every authenticated route passes: once the token says who is calling,
 * their request is counted, and beyond the limit answered 429 RATE_LIMITED with `Retry-After` before the handler
 * runs. Requests refused at authentication are not counted (there is nobody to count them for).
 */
export function limitPerUser(auth: TabAuthenticator, limit: KeyedRateLimit, logger: Logger): TabAuthenticator {
  return {
    dev: auth.dev,
    async authenticate(req: Request): Promise<Principal> {
      const principal = await auth.authenticate(req);
      const admission = limit.take(`${principal.tenantId}|${principal.userId}`);
      if (admission.allowed) return principal;
      // Logged once per burst, by code: a client in a loop does not flood the log too.
      if (admission.firstRefusal) logger.warn('tab api: rate limited', { perMinute: limit.perMinute, path: req.getPath() });
      throw new ApiError(
        'RATE_LIMITED',
        `Too many requests: at most ${limit.perMinute} a minute per user. Try again in ${admission.retryAfterSeconds} s.`,
        { retryAfterSeconds: admission.retryAfterSeconds },
        { 'Retry-After': String(admission.retryAfterSeconds) },
      );
    },
  };
}
